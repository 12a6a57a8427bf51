import { z } from 'zod';

/**
 * The parts of the workflow's step view (a loose object in the contract) that the approvals workspace reads:
 * who sits on the step, the verbs its plan allows, and what stopped its clock.
 */
export const approverStepSchema = z.looseObject({
  stepId: z.string(),
  name: z.string(),
  departmentCode: z.string(),
  status: z.string(),
  actions: z.array(z.string()).default([]),
  countersign: z.looseObject({ mode: z.string(), n: z.number().optional() }).default({ mode: 'single' }),
  assignees: z
    .array(
      z.looseObject({
        userId: z.string(),
        status: z.string(),
        candidates: z.array(z.string()).optional(),
        delegation: z.looseObject({ to: z.string(), since: z.string() }).optional(),
        comment: z.string().optional(),
      }),
    )
    .default([]),
  suspension: z
    .looseObject({
      kind: z.string(),
      since: z.string(),
      reason: z.string(),
      procedure: z.string().optional(),
    })
    .optional(),
  hold: z.looseObject({ kind: z.string(), since: z.string(), reason: z.string() }).optional(),
  pendingExtension: z
    .looseObject({ days: z.number(), reason: z.string(), requestedBy: z.string() })
    .optional(),
  clock: z.looseObject({
    state: z.string(),
    dueDate: z.string().nullable(),
    provisional: z.boolean(),
    remainingWorkingDays: z.number(),
    elapsedWorkingDays: z.number(),
    warningLevel: z.string(),
  }),
});
export type ApproverStep = z.infer<typeof approverStepSchema>;

/** Countersign progress: approvals so far and how many the mode needs (2/3, needs 2). */
export function countersignProgress(step: ApproverStep): { approved: number; seats: number; needed: number } {
  const seats = step.assignees.filter((a) => a.status !== 'removed');
  const approved = seats.filter((a) => a.status === 'approved').length;
  const { mode, n } = step.countersign;
  const needed = mode === 'all' ? seats.length : mode === 'at_least' ? (n ?? 1) : 1;
  return { approved, seats: seats.length, needed };
}
