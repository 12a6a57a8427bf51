import type { Prisma } from '@onewindow/db';
import { shanghaiDay } from '../cases/case-number';

/**
 * 申报编号 `WS<YYYYMMDD><6-digit daily sequence>` (the receipt day): allocated inside the receiving
 * transaction; two submissions drawing the same number fail on the primary key and the caller retries.
 */
export async function nextSubmissionNo(tx: Prisma.TransactionClient, at: Date): Promise<string> {
  const prefix = `WS${shanghaiDay(at)}`;
  const last = await tx.submission.findFirst({
    where: { submissionNo: { startsWith: prefix } },
    orderBy: { submissionNo: 'desc' },
    select: { submissionNo: true },
  });
  const next = last ? Number(last.submissionNo.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(6, '0')}`;
}
