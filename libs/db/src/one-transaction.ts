import { databaseKindOf, type Db } from './create-prisma-client';

/** A transaction client handed out by inOneTransaction → the client it belongs to. */
const rootOf = new WeakMap<object, Db>();

/**
 * Runs `work` in one database transaction. Inside it, `tx.$transaction(fn)` joins that same transaction
 * (fn runs at once with the same client), so functions that open their own transaction — the audit append,
 * a projection write — compose into one: all of them commit together or none does. Calling
 * inOneTransaction with such a client joins as well.
 *
 * Used for a case's batch of projection writes (one BEGIN IMMEDIATE … COMMIT instead of one per write).
 */
export async function inOneTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (rootOf.has(db)) return work(db);
  return db.$transaction((tx) => work(joinable(tx as unknown as Db, db)), {
    maxWait: 10_000,
    timeout: 10_000,
  });
}

function joinable(tx: Db, root: Db): Db {
  const joined: Db = new Proxy(tx, {
    get(target, property) {
      if (property !== '$transaction') return Reflect.get(target, property);
      return (fn: unknown) => {
        if (typeof fn !== 'function')
          throw new Error('$transaction([...]) cannot join an open transaction: pass a function');
        return (fn as (client: Db) => unknown)(joined);
      };
    },
  });
  rootOf.set(joined, root);
  return joined;
}

/** 'sqlite' or 'postgresql' for a client of createPrismaClient or a transaction of one; undefined otherwise. */
export const kindOfClient = (db: Db): 'sqlite' | 'postgresql' | undefined =>
  databaseKindOf(rootOf.get(db) ?? db);
