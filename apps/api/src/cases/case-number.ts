import { toShanghaiDate } from '@onewindow/calendar';
import { Prisma } from '@onewindow/db';

/** Shanghai calendar date (YYYYMMDD) of an instant. */
export const shanghaiDay = (at: Date): string => toShanghaiDate(at.getTime()).replace(/-/g, '');

/**
 * 办件编号 `YC<YYYYMMDD><6-digit daily sequence>`: readable, sorts by acceptance order, carries no
 * personal data. Allocated inside the acceptance transaction; a concurrent allocation of the same number
 * fails on the primary key and the caller retries.
 */
export async function nextCaseNo(tx: Prisma.TransactionClient, at: Date): Promise<string> {
  const prefix = `YC${shanghaiDay(at)}`;
  // A range on the primary key, bounded by digits only: a bound such as `${prefix}:` sorts before the digits under
  // PostgreSQL's ICU and glibc collations (zh-Hans-CN among them), which would find no case and hand out 000001 again.
  // One raw statement on every acceptance (docs/decisions/0007).
  const [last] = await tx.$queryRaw<{ caseNo: string }[]>(Prisma.sql`
    SELECT "caseNo" FROM "Case" WHERE "caseNo" >= ${`${prefix}000000`} AND "caseNo" <= ${`${prefix}999999`}
    ORDER BY "caseNo" DESC LIMIT 1`);
  const next = last ? Number(last.caseNo.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}
