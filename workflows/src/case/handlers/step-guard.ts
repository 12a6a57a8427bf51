import { ApplicationFailure } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, CaseState, StepState } from '../engine/case-state';
import { claimedSeats } from '../engine/step-claims';
import { signersOf } from '../engine/step-reducer';

/**
 * What every approver action may carry besides its verb's own fields (added by the API, read by the
 * validator before the verb's own checks): the step revision the page showed, and the actor's department.
 * Both optional, so callers that send neither (older clients, bulk actions, the tests of each verb) are
 * checked as before.
 */
export const stepGuardSchema = z.object({
  stepId: z.string().optional(),
  actor: z.string().optional(),
  expectedRevision: z.number().int().min(0).optional(),
  actorDepartment: z.string().nullable().optional(),
});
export type StepGuard = z.infer<typeof stepGuardSchema>;

const lastChangeOf = (state: CaseState, stepId: string) =>
  [...state.history].reverse().find((h) => h.stepId === stepId);

/**
 * Refuses, before anything changes, an action on another department's task (`OtherDepartment`), on a
 * task decided meanwhile (`TaskClosed`) or from a page older than the step (`StaleTask`). The failure's
 * details name what changed (the step's last history entry: what, who, when) so the caller can say it
 * and ask for a reload.
 */
export function assertStepGuard(state: CaseState, raw: unknown): void {
  const parsed = stepGuardSchema.safeParse(raw);
  if (!parsed.success) return;
  const g = parsed.data;
  const step = g.stepId === undefined ? undefined : state.steps[g.stepId];
  if (!step) return;
  const last = lastChangeOf(state, step.stepId);
  const change = last ? { action: last.action, by: last.actor, at: last.at } : undefined;
  const base = { stepId: step.stepId, departmentCode: step.departmentCode, ...(change ? { change } : {}) };
  const involved = (actor: string) =>
    signersOf(step).includes(actor) ||
    step.assignees.some((a) => a.delegation?.to === actor || a.claim?.by === actor);
  if (
    g.actorDepartment !== undefined &&
    g.actorDepartment !== step.departmentCode &&
    !(g.actor !== undefined && involved(g.actor))
  ) {
    throw ApplicationFailure.create({
      type: 'OtherDepartment',
      nonRetryable: true,
      message: `step "${step.stepId}" is a task of ${step.departmentCode}, not of your department (${g.actorDepartment ?? 'none'}): nothing was changed`,
      details: [{ ...base, actorDepartment: g.actorDepartment }],
    });
  }
  if (g.expectedRevision === undefined) return;
  const revision = step.revision ?? 0;
  if (step.status !== 'open') {
    throw ApplicationFailure.create({
      type: 'TaskClosed',
      nonRetryable: true,
      message: `step "${step.stepId}" is already ${step.status}${change ? ` (${change.action} by ${change.by} at ${change.at})` : ''}: nothing was changed; reload the case`,
      details: [{ ...base, status: step.status, revision, expectedRevision: g.expectedRevision }],
    });
  }
  if (revision !== g.expectedRevision) {
    // Taken by someone else since (签收, 指派): say who holds it now, the sharpest answer to a stale page.
    const taken = claimedSeats(step).find((a) => a.userId !== g.actor);
    if (taken && (change?.action === 'claim' || change?.action === 'assign'))
      throw alreadyClaimed(step, taken);
    throw ApplicationFailure.create({
      type: 'StaleTask',
      nonRetryable: true,
      message: `step "${step.stepId}" changed since your page (revision ${g.expectedRevision}, now ${revision}${change ? `: last ${change.action} by ${change.by} at ${change.at}` : ''}): nothing was changed; reload the case`,
      details: [{ ...base, revision, expectedRevision: g.expectedRevision }],
    });
  }
}

/**
 * Refusal of a claim (or of a decision) on a group seat someone else holds: `TaskClaimed`, with who holds it
 * and since when, so the caller can say "此任务已由 张三 于 10:02 签收，请刷新".
 */
export function alreadyClaimed(step: StepState, seat: AssigneeState): ApplicationFailure {
  const claim = seat.claim!;
  return ApplicationFailure.create({
    type: 'TaskClaimed',
    nonRetryable: true,
    message: `step "${step.stepId}" was already claimed by ${claim.by} at ${claim.at}${claim.assignedBy ? ` (assigned by ${claim.assignedBy})` : ''}: nothing was changed; reload the task`,
    details: [
      {
        stepId: step.stepId,
        departmentCode: step.departmentCode,
        by: claim.by,
        at: claim.at,
        ...(claim.assignedBy ? { assignedBy: claim.assignedBy } : {}),
      },
    ],
  });
}
