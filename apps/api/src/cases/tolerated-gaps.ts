import { StatutoryClock, WorkingCalendar, type CalendarData } from '@onewindow/calendar';
import type { Problem, toleratedSupplyRequestSchema } from '@onewindow/contracts';
import type { z } from 'zod';
import type { Db, ItemModel as Item } from '@onewindow/db';
import { ProblemError, ProblemType } from '../http/problem';
import { materialNamesOf } from '../documents/material-names';
import type { caseLimits } from './case-plan';
import type { AcceptApplication } from './validate-application';

type FieldError = NonNullable<Problem['errors']>[number];

type Requirement = { code?: unknown; necessity?: unknown; toleratedOverdue?: unknown };

/** The catalogue's material requirements of an item (its `data.materials`), or none when it lists none. */
const requirementsOf = (item: Pick<Item, 'data'>): Requirement[] => {
  const materials = (JSON.parse(item.data) as { materials?: unknown }).materials;
  return Array.isArray(materials) ? (materials as Requirement[]) : [];
};

/**
 * What the case workflow tracks of each tolerated gap (CaseWorkflowInput.toleratedGaps): the material code,
 * the promised date and the catalogue's rule for a missed date — `terminate` when any of the items asks for
 * it (容缺逾期处理, `toleratedOverdue`), `wait` otherwise. No personal data. Call after checkToleratedGaps.
 */
export function toleratedGapsOf(
  request: AcceptApplication,
  items: Item[],
): { materialCode: string; dueDate: string; onOverdue: ToleratedOverdueRule }[] {
  return request.materials.flatMap((m) =>
    m.provenance === 'tolerated_missing' && m.dueDate
      ? [
          {
            materialCode: m.materialCode,
            dueDate: m.dueDate,
            onOverdue: toleratedOverdueRule(items, m.materialCode),
          },
        ]
      : [],
  );
}

type ToleratedOverdueRule = 'wait' | 'terminate';

/** The rule for a missed date of tolerated material `code` over the items: `terminate` if any item says so. */
export const toleratedOverdueRule = (items: Pick<Item, 'data'>[], code: string): ToleratedOverdueRule =>
  items.some((i) =>
    requirementsOf(i).some(
      (r) => r.code === code && r.necessity === 'tolerated_missing' && r.toleratedOverdue === 'terminate',
    ),
  )
    ? 'terminate'
    : 'wait';

/**
 * 容缺受理: a gap is allowed only on a material one of the items marks as tolerable (容缺后补), with a due date
 * from today on and no later than the promised due date of the case (the statutory one when no item
 * promises). Every bad gap is named in one 400, in Chinese, before anything is written.
 */
export async function checkToleratedGaps(
  db: Db,
  request: AcceptApplication,
  items: Item[],
  limits: ReturnType<typeof caseLimits>,
  calendar: CalendarData,
  acceptedOn: string,
): Promise<void> {
  const gaps = request.materials
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.provenance === 'tolerated_missing');
  if (gaps.length === 0) return;
  const tolerable = new Set(
    items.flatMap((i) =>
      requirementsOf(i)
        .filter((r) => r.necessity === 'tolerated_missing' && typeof r.code === 'string')
        .map((r) => r.code as string),
    ),
  );
  const names = await materialNamesOf(
    db,
    gaps.map(({ m }) => m.materialCode),
  );
  const latest = StatutoryClock.start({
    startDate: acceptedOn,
    limit: limits.promised ?? limits.statutory,
  }).dueAt(WorkingCalendar.fromData(calendar)).date;
  const errors: FieldError[] = gaps.flatMap(({ m, index }): FieldError[] => {
    const name = names.get(m.materialCode) ?? m.materialCode;
    if (!tolerable.has(m.materialCode))
      return [
        {
          path: `materials.${index}.provenance`,
          message: `材料「${name}」在所申请事项的目录中不允许容缺，不能容缺受理：请收取该材料，或出具一次性告知书`,
        },
      ];
    if (!m.dueDate)
      return [
        {
          path: `materials.${index}.dueDate`,
          message: `容缺材料「${name}」须填写申请人承诺的补齐日期`,
        },
      ];
    if (m.dueDate < acceptedOn)
      return [
        {
          path: `materials.${index}.dueDate`,
          message: `容缺材料「${name}」的补齐日期 ${m.dueDate} 早于今天（${acceptedOn}），请改为今天或以后的日期`,
        },
      ];
    if (latest && m.dueDate > latest)
      return [
        {
          path: `materials.${index}.dueDate`,
          message: `容缺材料「${name}」的补齐日期 ${m.dueDate} 晚于办件的承诺办结日期 ${latest}，请改为 ${latest} 或更早`,
        },
      ];
    return [];
  });
  if (errors.length > 0)
    throw new ProblemError(
      400,
      ProblemType.validation,
      'Invalid tolerated gaps',
      `容缺受理不成立：${errors.map((e) => e.message).join('；')}`,
      errors,
    );
}

