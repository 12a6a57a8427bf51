import type { Db } from '@onewindow/db';
import { chainHash, genesisHash } from './audit-hash';

export type AuditChainReport =
  /** headHash: note it down (e.g. in a daily report) — a chain cut back to an earlier entry no longer ends in it. */
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/** Walks the chain in order and reports the first entry whose link or content does not check out. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<AuditChainReport> {
  let expectedPrev = genesisHash;
  let afterSeq = 0;
  let entries = 0;
  for (;;) {
    const batch = await db.auditEntry.findMany({
      where: { seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: batchSize,
    });
    if (batch.length === 0) return { ok: true, entries, headHash: expectedPrev };
    for (const entry of batch) {
      if (entry.prevHash !== expectedPrev) {
        const reason = `entry #${entry.seq} does not follow the entry before it (an entry was removed, inserted or reordered)`;
        return { ok: false, entries, brokenAtSeq: entry.seq, reason };
      }
      if (chainHash(entry.prevHash, entry) !== entry.hash) {
        return {
          ok: false,
          entries,
          brokenAtSeq: entry.seq,
          reason: `entry #${entry.seq} was changed after it was written (its hash does not match its content)`,
        };
      }
      expectedPrev = entry.hash;
      afterSeq = entry.seq;
      entries++;
    }
  }
}
