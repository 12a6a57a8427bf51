import type { StepAction } from '@onewindow/flow-model';
import type { CaseState, StepState } from '../engine/case-state';
import { alreadyClaimed } from './step-guard';
import { pendingAssignees, sequentialTurn, signingLine, undecidedSlotOf } from '../engine/step-reducer';

/** Synchronous checks run by Update validators: each throws with a sentence the clerk can act on. */
export function assertInReview(state: CaseState): void {
  if (state.phase !== 'in_review')
    throw new Error(`case ${state.caseNo} is ${state.phase.replace('_', ' ')}: review decisions are closed`);
}

export function openStep(state: CaseState, stepId: string): StepState {
  assertInReview(state);
  const step = state.steps[stepId];
  if (!step) {
    const open = Object.values(state.steps)
      .filter((s) => s.status === 'open')
      .map((s) => s.stepId);
    const at = Object.entries(state.run.nodes)
      .filter(([, status]) => status === 'active')
      .map(([id]) => id);
    const where =
      open.length > 0
        ? `open: ${open.join(', ')}`
        : `open: none; the plan is at ${at.join(', ') || 'no active node'}`;
    throw new Error(`no department step "${stepId}" is open in case ${state.caseNo} (${where})`);
  }
  if (step.status !== 'open') throw new Error(`step "${stepId}" is already ${step.status}`);
  return step;
}

export function assertAllowed(step: StepState, action: StepAction): void {
  if (!step.actions.includes(action))
    throw new Error(`step "${step.stepId}" does not allow "${action}" (allowed: ${step.actions.join(', ')})`);
}

export function assertPendingAssignee(step: StepState, actor: string): void {
  const pending = pendingAssignees(step);
  if (pending.includes(actor)) return;
  const voted = step.assignees.some(
    (a) => a.userId === actor && a.status !== 'pending' && a.status !== 'removed',
  );
  if (voted) throw new Error(`${actor} has already decided on step "${step.stepId}"`);
  const waiting = undecidedSlotOf(step, actor);
  if (waiting?.delegation) {
    throw new Error(
      `${actor} delegated step "${step.stepId}" to ${waiting.delegation.to} (委派) since ${waiting.delegation.since}: it comes back when ${waiting.delegation.to} resolves it`,
    );
  }
  const turn = sequentialTurn(step);
  if (waiting && turn) {
    const line = signingLine(step.assignees);
    const whose = turn.delegation
      ? `${turn.userId}'s (delegated to ${turn.delegation.to}, 委派)`
      : `${turn.userId}'s`;
    throw new Error(
      `step "${step.stepId}" is signed in turn (依次审批): it is ${whose} turn now (signer ${line.indexOf(turn) + 1} of ${line.length}); ${actor} signs as signer ${line.indexOf(waiting) + 1}, once everyone before them has approved`,
    );
  }
  if (waiting) {
    const seat = step.assignees.filter(
      (a) =>
        a.status === 'pending' &&
        a !== waiting &&
        (a.seat ?? -1) === (waiting.seat ?? -2) &&
        (a.order ?? 0) < (waiting.order ?? 0),
    );
    throw new Error(
      `${actor} signs step "${step.stepId}" after ${seat.map((a) => a.userId).join(', ') || 'an earlier signer'} (加签): wait for them to sign first`,
    );
  }
  if (step.assignees.some((a) => a.status === 'pending' && a.delegation?.to === actor)) {
    throw new Error(
      `${actor} holds step "${step.stepId}" as a delegate (委派): answer with resolveDelegation; the owner decides`,
    );
  }
  const claimed = step.assignees.find((a) => a.status === 'pending' && a.claim && a.userId !== actor);
  if (claimed) throw alreadyClaimed(step, claimed);
  const group = step.assignees.find((a) => a.status === 'pending' && a.group);
  if (group)
    throw new Error(
      `step "${step.stepId}" is offered to the ${group.group!.role} group of ${group.group!.departmentCode}: claim it (签收) first, then decide`,
    );
  throw new Error(
    `${actor} is not an assignee of step "${step.stepId}" (pending: ${pending.join(', ') || 'none'})`,
  );
}

export function assertNotHeld(step: StepState): void {
  const h = step.hold;
  if (!h) return;
  throw new Error(
    h.kind === 'at_window'
      ? `step "${step.stepId}" was sent back to the window (退回窗口) since ${h.since}: the window resubmits it first`
      : `step "${step.stepId}" is paused since ${h.since} while step "${h.cause}" is returned (the plan pauses the other branches): it resumes when "${h.cause}" is back`,
  );
}

export function assertNotSuspended(step: StepState): void {
  const s = step.suspension;
  if (s) {
    const what =
      s.kind === 'supplement'
        ? 'waiting for the applicant’s supplement (补正)'
        : `in a special procedure (${s.procedure})`;
    throw new Error(`step "${step.stepId}" is suspended, ${what}, since ${s.since}: resume it first`);
  }
}

/** A verb by an assignee on an open, running step. */
export function assertCanAct(state: CaseState, stepId: string, actor: string, action: StepAction): StepState {
  const step = openStep(state, stepId);
  assertAllowed(step, action);
  assertNotHeld(step);
  assertPendingAssignee(step, actor);
  assertNotSuspended(step);
  return step;
}

/** An open step that is neither held nor suspended, with the verb allowed (for verbs not tied to a vote). */
export function assertRunning(state: CaseState, stepId: string, action: StepAction): StepState {
  const step = openStep(state, stepId);
  assertAllowed(step, action);
  assertNotHeld(step);
  assertNotSuspended(step);
  return step;
}

export function assertSuspendedFor(
  state: CaseState,
  stepId: string,
  kind: 'supplement' | 'special_procedure',
): StepState {
  const step = openStep(state, stepId);
  if (step.suspension?.kind !== kind) {
    throw new Error(
      `step "${stepId}" is not suspended for ${kind === 'supplement' ? 'a supplement (补正)' : 'a special procedure'}`,
    );
  }
  return step;
}

export function assertExtensionApprovable(state: CaseState, stepId: string, approvedBy: string): StepState {
  const step = openStep(state, stepId);
  const pending = step.pendingExtension;
  if (!pending) throw new Error(`step "${stepId}" has no extension request to approve`);
  if (pending.requestedBy === approvedBy)
    throw new Error(`${approvedBy} requested the extension and cannot approve it`);
  return step;
}
