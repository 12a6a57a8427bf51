import type { AuditEntryView } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';

/** The audit log in order, from the entry after `afterSeq` on, at most `limit` entries. */
export async function auditEntriesAfter(db: Db, afterSeq: number, limit: number): Promise<AuditEntryView[]> {
  const rows = await db.auditEntry.findMany({
    where: { seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take: limit,
  });
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
