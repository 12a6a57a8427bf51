import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, CaseState, StepView } from '../engine/case-state';
import { reissueTaskRow } from '../engine/case-work-nodes';
import { belongsTo, claimedSeats, claimedStep, groupName, isUnclaimedGroup } from '../engine/step-claims';
import { openStep } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { memberFactsSchema } from './claim.verb';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId, text } from './payload-fields';

/**
 * 指派: a department lead gives a group seat (unclaimed, or claimed by someone else) to a member of the
 * group, who then holds it as if they had claimed it.
 */
export const assignTaskSchema = z.object({
  stepId,
  actor,
  to: text('to (the member to assign)'),
  /** The assignee's department and roles (sent by the API): who belongs to a role group. */
  toMember: memberFactsSchema.optional(),
  reason: z.string().trim().min(1).optional(),
  authority: z.enum(['assignee', 'lead']).default('assignee'),
});
export type AssignTask = z.input<typeof assignTaskSchema>;
export const assignTask = defineUpdate<StepView, [AssignTask]>('assignTask');

/** The group seat the lead may give to `to`; the refusal says why not. */
export function assignableSeat(state: CaseState, p: z.output<typeof assignTaskSchema>): AssigneeState {
  const step = openStep(state, p.stepId);
  if (p.authority !== 'lead')
    throw new Error(
      `${p.actor} is not a lead of step "${p.stepId}"'s department: only a department lead assigns (指派)`,
    );
  const seats = [...step.assignees.filter(isUnclaimedGroup), ...claimedSeats(step)];
  if (seats.length === 0)
    throw new Error(
      `step "${p.stepId}" has no group seat to assign: its signers are named; use 转办 (transfer)`,
    );
  const seat = seats.find((a) => belongsTo(a, p.to, p.toMember));
  if (!seat)
    throw new Error(`${p.to} is not in the group of step "${p.stepId}" (${seats.map(groupName).join(', ')})`);
  if (seat.userId === p.to) throw new Error(`${p.to} already holds step "${p.stepId}"`);
  if (seat.delegation)
    throw new Error(
      `${seat.userId}'s place on step "${p.stepId}" is delegated to ${seat.delegation.to} (委派): assign it when it comes back`,
    );
  return seat;
}

export const assignVerb = defineCaseVerb({
  verb: 'assign',
  update: assignTask,
  payload: assignTaskSchema,
  validate: ({ engine }, p) => void assignableSeat(engine.state, p),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const seat = assignableSeat(s, p);
    const next = claimedStep(s.steps[p.stepId], seat, p.to, engine.nowIso(), p.actor);
    const details = {
      to: p.to,
      group: groupName(seat),
      ...(seat.claim ? { from: seat.userId } : {}),
      ...(p.reason ? { reason: p.reason } : {}),
    };
    await Promise.all([
      record(p.stepId, 'assign', p.actor, details, next),
      reissueTaskRow(engine, p.stepId, 'assigned'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  // The API decides the authority (a lead of the step's department) and reads the assignee's department and roles.
  toUpdateArgs: (request, actor, { authority, assignee }) => ({
    ...requestWithActor(request, actor),
    authority: authority ?? 'assignee',
    ...(assignee ? { toMember: assignee } : {}),
  }),
});
