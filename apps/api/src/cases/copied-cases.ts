// 抄送: the cases copied to a user, for GET /api/cases/copied (cases.router.ts).
import type { CopiedCasePage } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';

/** One page of the cases copied to the user, the latest copy first. */
export async function copiedCasesPage(
  db: Db,
  userId: string,
  page: { page: number; pageSize: number },
): Promise<CopiedCasePage> {
  const where = { userId };
  const [rows, total] = await Promise.all([
    db.caseCopy.findMany({
      where,
      include: { case: { select: { status: true } } },
      orderBy: [{ copiedAt: 'desc' }, { caseNo: 'asc' }],
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
    db.caseCopy.count({ where }),
  ]);
  return {
    items: rows.map((r) => ({
      caseNo: r.caseNo,
      stepId: r.stepId,
      by: r.copiedBy,
      note: r.note,
      at: r.copiedAt.toISOString(),
      caseStatus: r.case.status,
    })),
    page: page.page,
    pageSize: page.pageSize,
    total,
  };
}
