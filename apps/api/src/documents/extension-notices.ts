import { documentNumberPrefixes, officialDocumentSchema } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { maskedIdOf, shanghaiDate } from './acceptance-notice.content';
import { storeDocumentOnce } from './case-documents.repository';

type Deps = Pick<ApiDeps, 'db'>;

const dueDateOf = (payload: string | null): string | undefined => {
  try {
    const due = payload ? (JSON.parse(payload) as { dueDate?: unknown }).dueDate : undefined;
    return typeof due === 'string' ? due : undefined;
  } catch {
    return undefined;
  }
};

const detailsOf = (payload: string | null): { days?: unknown; reason?: unknown } => {
  try {
    return payload ? (JSON.parse(payload) as { days?: unknown; reason?: unknown }) : {};
  } catch {
    return {};
  }
};

/** The number of the n-th (1-based) 延期通知书 of a case. */
export const extensionNoticeNo = (caseNo: string, n: number): string =>
  `${documentNumberPrefixes.extension_notice}-${caseNo}-${n}`;

/** How the approver is named on the notice: the department's or the centre's 负责人, by name. */
function approverLabel(
  user: { displayName: string; roles: { role: string }[]; department: { name: string } | null } | null,
  id: string,
): string {
  if (!user) return id;
  if (user.roles.some((r) => r.role === 'supervisor')) return `政务服务中心督办负责人 ${user.displayName}`;
  return `${user.department?.name ?? ''}负责人 ${user.displayName}`.trim();
}

/**
 * 延期通知书 (行政许可法 Art. 42): one per approved extension, stored once under `YQ-<caseNo>-<n>` (the n-th
 * approval of the case), however the extension was approved (the supervision workspace or the case file). It
 * is built from the projection: the approval (Decision `extension_approved`), the request it granted (the
 * step's last `extension_requested` before it: days and reason) and the statutory clock's n-th `extend` event
 * (the new due date; the previous one is the clock's due date before it). An approval whose clock event is not
 * projected yet is issued on the next call.
 */
export async function issueExtensionNotices(deps: Deps, caseNo: string): Promise<void> {
  const db = deps.db;
  const approvals = await db.decision.findMany({
    where: { caseNo, verb: 'extension_approved' },
    orderBy: { eventSeq: 'asc' },
  });
  if (approvals.length === 0) return;
  const stored = new Set(
    (await db.notice.findMany({ where: { caseNo, kind: 'extension_notice' }, select: { number: true } })).map(
      (n) => n.number,
    ),
  );
  const missing = approvals
    .map((approval, i) => ({ approval, number: extensionNoticeNo(caseNo, i + 1), index: i }))
    .filter((a) => !stored.has(a.number));
  if (missing.length === 0) return;
  const [requests, caseClock, row] = await Promise.all([
    db.decision.findMany({
      where: { caseNo, verb: 'extension_requested' },
      orderBy: { eventSeq: 'asc' },
    }),
    db.clockEvent.findMany({ where: { caseNo, clockId: 'case' }, orderBy: { eventSeq: 'asc' } }),
    db.case.findUniqueOrThrow({ where: { caseNo }, include: { applicant: true, items: true } }),
  ]);
  const items = await db.item.findMany({
    where: {
      OR: row.items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })),
    },
    select: { implementationCode: true, name: true, departmentCode: true },
  });
  const departments = await db.department.findMany({
    where: { code: { in: items.map((i) => i.departmentCode) } },
    select: { code: true, name: true },
  });
  const itemOf = new Map(items.map((i) => [i.implementationCode, i]));
  const departmentName = new Map(departments.map((d) => [d.code, d.name]));
  const extensions = caseClock.filter((e) => e.kind === 'extend');
  for (const { approval, number, index } of missing) {
    const extension = extensions[index];
    const newDue = extension ? dueDateOf(extension.payload) : undefined;
    if (!extension || !newDue) continue;
    const previousDue = caseClock
      .filter((e) => e.eventSeq < extension.eventSeq)
      .map((e) => dueDateOf(e.payload))
      .filter((d) => d !== undefined)
      .pop();
    const request = requests
      .filter((r) => r.stepId === approval.stepId && r.eventSeq < approval.eventSeq)
      .pop();
    const requested = detailsOf(request?.payload ?? null);
    const days = typeof requested.days === 'number' ? requested.days : undefined;
    if (!previousDue || days === undefined) continue;
    const approver = await db.user.findUnique({
      where: { id: approval.actorUserId },
      select: {
        displayName: true,
        roles: { select: { role: true } },
        department: { select: { name: true } },
      },
    });
    const content = officialDocumentSchema.parse({
      kind: 'extension_notice',
      documentNo: number,
      caseNo,
      issuedOn: shanghaiDate(approval.decidedAt),
      applicant: { name: row.applicant.name, idNumberMasked: maskedIdOf(row.applicant) },
      issuedBy: approver?.displayName ?? approval.actorUserId,
      items: row.items.map((i) => {
        const item = itemOf.get(i.implementationCode);
        return {
          code: i.implementationCode,
          name: item?.name ?? i.implementationCode,
          departmentName: item ? (departmentName.get(item.departmentCode) ?? item.departmentCode) : '—',
        };
      }),
      extensionWorkingDays: days,
      // Why the decision cannot be made in time: the request's reason (the approver's opinion only without one).
      reason:
        typeof requested.reason === 'string' && requested.reason.trim()
          ? requested.reason
          : (approval.reason ?? '—'),
      approvedBy: approverLabel(approver, approval.actorUserId),
      previousDue,
      newDue,
    });
    await storeDocumentOnce(db, caseNo, {
      number,
      kind: 'extension_notice',
      issuedAt: approval.decidedAt,
      issuedBy: content.issuedBy,
      content: JSON.stringify(content),
    });
  }
}
