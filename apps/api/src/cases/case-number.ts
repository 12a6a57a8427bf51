import { Prisma } from '@onewindow/db';

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
  // A range on the primary key (':' sorts right after '9'): one raw statement on every acceptance (docs/decisions/0007).
  const [last] = await tx.$queryRaw<{ caseNo: string }[]>(Prisma.sql`
    SELECT "caseNo" FROM "Case" WHERE "caseNo" >= ${prefix} AND "caseNo" < ${`${prefix}:`}
    ORDER BY "caseNo" DESC LIMIT 1`);
  const next = last ? Number(last.caseNo.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}
