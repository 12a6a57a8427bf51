import { Client, Connection } from '@temporalio/client';
import type { Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { seedCatalogue, signInAll } from './case-fixtures';
import type { ApiSession } from './http-session';

/** A started stack with the e2e catalogue seeded, the clerk and each department's approver signed in. */
export interface SeededStack {
  stack: RunningStack;
  db: Db;
  clerk: ApiSession;
  approver: (departmentCode: string) => ApiSession;
  /** A client of the stack's Temporal server, to read workflows as Temporal stores them. */
  temporal: Client;
  /** Closes the Temporal client and the database, then stops the stack. */
  stop(): Promise<void>;
}

/** What the API journeys start in their `beforeAll` (and stop in `afterAll`, with `stop()`). */
export async function startSeededStack(): Promise<SeededStack> {
  const stack = await startStack();
  const db = await seedCatalogue(stack.databaseUrl);
  const { clerk, approver } = await signInAll(stack.baseUrl);
  const temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  return {
    stack,
    db,
    clerk,
    approver,
    temporal,
    stop: async () => {
      await temporal.connection.close();
      await db.$disconnect();
      await stack.stop();
    },
  };
}
