import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, CaseState, StepView } from '../engine/case-state';
import { reissueTaskRow } from '../engine/case-work-nodes';
import {
  belongsTo,
  claimedSeats,
  claimedStep,
  groupName,
  isUnclaimedGroup,
  type MemberFacts,
} from '../engine/step-claims';
import { openStep } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { alreadyClaimed } from '../handlers/step-guard';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId } from './payload-fields';

/** The department and roles of a person, as the API read them (role groups are resolved outside the workflow). */
export const memberFactsSchema = z.object({
  departmentCode: z.string().nullable(),
  roles: z.array(z.string()),
});

/** 签收: the actor takes a group seat of the step (a role group, or a 转办 group) and holds it alone. */
export const claimTaskSchema = z.object({
  stepId,
  actor,
  /** The actor's department and roles (sent by the API): who belongs to a role group. */
  member: memberFactsSchema.optional(),
});
export type ClaimTask = z.infer<typeof claimTaskSchema>;
export const claimTask = defineUpdate<StepView, [ClaimTask]>('claimTask');

/** The group seat the actor may claim; the refusal says why there is none (claimed by whom, not a member …). */
export function claimableSeat(
  state: CaseState,
  stepId: string,
  actor: string,
  member: MemberFacts | undefined,
): AssigneeState {
  const step = openStep(state, stepId);
  const unclaimed = step.assignees.filter(isUnclaimedGroup);
  const mine = unclaimed.find((a) => belongsTo(a, actor, member));
  if (mine) return mine;
  const held = claimedSeats(step);
  if (held.some((a) => a.userId === actor))
    throw new Error(`${actor} already holds step "${stepId}" (签收): decide it, or unclaim it for the group`);
  const taken = held.find((a) => belongsTo(a, actor, member));
  if (taken) throw alreadyClaimed(step, taken);
  if (unclaimed.length > 0)
    throw new Error(
      `${actor} is not in the group of step "${stepId}" (${unclaimed.map(groupName).join(', ')})${member ? '' : ': claim it through the API, which knows your department and roles'}`,
    );
  throw new Error(
    `step "${stepId}" has no group seat to claim: its signers are named (${step.assignees
      .filter((a) => a.status !== 'removed')
      .map((a) => a.userId)
      .join(', ')})`,
  );
}

export const claimVerb = defineCaseVerb({
  verb: 'claim',
  update: claimTask,
  payload: claimTaskSchema,
  validate: ({ engine }, p) => void claimableSeat(engine.state, p.stepId, p.actor, p.member),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const seat = claimableSeat(s, p.stepId, p.actor, p.member);
    const next = claimedStep(s.steps[p.stepId], seat, p.actor, engine.nowIso());
    await Promise.all([
      record(p.stepId, 'claim', p.actor, { group: seat.userId }, next),
      reissueTaskRow(engine, p.stepId, 'claimed'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: (request, actor, { member }) => ({
    ...requestWithActor(request, actor),
    ...(member ? { member } : {}),
  }),
});
