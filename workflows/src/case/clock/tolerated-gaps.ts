import type { CaseEngine } from '../engine/case-engine';
import type { ActivityCall, CaseState, ToleratedGap, Transition } from '../engine/case-state';
import { escalationAt, shanghaiDate, type WorkingCalendar } from './case-clock';

/**
 * 容缺受理 in the workflow: each tolerated material has a due date the applicant promised. Supplied
 * (supplyToleratedMaterial) it closes; not supplied by the end of its due day, the window's leads are told
 * once at the start of the next working day on the case calendar, and the catalogue's rule applies:
 * `wait` keeps waiting, `terminate` ends the case (终止办理). Issuance waits while any gap is open.
 */

const iso = (ms: number): string => new Date(ms).toISOString();

/** The tolerated materials not handed in yet (none when the case does not track gaps). */
export const openGaps = (state: Pick<CaseState, 'gaps'>): ToleratedGap[] =>
  (state.gaps ?? []).filter((g) => !g.suppliedAt);

/** When an open gap is overdue: the start of the first working day after its due day. */
export const gapOverdueAt = (calendar: WorkingCalendar, gap: ToleratedGap): number =>
  escalationAt(calendar, gap.dueDate);

/** The open gaps whose overdue alarm has not fired yet, while the case runs. */
export const gapsAwaitingAlarm = (state: CaseState): ToleratedGap[] =>
  state.phase === 'in_review' || state.phase === 'awaiting_issuance'
    ? openGaps(state).filter((g) => !g.overdueAt)
    : [];

/** Reducer: the workflow starts tracking the case's tolerated gaps (its input's, at acceptance). */
export function gapsTracked(gaps: readonly Omit<ToleratedGap, 'suppliedAt' | 'overdueAt'>[]): Transition {
  return {
    fields: { gaps: gaps.map((g) => ({ ...g })) },
    history: [
      {
        actor: 'system',
        action: 'tolerated_gaps_tracked',
        details: {
          materials: gaps.map((g) => ({
            materialCode: g.materialCode,
            dueDate: g.dueDate,
            onOverdue: g.onOverdue,
          })),
        },
      },
    ],
  };
}

/** Reducer: the window records that the applicant handed in tolerated material `materialCode` at `now`. */
export function gapSupplied(
  gaps: readonly ToleratedGap[],
  materialCode: string,
  actor: string,
  now: number,
): Transition & { calls: [ActivityCall] } {
  const gap = gaps.find((g) => g.materialCode === materialCode)!;
  const late = gap.overdueAt !== undefined;
  const details = { materialCode, dueDate: gap.dueDate, on: shanghaiDate(now), late };
  return {
    fields: {
      gaps: gaps.map((g) =>
        g.materialCode === materialCode ? { ...g, suppliedAt: iso(now), suppliedBy: actor } : g,
      ),
    },
    history: [{ actor, action: 'tolerated_material_supplied', details }],
    calls: [{ name: 'recordDecision', input: { action: 'tolerated_material_supplied', actor, details } }],
  };
}

/**
 * Reducer: gap `materialCode` is overdue at `now`: the leads of the window that accepted the case are told
 * (escalateOverdue to the window: a ClockEvent `overdue` on clock `step:tolerated:<code>`), once.
 */
function gapOverdue(
  gaps: readonly ToleratedGap[],
  materialCode: string,
  now: number,
): Transition & { calls: [ActivityCall] } {
  const gap = gaps.find((g) => g.materialCode === materialCode)!;
  const on = shanghaiDate(now);
  return {
    fields: { gaps: gaps.map((g) => (g.materialCode === materialCode ? { ...g, overdueAt: iso(now) } : g)) },
    history: [
      {
        actor: 'system',
        action: 'tolerated_gap_overdue',
        details: { materialCode, dueDate: gap.dueDate, on, onOverdue: gap.onOverdue },
      },
    ],
    calls: [
      {
        name: 'escalateOverdue',
        input: {
          stepId: `tolerated:${materialCode}`,
          to: 'window',
          role: 'dept_lead',
          dueDate: gap.dueDate,
          on,
        },
      },
    ],
  };
}

/**
 * Reducer: 终止办理 at `now` — a gap under the `terminate` rule is overdue; the case ends `terminated`,
 * naming every tolerated material still missing (the API prints the 终止办理通知书 from the decision).
 */
function gapTermination(
  state: Pick<CaseState, 'gaps'>,
  materialCode: string,
  now: number,
): Transition & { calls: [ActivityCall] } {
  const missing = openGaps(state).map((g) => ({ materialCode: g.materialCode, dueDate: g.dueDate }));
  const details = { reason: 'tolerated_gap_overdue', overdue: materialCode, missing };
  return {
    fields: { phase: 'terminated', outcome: 'terminated', decidedAt: iso(now) },
    history: [{ actor: 'system', action: 'terminated', details }],
    calls: [{ name: 'recordDecision', input: { action: 'terminate', actor: 'system', details } }],
  };
}

/** The overdue alarm of one gap: the window's leads are told, then the catalogue's rule applies. */
export async function fireGapOverdue(engine: CaseEngine, materialCode: string): Promise<void> {
  const gap = gapsAwaitingAlarm(engine.state).find((g) => g.materialCode === materialCode);
  if (!gap) return;
  const now = Date.now();
  const overdue = gapOverdue(engine.state.gaps ?? [], materialCode, now);
  engine.apply(overdue);
  const told = engine.call(overdue.calls[0]);
  if (gap.onOverdue === 'wait') {
    await told;
    return;
  }
  const t = gapTermination(engine.state, materialCode, now);
  engine.apply(t);
  const decision = engine.call(t.calls[0]);
  await Promise.all([
    told,
    decision,
    engine.cancelOpenWork(`terminated: tolerated material ${materialCode} overdue`),
  ]);
  await engine.acts.completeCase({ ...engine.base(), outcome: 'terminated', reasons: [] });
}