/** The tolerated materials of a case not supplied yet (容缺未补齐), earliest due date first. */
export async function openToleratedGaps(
  db: Db,
  caseNos: string[],
): Promise<Map<string, { materialCode: string; name: string; dueDate: string | null }[]>> {
  const rows = await db.caseMaterial.findMany({
    where: { caseNo: { in: caseNos }, provenance: 'tolerated_missing', receivedAt: null },
    orderBy: [{ dueDate: 'asc' }, { materialCode: 'asc' }],
    select: { caseNo: true, materialCode: true, dueDate: true },
  });
  const names = await materialNamesOf(
    db,
    rows.map((r) => r.materialCode),
  );
  const gaps = new Map<string, { materialCode: string; name: string; dueDate: string | null }[]>();
  for (const r of rows)
    gaps.set(r.caseNo, [
      ...(gaps.get(r.caseNo) ?? []),
      { materialCode: r.materialCode, name: names.get(r.materialCode) ?? r.materialCode, dueDate: r.dueDate },
    ]);
  return gaps;
}

/** 统一出件 waits for every tolerated material: a 409 in Chinese naming the ones still missing. */
export async function assertNoOpenGaps(db: Db, caseNo: string): Promise<void> {
  const open = (await openToleratedGaps(db, [caseNo])).get(caseNo) ?? [];
  if (open.length === 0) return;
  throw new ProblemError(
    409,
    ProblemType.conflict,
    'Tolerated materials missing',
    `办件 ${caseNo} 为容缺受理，容缺材料尚未补齐，不能出件：${open
      .map((g) => `「${g.name}」${g.dueDate ? `（承诺 ${g.dueDate} 前补齐）` : ''}`)
      .join('、')}。请申请人补齐后，在待出件中点「登记补齐」登记，再出件`,
  );
}

/**
 * 容缺补齐: the window records that the applicant handed in a tolerated material (paper and/or electronic).
 * Only a gap still open on a case under way; the row keeps its provenance (it was a 容缺) and gets its
 * receipt time. `tellWorkflow` runs after the checks and before the row is written (the case workflow's
 * supplyToleratedMaterial Update, idempotent): when it fails nothing is written, and a retry tells it again.
 * Returns what was recorded.
 */
export async function recordToleratedSupply(
  db: Db,
  caseNo: string,
  materialCode: string,
  supplied: z.output<typeof toleratedSupplyRequestSchema>,
  now: Date,
  tellWorkflow: () => Promise<void> = async () => undefined,
) {
  const row = await db.caseMaterial.findUnique({
    where: { caseNo_materialCode: { caseNo, materialCode } },
    include: { case: { select: { status: true } } },
  });
  const name = (await materialNamesOf(db, [materialCode])).get(materialCode) ?? materialCode;
  if (!row || row.provenance !== 'tolerated_missing')
    throw new ProblemError(
      404,
      ProblemType.notFound,
      'No such tolerated material',
      `办件 ${caseNo} 没有容缺材料「${name}」：只能登记受理时容缺的材料，请刷新后核对`,
    );
  if (row.receivedAt)
    throw new ProblemError(
      409,
      ProblemType.conflict,
      'Already supplied',
      `容缺材料「${name}」已于 ${row.receivedAt.toISOString()} 登记补齐，无需再次登记`,
    );
  if (['issued', 'withdrawn', 'rejected_at_intake', 'terminated'].includes(row.case.status))
    throw new ProblemError(
      409,
      ProblemType.conflict,
      'Case closed',
      `办件 ${caseNo} 已结束（${row.case.status}），不能再登记补齐材料`,
    );
  await tellWorkflow();
  // Only a row still open is updated: two clerks recording at once make one record.
  const updated = await db.caseMaterial.updateMany({
    where: { caseNo, materialCode, receivedAt: null },
    data: {
      receivedAt: now,
      originals: supplied.originals,
      copies: supplied.copies,
      form: supplied.form ?? null,
    },
  });
  if (updated.count === 0)
    throw new ProblemError(
      409,
      ProblemType.conflict,
      'Already supplied',
      `容缺材料「${name}」刚由他人登记补齐，请刷新`,
    );
  return { caseNo, materialCode, name, receivedAt: now.toISOString() };
}
