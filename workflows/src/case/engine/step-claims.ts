import type { AssigneeState, StepState } from './case-state';

/**
 * 签收 (claim) of group seats. A group seat is either a role group (the plan named nobody: the users of the
 * step's department with its role, resolved outside the workflow) or a 转办 group (`candidates`). Claiming
 * makes the claimer the seat's `userId`, so from then on the seat is theirs alone (every other rule reads
 * it as a named seat); 退回签收 (unclaim) gives it back to its group. Pure functions, no Temporal.
 */

/** The `userId` of a role group seat. */
export const roleGroupId = (departmentCode: string, role: string): string =>
  `group:${departmentCode}/${role}`;

/** The seat a step without named assignees opens with: its role group, to be claimed. */
export const roleGroupSeat = (departmentCode: string, role: string): AssigneeState => ({
  userId: roleGroupId(departmentCode, role),
  status: 'pending',
  source: 'plan',
  seat: 0,
  order: 0,
  group: { departmentCode, role },
});

/** What the API knows about the person acting (or being assigned): their department and roles. */
export interface MemberFacts {
  departmentCode: string | null;
  roles: string[];
}

/** An undecided group seat nobody holds yet. */
export const isUnclaimedGroup = (a: AssigneeState): boolean =>
  a.status === 'pending' && !a.claim && (a.group !== undefined || (a.candidates?.length ?? 0) > 0);

/** Whether `userId` (with `facts` from the API, for role groups) belongs to the group of a seat (or of the group it was claimed from). */
export function belongsTo(a: AssigneeState, userId: string, facts: MemberFacts | undefined): boolean {
  const pool = a.claim?.pool ?? a;
  if (pool.candidates?.includes(userId)) return true;
  const g = pool.group;
  return (
    g !== undefined &&
    facts !== undefined &&
    facts.departmentCode === g.departmentCode &&
    facts.roles.includes(g.role)
  );
}

/** A readable name of a seat's group, for messages. */
export const groupName = (a: AssigneeState): string => {
  const pool = a.claim?.pool ?? a;
  return pool.group ? `${pool.group.role} of ${pool.group.departmentCode}` : pool.userId;
};

/** The undecided seats that were claimed (or assigned) from a group. */
export const claimedSeats = (step: Pick<StepState, 'assignees'>): AssigneeState[] =>
  step.assignees.filter((a) => a.status === 'pending' && a.claim !== undefined);

/** Reducer: `by` takes the group seat `seat` (claimed by them, or assigned to them by a lead). */
export function claimedStep(
  step: StepState,
  seat: AssigneeState,
  by: string,
  at: string,
  assignedBy?: string,
): StepState {
  const pool = seat.claim?.pool ?? {
    userId: seat.userId,
    ...(seat.candidates ? { candidates: seat.candidates } : {}),
    ...(seat.group ? { group: seat.group } : {}),
  };
  const { candidates: _c, group: _g, claim: _old, ...rest } = seat;
  const held: AssigneeState = {
    ...rest,
    userId: by,
    claim: { by, at, ...(assignedBy ? { assignedBy } : {}), pool },
  };
  return { ...step, assignees: step.assignees.map((a) => (a === seat ? held : a)) };
}

/** Reducer: 退回签收 — the claimed seat goes back to its group, unclaimed. */
export function unclaimedStep(step: StepState, seat: AssigneeState): StepState {
  const { claim, ...rest } = seat;
  const back: AssigneeState = { ...rest, ...claim!.pool };
  return { ...step, assignees: step.assignees.map((a) => (a === seat ? back : a)) };
}

/** The claim state of a step's task row: a group seat up for 签收, one claimed from a group, or none. */
export function claimStateOf(
  step: Pick<StepState, 'assignees'>,
): { state: 'unclaimed' } | { state: 'claimed'; by: string; at: string } | undefined {
  if (step.assignees.some(isUnclaimedGroup)) return { state: 'unclaimed' };
  const held = claimedSeats(step)[0]?.claim;
  return held ? { state: 'claimed', by: held.by, at: held.at } : undefined;
}
