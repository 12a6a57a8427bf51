import { z } from 'zod';

/** A time limit as catalogues state it (法定/承诺时限). */
export const timeLimitSchema = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['working_day', 'natural_day']),
});
export type TimeLimit = z.infer<typeof timeLimitSchema>;

/** Verbs an approver may use on a step (the plan lists which ones each step allows). */
export const stepActionSchema = z.enum([
  'approve',
  'refuse',
  'return_for_supplement',
  'special_procedure',
  'request_extension',
  'send_back', // 退回 (to an earlier step)
  'transfer', // 转办
  'delegate', // 委派
  'add_signer', // 加签
  'remove_signer', // 减签
  'cc', // 抄送
]);
export type StepAction = z.infer<typeof stepActionSchema>;
/** The schema's default when a stored plan lists no actions (kept as it was, so pinned plans hash the same). */
export const CORE_STEP_ACTIONS: readonly StepAction[] = [
  'approve',
  'refuse',
  'return_for_supplement',
  'special_procedure',
  'request_extension',
];
/** Every verb: what the plan builder gives a step unless told otherwise. */
export const ALL_STEP_ACTIONS: readonly StepAction[] = stepActionSchema.options;

/**
 * 会签 modes: single approver, all must approve, the first vote decides (或签), at least N approvals, or
 * `sequential` (依次审批): the assignees sign one after another in the order listed, each after the
 * previous one approved; all must approve, one refusal refuses.
 */
export const countersignSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('single') }),
  z.object({ mode: z.literal('all') }),
  z.object({ mode: z.literal('any') }),
  z.object({ mode: z.literal('at_least'), n: z.number().int().positive() }),
  z.object({ mode: z.literal('sequential') }),
]);
export type Countersign = z.infer<typeof countersignSchema>;

const nodeId = z
  .string()
  .regex(/^[A-Za-z][\w.-]*$/, 'node id must start with a letter and use letters, digits, _ . -');
const base = { id: nodeId, name: z.string().min(1).optional() };

export const acceptNodeSchema = z.object({ ...base, type: z.literal('accept') });
export const startNodeSchema = z.object({ ...base, type: z.literal('start') });
export const endNodeSchema = z.object({ ...base, type: z.literal('end') });
export const departmentNodeSchema = z.object({
  ...base,
  type: z.literal('department'),
  departmentCode: z.string().min(1),
  role: z.string().min(1),
  itemCode: z.string().min(1).optional(),
  /** The department's own time; 0 = 即办 (decided on the spot: the step clock is due the day the step opens). */
  limitWorkingDays: z.number().int().min(0),
  countersign: countersignSchema,
  /**
   * The named signers (one seat each). Empty: the step is offered to its role group — the users of
   * `departmentCode` with `role`, resolved outside the plan when someone claims it (签收) — as one seat.
   */
  assignees: z.array(z.string().min(1)),
  actions: z
    .array(stepActionSchema)
    .min(1)
    .default([...CORE_STEP_ACTIONS]),
  /** What the window issues when this step approves (a certificate type of the shared library). */
  result: z.object({ certificateTypeCode: z.string().min(1), name: z.string().min(1) }).optional(),
});
export const parallelNodeSchema = z.object({ ...base, type: z.literal('parallel') });
export const exclusiveNodeSchema = z.object({ ...base, type: z.literal('exclusive') });
export const inclusiveNodeSchema = z.object({ ...base, type: z.literal('inclusive') });
export const joinNodeSchema = z.object({ ...base, type: z.literal('join') });
export const timerNodeSchema = z.object({ ...base, type: z.literal('timer'), wait: timeLimitSchema });
export const automaticNodeSchema = z.object({
  ...base,
  type: z.literal('automatic'),
  /** Name of the automatic task the worker knows, e.g. `certificate_check`. */
  task: z.string().min(1),
  input: z.record(z.string(), z.unknown()).optional(),
});
export const issueNodeSchema = z.object({
  ...base,
  type: z.literal('issue'),
  /** Art. 44: results are issued within 10 (working) days of the decision. */
  limitWorkingDays: z.number().int().positive().default(10),
});

export const edgeSchema = z.object({
  id: z.string().min(1).optional(),
  from: z.string().min(1),
  to: z.string().min(1),
  /** FEEL expression over the application data; only on edges leaving exclusive/inclusive gateways. */
  condition: z.string().min(1).optional(),
  isDefault: z.boolean().optional(),
});
export type PlanEdge = z.infer<typeof edgeSchema>;

