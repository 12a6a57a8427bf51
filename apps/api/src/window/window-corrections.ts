import type { WindowCorrectionEntry, WindowCorrectionsPage, WindowQueueQuery } from '@onewindow/contracts';
import type { Db } from '@onewindow/db';
import { maskedIdOf } from '../documents/acceptance-notice.content';
import { stepNamesOf } from '../tasks/step-names';
import { acceptedByWindow } from './window-queue';

/** The decisions that open or close what a department asks of the window, per step. */
const WINDOW_DECISIONS = [
  'return_for_supplement',
  'supplement_submitted',
  'send_back',
  'resubmitted_from_window',
];
/** Cases whose workflow no longer asks anything. */
const CLOSED = ['issued', 'withdrawn', 'rejected_at_intake', 'terminated', 'needs_correction', 'submitted'];

const payloadOf = (payload: string | null): Record<string, unknown> => {
  try {
    const parsed: unknown = payload ? JSON.parse(payload) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const textOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null;

/**
 * 补正待收 of one window (the cases its clerks took in): applications waiting with a one-time notice, and the
 * steps a department returned for 补正 or sent back to the window that are still waiting (the latest of the
 * step's window decisions opened it), longest waiting first.
 */
export async function windowCorrectionsPage(
  db: Db,
  windowDepartment: string,
  q: WindowQueueQuery,
): Promise<WindowCorrectionsPage> {
  const clerks = (
    await db.user.findMany({ where: { departmentCode: windowDepartment }, select: { id: true } })
  ).map((c) => c.id);
  const [waiting, decisions] = await Promise.all([
    db.case.findMany({
      where: { status: 'needs_correction', ...acceptedByWindow(clerks, windowDepartment) },
      select: {
        caseNo: true,
        createdAt: true,
        notices: {
          where: { kind: 'correction_notice' },
          orderBy: { issuedAt: 'desc' },
          take: 1,
          select: { number: true, content: true, issuedAt: true },
        },
      },
    }),
    db.decision.findMany({
      where: {
        verb: { in: WINDOW_DECISIONS },
        stepId: { not: null },
        case: { ...acceptedByWindow(clerks, windowDepartment), status: { notIn: CLOSED } },
      },
      orderBy: { eventSeq: 'asc' },
      select: { caseNo: true, stepId: true, verb: true, payload: true, decidedAt: true },
    }),
  ]);

  // The latest window decision of each step: what it still waits for, if anything.
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) latest.set(`${d.caseNo}\u0000${d.stepId}`, d);
  const open = [...latest.values()].filter(
    (d) =>
      d.verb === 'return_for_supplement' || (d.verb === 'send_back' && payloadOf(d.payload).to === 'window'),
  );

  type Row = Omit<
    WindowCorrectionEntry,
    'applicantKind' | 'applicantName' | 'applicantIdMasked' | 'items' | 'bundleCode' | 'stepName'
  >;
  const rows: Row[] = [
    ...waiting.map((c): Row => {
      const notice = c.notices[0];
      const content = payloadOf(notice?.content ?? null);
      const missing = Array.isArray(content.missing) ? (content.missing as Record<string, unknown>[]) : [];
      return {
        caseNo: c.caseNo,
        kind: 'intake',
        stepId: null,
        asked: missing.map((m) => [m.name, m.problem].filter((x) => typeof x === 'string').join('：')),
        note: null,
        since: (notice?.issuedAt ?? c.createdAt).toISOString(),
        documentNo: notice?.number ?? null,
      };
    }),
    ...open.map((d): Row => {
      const p = payloadOf(d.payload);
      const supplement = d.verb === 'return_for_supplement';
      return {
        caseNo: d.caseNo,
        kind: supplement ? 'supplement' : 'returned',
        stepId: d.stepId,
        asked: supplement ? strings(p.materials) : [textOrNull(p.reason) ?? '—'],
        note: supplement ? textOrNull(p.note) : null,
        since: d.decidedAt.toISOString(),
        documentNo: null,
      };
    }),
  ].sort((a, b) => a.since.localeCompare(b.since) || a.caseNo.localeCompare(b.caseNo));

  const pageRows = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const cases = await db.case.findMany({
    where: { caseNo: { in: [...new Set(pageRows.map((r) => r.caseNo))] } },
    include: { applicant: true, items: true },
  });
  const byNo = new Map(cases.map((c) => [c.caseNo, c]));
  const [catalogue, stepNames] = await Promise.all([
    db.item.findMany({
      where: {
        OR: cases.flatMap((c) =>
          c.items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })),
        ),
      },
      select: { implementationCode: true, version: true, itemKey: true, name: true },
    }),
    stepNamesOf(
      db,
      cases.map((c) => c.flowVersionId),
    ),
  ]);
  const itemOf = new Map(catalogue.map((i) => [`${i.implementationCode}@${i.version}`, i]));
  const items: WindowCorrectionEntry[] = pageRows.flatMap((r) => {
    const c = byNo.get(r.caseNo);
    if (!c) return [];
    return [
      {
        ...r,
        applicantKind: c.applicant.kind === 'organisation' ? 'organisation' : 'person',
        applicantName: c.applicant.name,
        applicantIdMasked: maskedIdOf(c.applicant),
        items: c.items.map((i) => {
          const item = itemOf.get(`${i.implementationCode}@${i.itemVersion}`);
          return {
            implementationCode: i.implementationCode,
            itemKey: item?.itemKey ?? i.implementationCode,
            name: item?.name ?? i.implementationCode,
          };
        }),
        bundleCode: c.bundleCode,
        stepName:
          r.stepId && c.flowVersionId
            ? (stepNames.get(`${c.flowVersionId}\u0000${r.stepId}`) ?? r.stepId)
            : r.stepId,
      },
    ];
  });
  return { view: 'corrections', items, total: rows.length, page: q.page, pageSize: q.pageSize };
}
