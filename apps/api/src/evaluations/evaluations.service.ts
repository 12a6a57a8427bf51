// 好差评: ratings of issued cases and the 差评 rectification orders they open (evaluations.router.ts).
import crypto from 'node:crypto';
import { addWorkingDays, toShanghaiDate } from '@onewindow/calendar';
import {
  isBadGrade,
  type CloseRectificationRequest,
  type EvaluationChannel,
  type EvaluationResponse,
  type RectificationOrder,
  type RectificationQuery,
} from '@onewindow/contracts';
import { isUniqueViolation } from '@onewindow/db';
import type { ApiDeps } from '../api-deps';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import { notFound, ProblemError, ProblemType } from '../http/problem';

const refused = (detail: string) => new ProblemError(409, ProblemType.refused, 'Action refused', detail);

const channelLabel: Record<EvaluationChannel, string> = { public: '网上（办件查询）', window: '窗口评价器' };

/** The departments that handled the case: those of its steps' tasks, else those of its items. */
async function handlingDepartments(db: ApiDeps['db'], caseNo: string): Promise<string[]> {
  const tasks = await db.task.findMany({ where: { caseNo }, select: { departmentCode: true } });
  if (tasks.length > 0) return [...new Set(tasks.map((t) => t.departmentCode))].sort();
  const items = await db.caseItem.findMany({
    where: { caseNo },
    select: { implementationCode: true, itemVersion: true },
  });
  const found = await db.item.findMany({
    where: { OR: items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })) },
    select: { departmentCode: true },
  });
  return [...new Set(found.map((i) => i.departmentCode))].sort();
}

export interface RatingInput {
  caseNo: string;
  channel: EvaluationChannel;
  grade: number;
  aspects?: readonly string[];
  comment?: string;
  /** The window clerk who opened a `window` rating (the staff rated). */
  evaluatedBy?: string;
}

/**
 * Records a rating of an issued case, once per channel; a 差评 opens one rectification order per handling
 * department, due `RECTIFICATION_WORKING_DAYS` (config; 15 by default) working days after the rating's day (Asia/Shanghai) on the calendar
 * in force. After a 差评 whose orders are all closed the applicant may re-rate once on the channel (round 2; both
 * records are kept). Refused, with nothing written: a case not issued, a second rating on the channel (a re-rating
 * before the orders are closed, or a third).
 */
export async function rateCase(
  deps: ApiDeps,
  input: RatingInput,
  now: Date = new Date(),
): Promise<EvaluationResponse> {
  const { db } = deps;
  const found = await db.case.findUnique({ where: { caseNo: input.caseNo }, select: { status: true } });
  if (!found) throw notFound(`没有办件 ${input.caseNo}`);
  if (found.status !== 'issued')
    throw refused(`办件 ${input.caseNo} 尚未办结（出件后才能评价）：请在领取结果后再评价`);
  const round = await nextRound(db, input);
  let orders: EvaluationResponse['rectificationOrders'] = [];
  if (isBadGrade(input.grade)) {
    const { calendar } = await getCalendarInForce(deps, now);
    const deadline = addWorkingDays(
      calendar,
      toShanghaiDate(now.getTime()),
      deps.config.RECTIFICATION_WORKING_DAYS,
    );
    const departments = await handlingDepartments(db, input.caseNo);
    orders = departments.map((departmentCode) => ({ id: crypto.randomUUID(), departmentCode, deadline }));
  }
  const id = crypto.randomUUID();
  try {
    await db.$transaction([
      db.evaluation.create({
        data: {
          id,
          caseNo: input.caseNo,
          channel: input.channel,
          rating: input.grade,
          comment: input.comment || null,
          aspects: input.aspects?.length ? JSON.stringify([...new Set(input.aspects)]) : null,
          evaluatedBy: input.evaluatedBy ?? null,
          round,
          createdAt: now,
        },
      }),
      ...orders.map((o) =>
        db.rectificationOrder.create({
          data: { ...o, evaluationId: id, caseNo: input.caseNo, state: 'open', openedAt: now },
        }),
      ),
    ]);
  } catch (error) {
    // Two ratings at once on the same channel and round: the unique index keeps one.
    if (isUniqueViolation(error)) throw round === 1 ? alreadyRated(input) : alreadyRerated(input);
    throw error;
  }
  return {
    id,
    caseNo: input.caseNo,
    channel: input.channel,
    grade: input.grade,
    round,
    rectificationOrders: orders,
  };
}

/**
 * The round of a new rating on the channel: 1 when none was given; 2 (the one re-rating) when the first was a
 * 差评 whose rectification orders are all closed; otherwise refused.
 */
