import type { Countersign } from '@onewindow/flow-model';
import type { AssigneeState, StepState } from './case-state';

const seatOf = (a: AssigneeState, index: number): number => a.seat ?? index;
const orderOf = (a: AssigneeState): number => a.order ?? 0;
const active = (a: AssigneeState): boolean => a.status !== 'removed';

/** The step's seats (the countersign rule counts seats), each seat's signers in signing order. */
export function seats(assignees: AssigneeState[]): AssigneeState[][] {
  const bySeat = new Map<number, AssigneeState[]>();
  assignees.forEach((a, i) => {
    if (!active(a)) return;
    const seat = seatOf(a, i);
    bySeat.set(seat, [...(bySeat.get(seat) ?? []), a]);
  });
  return [...bySeat.entries()]
    .sort(([x], [y]) => x - y)
    .map(([, members]) => [...members].sort((p, q) => orderOf(p) - orderOf(q)));
}

/** A seat approves when all its signers approved; one refusal refuses it. */
function seatStatus(members: AssigneeState[]): 'approved' | 'refused' | 'pending' {
  if (members.some((a) => a.status === 'refused')) return 'refused';
  return members.every((a) => a.status === 'approved') ? 'approved' : 'pending';
}

/**
 * 会签 tally over seats. any (或签): the first seat decided decides. single: likewise while the step
 * has one seat; once a parallel 加签 added seats, every seat must approve. all and sequential (依次审批):
 * every seat approves, one refusal refuses. at_least N: N seats approve; refused once N can no longer be reached.
 */
export function tally(
  countersign: Countersign,
  assignees: AssigneeState[],
): 'approved' | 'refused' | undefined {
  const all = seats(assignees).map(seatStatus);
  const approvals = all.filter((s) => s === 'approved').length;
  const refusals = all.filter((s) => s === 'refused').length;
  const pending = all.length - approvals - refusals;
  const mode = countersign.mode === 'single' && all.length > 1 ? 'all' : countersign.mode;
  switch (mode) {
    case 'single':
    case 'any':
      return approvals > 0 ? 'approved' : refusals > 0 ? 'refused' : undefined;
    case 'all':
    case 'sequential':
      return refusals > 0 ? 'refused' : pending === 0 ? 'approved' : undefined;
    case 'at_least': {
      const n = countersign.mode === 'at_least' ? countersign.n : 1;
      return approvals >= n ? 'approved' : approvals + pending < n ? 'refused' : undefined;
    }
  }
}

/** Approvals the step could still reach (decided approvals + undecided seats): for 减签 under at_least N. */
export function reachableApprovals(assignees: AssigneeState[]): number {
  return seats(assignees).filter((members) => seatStatus(members) !== 'refused').length;
}

/** The steps' signers the tally reads (the countersign is absent only in tests of the seats alone). */
type Signers = Pick<StepState, 'assignees'> & { countersign?: Countersign };

/**
 * The next undecided signer of each seat that is up: every seat, or under 依次审批 (sequential) only the
 * first seat not yet approved, since the seats sign one after another in the plan's assignee order.
 */
function turns(step: Signers): AssigneeState[] {
  const next = seats(step.assignees).flatMap((members) => {
    const first = members.find((a) => a.status !== 'approved');
    return first ? [first] : [];
  });
  return step.countersign?.mode === 'sequential' ? next.slice(0, 1) : next;
}

/** Signers whose turn it is: pending, not delegated out, every earlier signer of their seat (依次审批: of the step) approved. */
export function actionableSlots(step: Signers): AssigneeState[] {
  return turns(step).filter((a) => a.status === 'pending' && !a.delegation);
}

/** 依次审批: every active signer in signing order (seat by seat, each seat's signers in order). */
export const signingLine = (assignees: AssigneeState[]): AssigneeState[] => seats(assignees).flat();

/** 依次审批: the signer whose turn it is, also while their place is delegated (委派); none once decided. */
export const sequentialTurn = (step: Signers): AssigneeState | undefined =>
  step.countersign?.mode === 'sequential' ? turns(step).find((a) => a.status === 'pending') : undefined;

const actsFor = (a: AssigneeState, actor: string): boolean =>
  a.userId === actor || (a.candidates?.includes(actor) ?? false);

/** The slot the actor may decide now (a person's own, or a group's they belong to). */
export const slotFor = (step: StepState, actor: string): AssigneeState | undefined =>
  actionableSlots(step).find((a) => actsFor(a, actor));

/** The slot of a signer who has not decided, whether or not it is their turn. */
export const undecidedSlotOf = (step: StepState, userId: string): AssigneeState | undefined =>
  step.assignees.find((a) => a.status === 'pending' && actsFor(a, userId));

/** Everyone on the step who has not been removed (voted or not), including group members. */
export const signersOf = (step: StepState): string[] =>
  step.assignees.filter(active).flatMap((a) => [a.userId, ...(a.candidates ?? [])]);

/** The people who may decide now (group members listed one by one). */
export const pendingAssignees = (step: Signers): string[] =>
  actionableSlots(step).flatMap((a) => a.candidates ?? [a.userId]);

/** Who holds the task row now: those who may decide, and delegates answering for their owners. */
export const taskHolders = (step: Signers): string[] => [
  ...new Set([
    ...pendingAssignees(step),
    ...step.assignees.flatMap((a) => (a.status === 'pending' && a.delegation ? [a.delegation.to] : [])),
  ]),
];

export interface Vote {
  actor: string;
  decision: 'approved' | 'refused';
  at: string;
  comment?: string;
  reasons?: string[];
}

/** Records one vote on the actor's slot; closes the step when the tally decides. Returns a new step. */
export function applyVote(step: StepState, vote: Vote): StepState {
  const slot = slotFor(step, vote.actor);
  const assignees = step.assignees.map((a) =>
    a === slot
      ? {
          ...a,
          status: vote.decision,
          decidedAt: vote.at,
          ...(a.userId !== vote.actor ? { decidedBy: vote.actor } : {}),
          ...(vote.comment ? { comment: vote.comment } : {}),
          ...(vote.reasons ? { reasons: vote.reasons } : {}),
        }
      : a,
  );
  return settle({ ...step, assignees }, vote.at);
}

/** Closes the step if its signers (after a vote, 减签 …) decide it by the countersign rule. */
export function settle(step: StepState, at: string): StepState {
  const outcome = tally(step.countersign, step.assignees);
  return outcome ? { ...step, status: outcome, closedAt: at } : step;
}

/** The signers of a step opened again (退回, resubmission): the same people and seats, undecided. */
export function reopenedAssignees(assignees: AssigneeState[]): AssigneeState[] {
  return assignees.flatMap((a, i) => {
    if (!active(a)) return [];
    const {
      decidedAt: _d,
      decidedBy: _b,
      comment: _c,
      reasons: _r,
      delegation: _g,
      opinions: _o,
      ...rest
    } = a;
    return [{ ...rest, status: 'pending' as const, seat: seatOf(a, i), order: orderOf(a) }];
  });
}

/** The refusal reasons given on a step, in vote order. */
export const refusalReasons = (step: StepState): string[] =>
  step.assignees.flatMap((a) => (a.status === 'refused' ? (a.reasons ?? []) : []));

/** Seat numbers with explicit values (so inserting signers never shifts another seat). */
export const withExplicitSeats = (assignees: AssigneeState[]): AssigneeState[] =>
  assignees.map((a, i) => ({ ...a, seat: seatOf(a, i), order: orderOf(a) }));
