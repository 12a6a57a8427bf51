import { Client, Connection } from '@temporalio/client';
import type { Db } from '@onewindow/db';
import { startStack, type RunningStack } from '../support/start-stack';
import { application, eventually, seedCatalogue, signInAll } from './case-fixtures';
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

/** The clerk accepts `count` cases of one item; resolves with their numbers once each has its open task. */
export async function acceptOpenCases(
  { clerk, db }: SeededStack,
  implementationCode: string,
  count: number,
): Promise<string[]> {
  const cases: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await clerk.call('POST', '/api/cases', application([implementationCode]));
    if (res.status !== 201) throw new Error(`acceptance answered ${res.status}: ${JSON.stringify(res.body)}`);
    cases.push(res.body.caseNo);
  }
  await eventually(async () =>
    (await db.task.count({ where: { caseNo: { in: cases }, state: 'open' } })) === count ? true : undefined,
  );
  return cases;
}
