import type { WindowQueuePage, WindowQueueQuery } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { maskedIdOf } from '../documents/acceptance-notice.content';
import { SYSTEM_ACCEPTOR } from '../cases/system-acceptor';
import { openToleratedGaps } from '../cases/tolerated-gaps';
import { itemNamesOf } from '../tasks/task-inbox';

const dueDateOf = (payload: string | null): string | null => {
  const due = payload ? (JSON.parse(payload) as { dueDate?: unknown }).dueDate : undefined;
  return typeof due === 'string' ? due : null;
};

/**
 * 待出件 of one window: the cases its clerks accepted whose approvals are all done (the projection's
 * `decided`), oldest decision first, each with its Art. 44 issuance due date (the `issuance` clock's start)
 * and the tolerated materials still missing (容缺未补齐: issuance waits for them).
 */
/**
 * The cases a window accepted: by one of its clerks, or deemed accepted by the system (视为受理) for it.
 */
export const acceptedByWindow = (clerks: string[], windowDepartment: string) => ({
  OR: [
    { acceptedBy: { in: clerks } },
    { acceptedBy: SYSTEM_ACCEPTOR, windowDepartmentCode: windowDepartment },
  ],
});

export async function windowQueuePage(
  db: Db,
  windowDepartment: string,
  q: WindowQueueQuery,
): Promise<WindowQueuePage> {
  // The cases this window accepted (their clerk belongs to it).
  const clerks = await db.user.findMany({
    where: { departmentCode: windowDepartment },
    select: { id: true },
  });
  const where = {
    status: 'decided',
    ...acceptedByWindow(
      clerks.map((c) => c.id),
      windowDepartment,
    ),
  };
  const [total, rows] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      orderBy: [{ updatedAt: 'asc' }, { caseNo: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { applicant: true, items: true },
    }),
  ]);
  const caseNos = rows.map((r) => r.caseNo);
  const [starts, names, gaps] = await Promise.all([
    db.clockEvent.findMany({
      where: { caseNo: { in: caseNos }, clockId: 'issuance', kind: 'start' },
      orderBy: { eventSeq: 'asc' },
      select: { caseNo: true, at: true, payload: true },
    }),
    itemNamesOf(db, [...new Set(rows.flatMap((r) => r.items.map((i) => i.implementationCode)))]),
    openToleratedGaps(db, caseNos),
  ]);
  const startOf = new Map(starts.map((s) => [s.caseNo, s]));
  const items = rows.map((r) => {
    const start = startOf.get(r.caseNo);
    return {
      caseNo: r.caseNo,
      applicantName: r.applicant.name,
      applicantIdMasked: maskedIdOf(r.applicant),
      items: r.items.map((i) => ({
        implementationCode: i.implementationCode,
        name: names.get(i.implementationCode) ?? i.implementationCode,
      })),
      acceptedAt: r.acceptedAt?.toISOString() ?? null,
      decidedAt: start?.at.toISOString() ?? null,
      issuanceDueDate: start ? dueDateOf(start.payload) : null,
      toleratedGaps: gaps.get(r.caseNo) ?? [],
    };
  });
  items.sort((a, b) => (a.decidedAt ?? '').localeCompare(b.decidedAt ?? ''));
  return { view: q.view, items, total, page: q.page, pageSize: q.pageSize };
}
