import type { Prisma } from '@onewindow/db';
import { ProblemError, ProblemType } from '../http/problem';

/**
 * The application `caseNo` back at the window must exist (404 otherwise), still wait for materials
 * (一次性告知, `needs_correction`) and be `applicantId`'s (409 in Chinese otherwise). `refused` says what cannot
 * be done to an application no longer waiting (`不能再次受理`, `不能再出具一次性告知书`).
 */
export async function assertWaitingApplication(
  tx: Prisma.TransactionClient,
  caseNo: string,
  applicantId: string,
  refused: string,
): Promise<void> {
  const waiting = await tx.case.findUnique({
    where: { caseNo },
    select: { status: true, applicantId: true },
  });
  if (!waiting)
    throw new ProblemError(
      404,
      ProblemType.notFound,
      'No such application',
      `没有编号为 ${caseNo} 的申请，请核对一次性告知书上的办件编号`,
    );
  if (waiting.status !== 'needs_correction')
    throw new ProblemError(
      409,
      ProblemType.conflict,
      'Application not waiting for materials',
      `申请 ${caseNo} 不在待补正状态（当前：${waiting.status}），${refused}；请刷新后查看该办件`,
    );
  if (waiting.applicantId !== applicantId)
    throw new ProblemError(
      409,
      ProblemType.conflict,
      'Another applicant',
      `申请 ${caseNo} 的申请人与本次填写的证件号码不一致，请核对申请人证件号码`,
    );
}
