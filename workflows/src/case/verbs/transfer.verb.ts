import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { AssigneeState, CaseState, StepState, StepView } from '../engine/case-state';
import { assertRunning } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { reissueTaskRow } from '../engine/case-work-nodes';
import { signersOf, undecidedSlotOf, withExplicitSeats } from '../engine/step-reducer';
import { defineCaseVerb, requestWithActor } from './define-case-verb';
import { actor, people, stepId, text } from './payload-fields';
import { assertNewSigners } from './signers';

/**
 * 转办: `from` (default: the actor) hands their place on the step to one person, or to a group whose
 * members may each take it. `authority: 'lead'` is a department lead reassigning someone else's task
 * (the API checks the role); an assignee transfers only their own place.
 */
export const transferTaskSchema = z.object({
  stepId,
  actor,
  from: z.string().trim().min(1).optional(),
  to: people('person to transfer to'),
  groupName: z.string().trim().min(1).optional(),
  reason: text('reason'),
  authority: z.enum(['assignee', 'lead']).default('assignee'),
});
export type TransferTask = z.input<typeof transferTaskSchema>;
/** 转办 to a person or group of the same department (the API checks the department). */
export const transferTask = defineUpdate<StepView, [TransferTask]>('transferTask');

const groupId = (p: TransferTask): string => `group:${p.groupName ?? p.to.join('、')}`;

/** The transferred slot: `from`'s undecided place, which the actor may hand over. */
function transferredSlot(state: CaseState, p: TransferTask): AssigneeState {
  const step = assertRunning(state, p.stepId, 'transfer');
  const from = p.from ?? p.actor;
  const slot = undecidedSlotOf(step, from);
  if (!slot)
    throw new Error(
      `${from} has no undecided place on step "${step.stepId}" to transfer (signers: ${signersOf(step).join(', ')})`,
    );
  if (p.authority !== 'lead' && slot.userId !== p.actor && !slot.candidates?.includes(p.actor)) {
    throw new Error(
      `${p.actor} can transfer only their own place on step "${step.stepId}"; a department lead reassigns other people's tasks`,
    );
  }
  if (slot.delegation)
    throw new Error(
      `${from}'s place on step "${step.stepId}" is delegated to ${slot.delegation.to}: transfer it when it comes back`,
    );
  assertNewSigners(step, p.to);
  return slot;
}

/**
 * Reducer: `slot` leaves the step (`removed`) and `p.to` takes its place: one person, or a group whose
 * members may each act (same seat and signing order).
 */
export function transferred(step: StepState, slot: AssigneeState, p: TransferTask): StepState {
  const successor: AssigneeState = {
    userId: p.to.length === 1 ? p.to[0] : groupId(p),
    status: 'pending',
    source: 'transferred',
    seat: slot.seat ?? step.assignees.indexOf(slot),
    order: slot.order ?? 0,
    ...(p.to.length > 1 ? { candidates: p.to } : {}),
    addedBy: p.actor,
  };
  const assignees = withExplicitSeats(step.assignees).map((a, i) =>
    step.assignees[i] === slot ? { ...a, status: 'removed' as const, removedBy: p.actor } : a,
  );
  return { ...step, assignees: [...assignees, successor] };
}

export const transferVerb = defineCaseVerb({
  verb: 'transfer',
  update: transferTask,
  payload: transferTaskSchema,
  validate: ({ engine }, p) => void transferredSlot(engine.state, p),
  async handle({ engine, record }, p) {
    const s = engine.state;
    const slot = transferredSlot(s, p);
    const next = transferred(s.steps[p.stepId], slot, p);
    const details = {
      from: slot.userId,
      to: p.to,
      ...(p.groupName ? { groupName: p.groupName } : {}),
      reason: p.reason,
      authority: p.authority,
    };
    await Promise.all([
      record(p.stepId, 'transfer', p.actor, details, next),
      reissueTaskRow(engine, p.stepId, 'transferred'),
    ]);
    return stepView(engine, s.steps[p.stepId]);
  },
  // The API decides the authority (a department lead, or the holder of the place).
  toUpdateArgs: (request, actor, { authority }) => ({
    ...requestWithActor(request, actor),
    authority: authority ?? 'assignee',
  }),
});
