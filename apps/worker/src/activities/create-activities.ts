import type { Db } from '@onewindow/db';
import type { Logger } from 'pino';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
}

/** Activity factory: real implementations over Prisma, injected so tests can use a real SQLite file. */
export function createActivities(_deps: ActivityDeps) {
  return {};
}
