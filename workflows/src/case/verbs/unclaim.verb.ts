import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, CaseState, StepView } from '../engine/case-state';
import { reissueTaskRow } from '../engine/case-work-nodes';
import { claimedSeats, groupName, unclaimedStep } from '../engine/step-claims';
import { openStep } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, stepId } from './payload-fields';

/** 退回签收: the holder of a claimed group seat gives it back to the group, undecided. */
export const unclaimTaskSchema = z.object({
  stepId,
  actor,
  reason: z.string().trim().min(1).optional(),
});
export type UnclaimTask = z.infer<typeof unclaimTaskSchema>;
export const unclaimTask = defineUpdate<StepView, [UnclaimTask]>('unclaimTask');

/** The actor's claimed seat, undelegated; the refusal says why there is none. */
export function unclaimableSeat(state: CaseState, stepId: string, actor: string): AssigneeState {
  const step = openStep(state, stepId);
  const seat = claimedSeats(step).find((a) => a.userId === actor);
  if (!seat) {
    const others = claimedSeats(step).map((a) => `${a.userId} (since ${a.claim!.at})`);
    throw new Error(
      `${actor} holds no claimed seat of step "${stepId}" to give back${others.length ? ` (claimed: ${others.join(', ')})` : ''}`,
    );
  }
  if (seat.delegation)
    throw new Error(
      `${actor}'s place on step "${stepId}" is delegated to ${seat.delegation.to} (委派): it must come back before it returns to the group`,
    );
  return seat;
}

export const unclaimVerb = defineCaseVerb({
  verb: 'unclaim',
  update: unclaimTask,
  payload: unclaimTaskSchema,
  validate: ({ engine }, p) => void unclaimableSeat(engine.state, p.stepId, p.actor),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const seat = unclaimableSeat(s, p.stepId, p.actor);
    const next = unclaimedStep(s.steps[p.stepId], seat);
    const details = { group: groupName(seat), ...(p.reason ? { reason: p.reason } : {}) };
    await Promise.all([
      record(p.stepId, 'unclaim', p.actor, details, next),
      reissueTaskRow(engine, p.stepId, 'unclaimed'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