async function nextRound(db: ApiDeps['db'], input: RatingInput): Promise<1 | 2> {
  const given = await db.evaluation.findMany({
    where: { caseNo: input.caseNo, channel: input.channel },
    select: { id: true, rating: true, round: true },
    orderBy: { round: 'asc' },
  });
  const first = given[0];
  if (!first) return 1;
  if (given.length > 1) throw alreadyRerated(input);
  if (!isBadGrade(first.rating)) throw alreadyRated(input);
  const open = await db.rectificationOrder.count({ where: { evaluationId: first.id, state: 'open' } });
  if (open > 0)
    throw refused(
      `办件 ${input.caseNo} 的差评整改尚未办结（${open} 张整改单待办结）：整改办结后申请人可以再评价一次`,
    );
  return 2;
}

const alreadyRerated = (input: RatingInput) =>
  refused(
    `办件 ${input.caseNo} 已在整改后通过${channelLabel[input.channel]}再次评价过（整改后只能再评价一次）`,
  );

const alreadyRated = (input: RatingInput) =>
  refused(
    `办件 ${input.caseNo} 已通过${channelLabel[input.channel]}评价过（一事一评，每个渠道只能评价一次）`,
  );

/**
 * The rectification orders of the departments in scope (null: every department), open ones first, by deadline. An
 * open order past its deadline on `on` is overdue: escalated to the centre supervisor (a status computed on read,
 * so it holds on whatever day is asked, with the deadline counted on the calendar when the order was opened).
 */
export async function listRectifications(
  db: ApiDeps['db'],
  scope: readonly string[] | null,
  q: RectificationQuery,
  now: Date = new Date(),
): Promise<RectificationOrder[]> {
  const on = q.on ?? toShanghaiDate(now.getTime());
  const state =
    q.state === 'overdue' ? { state: 'open', deadline: { lt: on } } : q.state ? { state: q.state } : {};
  const rows = await db.rectificationOrder.findMany({
    where: { ...(scope ? { departmentCode: { in: [...scope] } } : {}), ...state },
    orderBy: [{ state: 'desc' }, { deadline: 'asc' }, { openedAt: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  const evaluations = await db.evaluation.findMany({
    where: { id: { in: rows.map((r) => r.evaluationId) } },
  });
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  const departments = await db.department.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.departmentCode))] } },
    select: { code: true, name: true },
  });
  const names = new Map(departments.map((d) => [d.code, d.name]));
  return rows.map((r) => {
    const e = byId.get(r.evaluationId);
    return {
      id: r.id,
      caseNo: r.caseNo,
      departmentCode: r.departmentCode,
      departmentName: names.get(r.departmentCode) ?? r.departmentCode,
      channel: e?.channel ?? '',
      grade: e?.rating ?? 0,
      round: e?.round ?? 1,
      comment: e?.comment ?? null,
      aspects: e?.aspects ? (JSON.parse(e.aspects) as string[]) : [],
      evaluatedAt: (e?.createdAt ?? r.openedAt).toISOString(),
      deadline: r.deadline,
      state: r.state === 'closed' ? 'closed' : 'open',
      overdue: r.state !== 'closed' && r.deadline < on,
      callbackBy: r.callbackBy,
      callbackAt: r.callbackAt?.toISOString() ?? null,
      callbackNote: r.callbackNote,
      rectification: r.rectification,
      closedBy: r.closedBy,
      closedAt: r.closedAt?.toISOString() ?? null,
    };
  });
}

/** The department of an order, for authorize(); null for an unknown order. */
export async function departmentOfOrder(db: ApiDeps['db'], id: string): Promise<string | null> {
  const order = await db.rectificationOrder.findUnique({ where: { id }, select: { departmentCode: true } });
  return order?.departmentCode ?? null;
}

/** Closes an open order with its callback record and rectification; a closed order is refused. */
export async function closeRectification(
  db: ApiDeps['db'],
  id: string,
  closedBy: string,
  request: CloseRectificationRequest,
  now: Date = new Date(),
): Promise<void> {
  const updated = await db.rectificationOrder.updateMany({
    where: { id, state: 'open' },
    data: {
      state: 'closed',
      callbackBy: request.callback.by,
      callbackAt: new Date(request.callback.at),
      callbackNote: request.callback.note,
      rectification: request.rectification,
      closedBy,
      closedAt: now,
    },
  });
  if (updated.count === 0) throw refused(`整改单 ${id} 已办结，不能再次办结`);
}
