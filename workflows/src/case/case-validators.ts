import type { StepAction } from '@onewindow/flow-model';
import type { CaseState, StepState } from './case-state';
import { pendingAssignees } from './step-reducer';

/** Synchronous checks run by Update validators: each throws with a sentence the clerk can act on. */
export function assertInReview(state: CaseState): void {
  if (state.phase !== 'in_review') throw new Error(`case ${state.caseNo} is ${state.phase.replace('_', ' ')}: review decisions are closed`);
}

export function openStep(state: CaseState, stepId: string): StepState {
  assertInReview(state);
  const step = state.steps[stepId];
  if (!step) {
    const open = Object.values(state.steps).filter((s) => s.status === 'open').map((s) => s.stepId);
    const at = Object.entries(state.run.nodes).filter(([, status]) => status === 'active').map(([id]) => id);
    const where = open.length > 0 ? `open: ${open.join(', ')}` : `open: none; the plan is at ${at.join(', ') || 'no active node'}`;
    throw new Error(`no department step "${stepId}" is open in case ${state.caseNo} (${where})`);
  }
  if (step.status !== 'open') throw new Error(`step "${stepId}" is already ${step.status}`);
  return step;
}

export function assertAllowed(step: StepState, action: StepAction): void {
  if (!step.actions.includes(action)) throw new Error(`step "${step.stepId}" does not allow "${action}" (allowed: ${step.actions.join(', ')})`);
}

export function assertPendingAssignee(step: StepState, actor: string): void {
  const pending = pendingAssignees(step);
  if (!pending.includes(actor)) {
    const voted = step.assignees.some((a) => a.userId === actor && a.status !== 'pending' && a.status !== 'removed');
    throw new Error(
      voted
        ? `${actor} has already decided on step "${step.stepId}"`
        : `${actor} is not an assignee of step "${step.stepId}" (pending: ${pending.join(', ') || 'none'})`,
    );
  }
}

export function assertNotSuspended(step: StepState): void {
  const s = step.suspension;
  if (s) {
    const what = s.kind === 'supplement' ? 'waiting for the applicant’s supplement (补正)' : `in a special procedure (${s.procedure})`;
    throw new Error(`step "${step.stepId}" is suspended, ${what}, since ${s.since}: resume it first`);
  }
}

/** A verb by an assignee on an open, running step. */
export function assertCanAct(state: CaseState, stepId: string, actor: string, action: StepAction): StepState {
  const step = openStep(state, stepId);
  assertAllowed(step, action);
  assertPendingAssignee(step, actor);
  assertNotSuspended(step);
  return step;
}

export function assertSuspendedFor(state: CaseState, stepId: string, kind: 'supplement' | 'special_procedure'): StepState {
  const step = openStep(state, stepId);
  if (step.suspension?.kind !== kind) {
    throw new Error(`step "${stepId}" is not suspended for ${kind === 'supplement' ? 'a supplement (补正)' : 'a special procedure'}`);
  }
  return step;
}

export function assertExtensionApprovable(state: CaseState, stepId: string, approvedBy: string): StepState {
  const step = openStep(state, stepId);
  const pending = step.pendingExtension;
  if (!pending) throw new Error(`step "${stepId}" has no extension request to approve`);
  if (pending.requestedBy === approvedBy) throw new Error(`${approvedBy} requested the extension and cannot approve it`);
  return step;
}
