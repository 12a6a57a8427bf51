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
  /** The step revision the page shows: every action sends it (expectedRevision), so a stale page is refused. */
  revision: z.number().int().default(0),
  actions: z.array(z.string()).default([]),
  countersign: z.looseObject({ mode: z.string(), n: z.number().optional() }).default({ mode: 'single' }),
  /** Who may decide now (依次审批: the one signer whose turn it is); absent in views from older workflows. */
  turn: z.array(z.string()).optional(),
  /** Who may take back their decision now (撤回): the workflow's own checks. */
  recallable: z.array(z.string()).default([]),
  assignees: z
    .array(
      z.looseObject({
        userId: z.string(),
        status: z.string(),
        candidates: z.array(z.string()).optional(),
        delegation: z.looseObject({ to: z.string(), since: z.string() }).optional(),
        /** A role group seat (待签收): the department's users with this role. */
        group: z.looseObject({ departmentCode: z.string(), role: z.string() }).optional(),
        /** 签收: who holds a group seat now, since when (assigned by a lead, or claimed). */
        claim: z
          .looseObject({ by: z.string(), at: z.string(), assignedBy: z.string().optional() })
          .optional(),
        comment: z.string().optional(),
        reasons: z.array(z.string()).optional(),
        decidedBy: z.string().optional(),
        decidedAt: z.string().optional(),
        seat: z.number().optional(),
        order: z.number().optional(),
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
  const needed = mode === 'all' || mode === 'sequential' ? seats.length : mode === 'at_least' ? (n ?? 1) : 1;
  return { approved, seats: seats.length, needed };
}

/**
 * 依次审批: the signers in signing order (seat by seat, each seat's signers in order; removed ones left
 * out), each with their opinion so far, and whose turn it is.
 */
export function signingLine(step: ApproverStep): {
  userId: string;
  status: string;
  opinion?: string;
  turn: boolean;
}[] {
  const active = step.assignees
    .map((a, i) => ({ a, seat: a.seat ?? i, order: a.order ?? 0 }))
    .filter(({ a }) => a.status !== 'removed')
    .sort((x, y) => x.seat - y.seat || x.order - y.order);
  const turn = step.status === 'open' ? active.find(({ a }) => a.status === 'pending') : undefined;
  return active.map((entry) => ({
    userId: entry.a.decidedBy ?? entry.a.userId,
    status: entry.a.status,
    ...(entry.a.comment || entry.a.reasons?.length
      ? { opinion: entry.a.comment ?? entry.a.reasons!.join('；') }
      : {}),
    turn: entry === turn,
  }));
}
