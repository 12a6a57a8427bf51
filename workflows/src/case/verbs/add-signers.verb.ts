import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, StepState, StepView } from '../engine/case-state';
import { assertCanAct } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { reissueTaskRow } from '../engine/case-work-nodes';
import { slotFor, withExplicitSeats } from '../engine/step-reducer';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, people, stepId, text } from './payload-fields';
import { assertNewSigners } from './signers';

/** 加签: before the actor (they sign first), after the actor (they sign next), or in parallel (another vote). */
export const addSignersSchema = z.object({
  stepId,
  actor,
  signers: people('signer'),
  position: z.enum(['before', 'after', 'parallel']),
  reason: text('reason'),
});
export type AddSigners = z.infer<typeof addSignersSchema>;
/** 加签 on a running step; the countersign rule is computed over the changed signers. */
export const addSigners = defineUpdate<StepView, [AddSigners]>('addSigners');

/**
 * Reducer: 加签 by `p.actor`. Parallel: each signer gets a seat of their own, after the last seat.
 * Before / after: they join the actor's seat, in the order given, right before or right after the actor.
 */
export function signersAdded(
  step: StepState,
  p: Pick<AddSigners, 'actor' | 'signers' | 'position'>,
): StepState {
  const assignees = withExplicitSeats(step.assignees);
  const mine = assignees[step.assignees.indexOf(slotFor(step, p.actor)!)];
  const added = (userId: string, seat: number): AssigneeState => ({
    userId,
    status: 'pending',
    source: 'added',
    seat,
    order: 0,
    addedBy: p.actor,
  });
  let next: AssigneeState[];
  if (p.position === 'parallel') {
    const top = Math.max(...assignees.map((a) => a.seat!));
    next = [...assignees, ...p.signers.map((userId, i) => added(userId, top + 1 + i))];
  } else {
    // before: they sign first, in the order given, then the actor; after: right after the actor.
    const seat = assignees.filter((a) => a.seat === mine.seat).sort((x, y) => x.order! - y.order!);
    const insertAt = seat.indexOf(mine) + (p.position === 'after' ? 1 : 0);
    const newcomers = p.signers.map((userId) => added(userId, mine.seat!));
    const ordered = [...seat.slice(0, insertAt), ...newcomers, ...seat.slice(insertAt)];
    const orderOf = new Map(ordered.map((a, i) => [a, i]));
    next = [...assignees, ...newcomers].map((a) => (orderOf.has(a) ? { ...a, order: orderOf.get(a)! } : a));
  }
  return { ...step, assignees: next };
}

export const addSignersVerb = defineCaseVerb({
  verb: 'add_signers',
  update: addSigners,
  payload: addSignersSchema,
  validate: ({ engine }, p) => {
    const step = assertCanAct(engine.state, p.stepId, p.actor, 'add_signer');
    if (p.position === 'parallel' && step.countersign.mode === 'sequential')
      throw new Error(
        `step "${step.stepId}" is signed in turn (依次审批), so nobody signs in parallel: add the signers before you (they sign first) or after you (they sign next)`,
      );
    assertNewSigners(step, p.signers);
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    const next = signersAdded(s.steps[p.stepId], p);
    await Promise.all([
      record(
        p.stepId,
        'add_signers',
        p.actor,
        { signers: p.signers, position: p.position, reason: p.reason },
        next,
      ),
      reissueTaskRow(engine, p.stepId, 'signers_changed'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  toUpdateArgs: requestWithActor,
});
