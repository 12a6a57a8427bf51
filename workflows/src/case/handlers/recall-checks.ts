import type { CaseEngine } from '../engine/case-engine';
import type { AssigneeState, CaseState, HistoryEntry, StepState } from '../engine/case-state';
import { seats, signingLine, tally } from '../engine/step-reducer';
import { assertNotHeld, assertNotSuspended } from './case-validators';

/**
 * What a recall (撤回) takes back. `open`: a vote on a step that is still open (a countersign); the step
 * stays open and the voter's place is undecided again. `closed`: the vote that closed the step; the step
 * opens again and what its decision started (`withdrawn` steps, `timers`) goes back, as if it had not been made.
 */
export type RecallPlan =
  | { kind: 'open'; step: StepState; slot: AssigneeState }
  | { kind: 'closed'; step: StepState; slot: AssigneeState; withdrawn: StepState[]; timers: string[] };

const verbOf = (status: AssigneeState['status']): string => (status === 'refused' ? 'refuse' : 'approve');
const who = (a: AssigneeState): string => a.decidedBy ?? a.userId;

/** The actor's decided place on the step (their own, or a group's they decided for); the latest vote first. */
export const decidedSlotOf = (step: StepState, actor: string): AssigneeState | undefined =>
  step.assignees
    .filter((a) => (a.status === 'approved' || a.status === 'refused') && who(a) === actor)
    .sort((x, y) => (y.decidedAt ?? '').localeCompare(x.decidedAt ?? ''))[0];

/** A person's act on a step since it last opened (a vote, 补正, 转办 …), or none: what the system did does not count. */
export function humanActSince(state: CaseState, step: StepState): HistoryEntry | undefined {
  const mine = state.history.filter((h) => h.stepId === step.stepId);
  let opened = -1;
  mine.forEach((h, i) => {
    if (h.action === 'step_opened' || h.action === 'step_reopened') opened = i;
  });
  return mine.slice(opened + 1).find((h) => h.actor !== 'system');
}

/** The last act of a person on a step that has closed. */
const lastHumanAct = (state: CaseState, stepId: string): HistoryEntry | undefined =>
  [...state.history].reverse().find((h) => h.stepId === stepId && h.actor !== 'system');

const actedOn = (state: CaseState, stepId: string, act: HistoryEntry | undefined): Error => {
  const name = state.steps[stepId]?.name ?? stepId;
  const what = act ? ` (${act.action} by ${act.actor} at ${act.at})` : '';
  return new Error(
    `the next step ${name} ("${stepId}") has already acted${what}; ask them to send it back (退回) to this step instead`,
  );
};

/**
 * Whether `actor` may take back their decision on step `stepId` now, and what it takes back; throws the
 * reason (what happened, what to do) when not. Used by the validator and by the view's `recallable`.
 */
export function recallPlan(engine: CaseEngine, stepId: string, actor: string): RecallPlan {
  const s = engine.state;
  if (s.phase !== 'in_review')
    throw new Error(
      `case ${s.caseNo} is ${s.phase.replace('_', ' ')}${s.decidedAt ? ` (decided at ${s.decidedAt})` : ''}: the review is closed, so no decision can be recalled any more`,
    );
  const step = s.steps[stepId];
  if (!step)
    throw new Error(`no department step "${stepId}" has opened in case ${s.caseNo}: nothing to recall`);
  const slot = decidedSlotOf(step, actor);
  if (!slot) {
    const waiting = step.assignees.some(
      (a) => a.status === 'pending' && (a.userId === actor || a.candidates?.includes(actor)),
    );
    throw new Error(
      waiting && step.status === 'open'
        ? `${actor} has not decided on step "${stepId}" yet: there is nothing to recall`
        : `${actor} has no decision on step "${stepId}" to recall`,
    );
  }
  // The signers after them in line (their seat; 依次审批: the whole step) must not have built on the vote.
  const line =
    step.countersign.mode === 'sequential'
      ? signingLine(step.assignees)
      : (seats(step.assignees).find((members) => members.includes(slot)) ?? [slot]);
  const later = line
    .slice(line.indexOf(slot) + 1)
    .find((a) => a.status !== 'pending' || a.delegation || (a.opinions?.length ?? 0) > 0);
  if (later) {
    const what =
      later.status === 'pending'
        ? `delegated it to ${later.delegation?.to ?? 'a colleague'} (委派)`
        : `${verbOf(later.status)} at ${later.decidedAt}`;
    throw new Error(
      `${who(later)} signed step "${stepId}" after ${actor} (${what}): ask ${who(later)} to recall their decision first`,
    );
  }
  const undecided = step.assignees.map((a) => (a === slot ? { ...a, status: 'pending' as const } : a));
  if (step.status === 'open') {
    assertNotHeld(step);
    assertNotSuspended(step);
    return { kind: 'open', step, slot };
  }
  if (step.status !== 'approved' && step.status !== 'refused') {
    const why = step.status === 'returned' ? 'was sent back (退回)' : 'was cancelled';
    throw new Error(
      `step "${stepId}" ${why} at ${step.closedAt}: its decisions no longer count, nothing to recall`,
    );
  }
  const outcome = tally(step.countersign, undecided);
  if (outcome)
    throw new Error(
      `step "${stepId}" stays ${outcome} without ${actor}'s vote (the other signers decide it): recalling changes nothing`,
    );
  if (step.status === 'refused' && engine.run.plan.refusalPolicy === 'fail_fast')
    throw new Error(
      `step "${stepId}" refused the case under the plan's fail_fast policy, which cancelled the other open steps: that refusal cannot be recalled`,
    );
  const node = s.run.nodes[stepId];
  if (node !== 'completed' && node !== 'refused')
    throw new Error(`step "${stepId}" is ${node ?? 'not reached'} in the plan: nothing to recall`);
  const withdrawn: StepState[] = [];
  const timers: string[] = [];
  for (const next of engine.run.recallReach(s.run, stepId).reached) {
    const status = s.run.nodes[next.id];
    if (next.type === 'department') {
      const nextStep = s.steps[next.id];
      if (status !== 'active') throw actedOn(s, next.id, lastHumanAct(s, next.id));
      if (nextStep?.status !== 'open') continue; // activated, not opened yet: nothing to close
      const act = humanActSince(s, nextStep);
      if (act) throw actedOn(s, next.id, act);
      withdrawn.push(nextStep);
    } else if (next.type === 'timer' && status === 'active') timers.push(next.id);
    else if (next.type === 'issue')
      throw new Error(
        `step "${stepId}" was the last decision of case ${s.caseNo}, which now awaits issuance (统一出件): it cannot be recalled`,
      );
    else
      throw new Error(
        `the plan has moved on past step "${stepId}" to "${next.id}" (${next.type}, ${status}): the decision can no longer be recalled`,
      );
  }
  return { kind: 'closed', step, slot, withdrawn, timers };
}

/** Who may recall a decision on the step now (for the view: the UI offers 撤回 to them). */
export function recallers(engine: CaseEngine, step: StepState): string[] {
  const deciders = [
    ...new Set(step.assignees.filter((a) => a.status === 'approved' || a.status === 'refused').map(who)),
  ];
  return deciders.filter((actor) => {
    try {
      recallPlan(engine, step.stepId, actor);
      return true;
    } catch {
      return false;
    }
  });
}
