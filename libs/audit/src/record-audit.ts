import { isUniqueViolation, kindOfClient, type Db } from '@onewindow/db';
import { maskDeep, maskPersonalData } from './mask-personal-data';
import { chainHash, genesisHash, type AuditContent } from './audit-hash';

export interface AuditInput {
  /** What happened, e.g. "auth.login_failed", "case.accepted", "POST /api/auth/logout". */
  action: string;
  actorUserId?: string | null;
  /** What it happened to, e.g. "case:2026-0001", "user:clerk1". */
  target?: string | null;
  ip?: string | null;
  requestId?: string | null;
  /** Details; stored as JSON with personal data masked. */
  payload?: unknown;
  at?: Date;
  /**
   * Makes the append idempotent: an entry with this key already in the chain is returned instead of a
   * second one (a retried workflow activity uses its `<caseNo>:<seq>` idempotency key).
   */
  eventKey?: string;
}

/**
 * How appends are serialised on this client: a client of createPrismaClient (or a transaction of one) is
 * known, and its SQLite transactions begin with BEGIN IMMEDIATE, which already takes the write lock; any
 * other client is probed once and, on SQLite, takes the lock with a no-op write.
 */
type Serialisation = 'advisory-lock' | 'begin-immediate' | 'no-op-write';
const probed = new WeakMap<Db, Promise<Serialisation>>();

function serialisationOf(db: Db): Promise<Serialisation> {
  const known = kindOfClient(db);
  if (known) return Promise.resolve(known === 'postgresql' ? 'advisory-lock' : 'begin-immediate');
  let probe = probed.get(db);
  if (!probe) {
    probe = db.$queryRawUnsafe('SELECT sqlite_version()').then(
      () => 'no-op-write' as const,
      () => 'advisory-lock' as const,
    );
    probed.set(db, probe);
  }
  return probe;
}

/**
 * A fork attempt (unique prevHash), a concurrent append of the same eventKey (the retry then finds it) or a
 * lock wait that timed out: all safe to try again.
 */
const isRetryable = (error: unknown) =>
  isUniqueViolation(error) || /SQLITE_BUSY|database is locked/.test(String((error as Error)?.message));

/**
 * Appends one entry to the hash chain. Appends are serialised: PostgreSQL by a transaction-scoped
 * advisory lock, SQLite by holding the write lock before reading the chain head (BEGIN IMMEDIATE, or a
 * no-op write on a client that does not begin so; other appenders wait for that lock). Inside
 * inOneTransaction the append joins that transaction. The unique prevHash
 * makes a fork impossible even if that failed; such a clash is retried. With `eventKey` the append is
 * idempotent: the entry already recorded for that key is returned and nothing is appended.
 */
export async function recordAudit(db: Db, input: AuditInput) {
  const serialisation = await serialisationOf(db);
  const content: AuditContent = {
    at: input.at ?? new Date(),
    actorUserId: input.actorUserId ?? null,
    action: maskPersonalData(input.action),
    target: input.target == null ? null : maskPersonalData(input.target),
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    payload: input.payload === undefined ? null : JSON.stringify(maskDeep(input.payload)),
    ...(input.eventKey === undefined ? {} : { eventKey: input.eventKey }),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          if (serialisation === 'advisory-lock')
            await tx.$queryRawUnsafe('SELECT pg_advisory_xact_lock(781120002)::text AS locked');
          else if (serialisation === 'no-op-write')
            await tx.$executeRawUnsafe('UPDATE "AuditEntry" SET "seq" = "seq" WHERE 0');
          // The chain head and any entry already recorded for this event, in one raw statement (docs/decisions/0007).
          const eventKey = content.eventKey ?? null;
          const [chain] = await tx.$queryRaw<{ head: string | null; recorded: number | null }[]>`
            SELECT (SELECT "hash" FROM "AuditEntry" ORDER BY "seq" DESC LIMIT 1) AS "head",
                   (SELECT "seq" FROM "AuditEntry" WHERE "eventKey" = ${eventKey}) AS "recorded"`;
          if (chain.recorded != null)
            return tx.auditEntry.findUniqueOrThrow({ where: { seq: Number(chain.recorded) } });
          const prevHash = chain.head ?? genesisHash;
          const hash = chainHash(prevHash, content);
          const [{ seq }] = await tx.$queryRaw<{ seq: number }[]>`
            INSERT INTO "AuditEntry" ("at", "actorUserId", "action", "target", "ip", "requestId", "payload", "prevHash", "hash", "eventKey")
            VALUES (${content.at}, ${content.actorUserId}, ${content.action}, ${content.target}, ${content.ip}, ${content.requestId}, ${content.payload}, ${prevHash}, ${hash}, ${eventKey})
            RETURNING "seq"`;
          return { seq: Number(seq), ...content, eventKey, prevHash, hash };
        },
        { maxWait: 10_000, timeout: 10_000 },
      );
    } catch (error) {
      if (!isRetryable(error) || attempt >= 5) throw error;
    }
  }
}
