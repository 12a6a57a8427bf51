import type { Countersign } from '@onewindow/flow-model';
import type { AssigneeState, StepState } from './case-state';

/**
 * 会签 tally. single/any (或签): the first vote decides. all: every active assignee approves, one
 * refusal refuses. at_least N: N approvals approve; refused once N can no longer be reached.
 */
export function tally(countersign: Countersign, assignees: AssigneeState[]): 'approved' | 'refused' | undefined {
  const active = assignees.filter((a) => a.status !== 'removed');
  const approvals = active.filter((a) => a.status === 'approved').length;
  const refusals = active.filter((a) => a.status === 'refused').length;
  const pending = active.length - approvals - refusals;
  switch (countersign.mode) {
    case 'single':
    case 'any':
      return approvals > 0 ? 'approved' : refusals > 0 ? 'refused' : undefined;
    case 'all':
      return refusals > 0 ? 'refused' : pending === 0 ? 'approved' : undefined;
    case 'at_least':
      return approvals >= countersign.n ? 'approved' : approvals + pending < countersign.n ? 'refused' : undefined;
  }
}

export interface Vote {
  actor: string;
  decision: 'approved' | 'refused';
  at: string;
  comment?: string;
  reasons?: string[];
}

/** Records one vote; closes the step when the tally decides. Returns a new step. */
export function applyVote(step: StepState, vote: Vote): StepState {
  const assignees = step.assignees.map((a) =>
    a.userId === vote.actor && a.status === 'pending'
      ? {
          ...a,
          status: vote.decision,
          decidedAt: vote.at,
          ...(vote.comment ? { comment: vote.comment } : {}),
          ...(vote.reasons ? { reasons: vote.reasons } : {}),
        }
      : a,
  );
  const outcome = tally(step.countersign, assignees);
  return outcome ? { ...step, assignees, status: outcome, closedAt: vote.at } : { ...step, assignees };
}

/** The refusal reasons given on a step, in vote order. */
export const refusalReasons = (step: StepState): string[] =>
  step.assignees.flatMap((a) => (a.status === 'refused' ? (a.reasons ?? []) : []));

export const pendingAssignees = (step: StepState): string[] =>
  step.assignees.filter((a) => a.status === 'pending').map((a) => a.userId);