export type AcceptNode = z.infer<typeof acceptNodeSchema>;
export type StartNode = z.infer<typeof startNodeSchema>;
export type EndNode = z.infer<typeof endNodeSchema>;
export type DepartmentNode = z.infer<typeof departmentNodeSchema>;
export type ParallelNode = z.infer<typeof parallelNodeSchema>;
export type ExclusiveNode = z.infer<typeof exclusiveNodeSchema>;
export type InclusiveNode = z.infer<typeof inclusiveNodeSchema>;
export type JoinNode = z.infer<typeof joinNodeSchema>;
export type TimerNode = z.infer<typeof timerNodeSchema>;
export type AutomaticNode = z.infer<typeof automaticNodeSchema>;
export type IssueNode = z.infer<typeof issueNodeSchema>;
export interface SubflowNode {
  id: string;
  name?: string;
  type: 'subflow';
  /** The item (事项) this sub-flow handles inside a bundle (一件事). */
  itemCode: string;
  body: PlanBody;
}
export type PlanNode =
  | AcceptNode
  | StartNode
  | EndNode
  | DepartmentNode
  | ParallelNode
  | ExclusiveNode
  | InclusiveNode
  | JoinNode
  | TimerNode
  | AutomaticNode
  | IssueNode
  | SubflowNode;
export type PlanNodeType = PlanNode['type'];
export interface PlanBody {
  nodes: PlanNode[];
  edges: PlanEdge[];
}

export const subflowNodeSchema: z.ZodType<SubflowNode> = z.object({
  ...base,
  type: z.literal('subflow'),
  itemCode: z.string().min(1),
  body: z.lazy(() => planBodySchema),
}) as unknown as z.ZodType<SubflowNode>;

export const planNodeSchema: z.ZodType<PlanNode> = z.union([
  acceptNodeSchema,
  startNodeSchema,
  endNodeSchema,
  departmentNodeSchema,
  parallelNodeSchema,
  exclusiveNodeSchema,
  inclusiveNodeSchema,
  joinNodeSchema,
  timerNodeSchema,
  automaticNodeSchema,
  issueNodeSchema,
  subflowNodeSchema,
]) as unknown as z.ZodType<PlanNode>;

export const planBodySchema: z.ZodType<PlanBody> = z.object({
  nodes: z.array(planNodeSchema).min(1),
  edges: z.array(edgeSchema),
}) as unknown as z.ZodType<PlanBody>;

/** fail_fast: a refusal cancels open branches and refuses the case; collect: other branches finish, every reason is issued at once. */
export const refusalPolicySchema = z.enum(['fail_fast', 'collect']);
export type RefusalPolicy = z.infer<typeof refusalPolicySchema>;

/**
 * What the other open branches do while one branch is returned (退回 to an earlier step or the window,
 * or 补正 inside the branch): continue on their own clocks, or pause (no decisions, step clocks stopped)
 * until the returned branch is back where it was. Absent means continue.
 */
export const branchReturnPolicySchema = z.enum(['continue', 'pause']);
export type BranchReturnPolicy = z.infer<typeof branchReturnPolicySchema>;

/**
 * 行政许可法 Arts. 26, 42 ¶2: the items are handled together — 统一办理 (`unified`: one department accepts and
 * forwards to the others, then one decision), 联合办理 (`joint`) or 集中办理 (`concentrated`). The case then has
 * the joint limit of 45 working days, extensible by 15, instead of the strictest item limit.
 */
export const jointHandlingSchema = z.enum(['unified', 'joint', 'concentrated']);
export type JointHandling = z.infer<typeof jointHandlingSchema>;

export const servicePlanSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  key: z.string().min(1),
  name: z.string().min(1),
  version: z.number().int().positive().default(1),
  refusalPolicy: refusalPolicySchema.default('collect'),
  /** Optional without a default, so plans pinned before it existed keep their hash. */
  onBranchReturn: branchReturnPolicySchema.optional(),
  /** Joint handling (Art. 42 ¶2), for the API's case limits. Optional without a default, like onBranchReturn. */
  jointHandling: jointHandlingSchema.optional(),
  nodes: z.array(planNodeSchema).min(1),
  edges: z.array(edgeSchema),
});
/** The executable form of a service flow: the workflow interprets it, a BPMN compiler produces it. */
export type ServicePlan = z.infer<typeof servicePlanSchema>;
export type ServicePlanInput = z.input<typeof servicePlanSchema>;

/** The stable id of an edge: its own id or `from->to`. */
export const edgeKey = (edge: PlanEdge): string => edge.id ?? `${edge.from}->${edge.to}`;
