import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import type { StepView } from '../engine/case-state';
import { assertWithinExtensionCap, extendStep } from '../clock/case-suspensions';
import { assertExtensionApprovable } from '../handlers/case-validators';
import { stepView } from '../handlers/case-view';
import { defineCaseVerb } from './define-case-verb';
import { stepId, text } from './payload-fields';

export const approveExtensionSchema = z.object({
  stepId,
  approvedBy: text('approvedBy'),
  reason: z.string().optional(),
});
export type ApproveExtension = z.infer<typeof approveExtensionSchema>;
/** Grants a pending extension request: extends the step and the case statutory clock. */
export const approveExtension = defineUpdate<StepView, [ApproveExtension]>('approveExtension');

export const approveExtensionVerb = defineCaseVerb({
  verb: 'approve_extension',
  update: approveExtension,
  payload: approveExtensionSchema,
  validate: ({ engine }, p) => {
    const step = assertExtensionApprovable(engine.state, p.stepId, p.approvedBy);
    // Checked again: another step's extension may have been approved since this one was requested.
    assertWithinExtensionCap(
      engine.state.clocks,
      engine.input.limits.maxExtensionDays,
      step.pendingExtension!.days,
    );
  },
  async handle({ engine, record }, p) {
    const s = engine.state;
    const reason = p.reason?.trim() || s.steps[p.stepId].pendingExtension!.reason;
    const extended = extendStep(engine, s.steps[p.stepId], p.approvedBy, reason);
    await Promise.all([extended, record(p.stepId, 'extension_approved', p.approvedBy, { reason })]);
    return stepView(engine, s.steps[p.stepId]);
  },
  // The signed-in user approves: the payload names them `approvedBy` (no `actor`).
  toUpdateArgs: ({ verb: _verb, ...request }, actor) => ({ ...request, approvedBy: actor }),
});
