import type { Prisma } from '@onewindow/db';

/** Shanghai calendar date (YYYYMMDD) of an instant. */
export const shanghaiDay = (at: Date): string =>
  new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * 办件编号 `YC<YYYYMMDD><6-digit daily sequence>`: readable, sorts by acceptance order, carries no
 * personal data. Allocated inside the acceptance transaction; a concurrent allocation of the same number
 * fails on the primary key and the caller retries.
 */
export async function nextCaseNo(tx: Prisma.TransactionClient, at: Date): Promise<string> {
  const prefix = `YC${shanghaiDay(at)}`;
  const last = await tx.case.findFirst({
    where: { caseNo: { startsWith: prefix } },
    orderBy: { caseNo: 'desc' },
    select: { caseNo: true },
  });
  const next = last ? Number(last.caseNo.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}
