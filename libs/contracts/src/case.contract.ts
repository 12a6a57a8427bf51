import { z } from 'zod';
import { personNameSchema, requiredText as text } from './contract-fields';

/**
 * Case (办件) contracts: acceptance at the window, unified issuance, the case view (the approver verbs:
 * `case-verbs.contract.ts`). Identity check digits and catalogue look-ups are checked by the API after this
 * shape is parsed.
 */

export const applicantSchema = z.strictObject({
  kind: z.enum(['person', 'organisation']),
  /** Resident ID (GB 11643) for a person, USCC (GB 32100) for an organisation. */
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, 'idNumber is required')
    .max(18, 'idNumber has at most 18 characters'),
  name: personNameSchema('name', '申请人名称'),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, 'phone must be a mainland mobile or landline number')
    .optional(),
  /** Where the applicant's messages go (ready for collection, supplement needed) when the e-mail channel is on. */
  email: z
    .email({
      error: 'email must be a whole e-mail address, user@domain (电子邮箱格式不正确，应为“用户名@域名”形式)',
    })
    .max(254, 'email has at most 254 characters')
    .optional(),
});
export type ApplicantInput = z.infer<typeof applicantSchema>;

export const receivedMaterialSchema = z.strictObject({
  materialCode: text('materialCode', 64),
  provenance: z
    .enum(['submitted', 'reused_certificate', 'tolerated_missing', 'commitment'])
    .default('submitted'),
  certificateId: z.string().min(1).optional(),
  originals: z.number().int().min(0).max(99).default(0),
  copies: z.number().int().min(0).max(99).default(0),
  form: z.enum(['paper', 'electronic', 'both']).optional(),
  /** 容缺后补: the promised supplement date. */
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'dueDate as YYYY-MM-DD')
    .optional(),
});

export const acceptApplicationRequestSchema = z.strictObject({
  /** Each item by its 实施编码, or by its 业务办理项编码 when the implementation has several handling items. */
  items: z
    .array(z.strictObject({ implementationCode: text('implementationCode', 64) }))
    .min(1, 'apply for at least one item')
    .max(20, 'at most 20 items per application')
    .refine(
      (items) => new Set(items.map((i) => i.implementationCode)).size === items.length,
      'an item appears twice',
    ),
  applicant: applicantSchema,
  materials: z.array(receivedMaterialSchema).max(200).default([]),
  acceptanceMode: z.enum(['normal', 'tolerated', 'commitment']).default('normal'),
  /**
   * Accepted as this bundle (一件事, `GET /api/catalogue/bundles`): the items must be the bundle's (every required
   * one). A bundle handled jointly (its `jointHandling`) gives the case the joint limit of Art. 42 ¶2.
   */
  bundleCode: z.string().trim().min(1).max(50).optional(),
  /** Form data the plan's conditions read. */
  applicationData: z.record(z.string(), z.unknown()).default({}),
  /**
   * The number of an application the window told what to supplement (一次性告知, `needs_correction`): accepting
   * completes it under the same number, and its clocks start on the day of acceptance.
   */
  applicationNo: z
    .string()
    .regex(/^YC\d{14}$/, 'application numbers look like YC20261122000123')
    .optional(),
});
export type AcceptApplicationRequest = z.input<typeof acceptApplicationRequestSchema>;

export const caseNoSchema = z.string().regex(/^YC\d{8}\d{6}$/, 'case numbers look like YC20261122000123');

const timeLimitViewSchema = z.object({
  value: z.number().int(),
  unit: z.enum(['working_day', 'natural_day']),
});

/**
 * Which statutory limit a case runs on, and why (shown on the acceptance answer and the case view):
 * `joint_handling` — 行政许可法 Art. 42 ¶2, 45 working days (+15) for a bundle or plan handled jointly
 * (统一办理 / 联合办理 / 集中办理); `strictest_item` — the strictest limit of the case's items (Art. 42 ¶1 allows +10).
 * `onTheSpot`: a 0-day limit (即办件), due the day of acceptance: the window can accept and issue in one visit
 * when every department step of the plan is 即办 too.
 */
export const caseLimitBasisSchema = z.object({
  rule: z.enum(['joint_handling', 'strictest_item']),
  /** The legal basis, e.g. 《行政许可法》第四十二条第二款. */
  law: z.string(),
  jointHandling: z.enum(['unified', 'joint', 'concentrated']).optional(),
  /** Who says the case is handled jointly: the bundle it was accepted as, or its plan. */
  declaredBy: z.enum(['bundle', 'plan']).optional(),
  bundleCode: z.string().optional(),
  /** The item whose limit is the strictest (rule `strictest_item`). */
  itemKey: z.string().optional(),
  statutory: timeLimitViewSchema,
  /** The most working days approved extensions may add to the statutory clock in all. */
  maxExtensionDays: z.number().int(),
  onTheSpot: z.boolean(),
  /** One sentence for the applicant's notice. */
  explanation: z.string(),
});
export type CaseLimitBasis = z.infer<typeof caseLimitBasisSchema>;

export const acceptedCaseResponseSchema = z.object({
  caseNo: z.string(),
  status: z.string(),
  acceptedOn: z.string(),
  items: z.array(
    z.object({
      implementationCode: z.string(),
      itemKey: z.string(),
      version: z.number().int(),
      name: z.string(),
      departmentCode: z.string(),
    }),
  ),
  /** Absent on answers stored before bundles could be accepted. */
  kind: z.enum(['item', 'bundle']).optional(),
  bundleCode: z.string().optional(),
  limits: z.object({
    statutory: timeLimitViewSchema,
    promised: timeLimitViewSchema.optional(),
    maxExtensionDays: z.number().int().optional(),
  }),
  /** Which limit applies and why; absent on answers stored before it existed. */
  limitBasis: caseLimitBasisSchema.optional(),
  plan: z.object({ flowVersionId: z.string(), planKey: z.string(), planHash: z.string() }),
  workflowId: z.string(),
});
export type AcceptedCaseResponse = z.infer<typeof acceptedCaseResponseSchema>;

export const issueResultsRequestSchema = z.strictObject({
  delivery: z.strictObject({
    method: z.enum(['window', 'post', 'electronic']),
    address: z.string().max(500).optional(),
    trackingNo: z.string().max(64).optional(),
    /** For the 送达回证 (kept in the database, not sent to the workflow): who received it, and how it was checked. */
    recipientName: personNameSchema('recipientName', '签收人姓名', 100).optional(),
    identityCheck: z.string().trim().min(1).max(200).optional(),
    carrier: z.string().trim().min(1).max(100).optional(),
  }),
});
export type IssueResultsRequest = z.infer<typeof issueResultsRequestSchema>;

const clockViewSchema = z.object({
  state: z.string(),
  dueDate: z.string().nullable(),
  provisional: z.boolean(),
  remainingWorkingDays: z.number(),
  elapsedWorkingDays: z.number(),
  warningLevel: z.string(),
});

export const stepViewSchema = z.looseObject({
  stepId: z.string(),
  name: z.string(),
  departmentCode: z.string(),
  status: z.enum(['open', 'approved', 'refused', 'cancelled', 'returned']),
  generation: z.number().int(),
  assignees: z.array(z.looseObject({ userId: z.string(), status: z.string() })),
  clock: clockViewSchema,
});

/** The workflow's view (caseState query): the source of truth while the case runs. */
export const caseViewSchema = z.looseObject({
  caseNo: z.string(),
  planKey: z.string(),
  planHash: z.string(),
  phase: z.enum(['in_review', 'awaiting_issuance', 'completed', 'withdrawn', 'terminated']),
  outcome: z.enum(['approved', 'refused', 'withdrawn', 'terminated']).optional(),
  steps: z.array(stepViewSchema),
  clocks: z.looseObject({
    statutory: clockViewSchema,
    promised: clockViewSchema.optional(),
    issuance: clockViewSchema.optional(),
    suspended: z.boolean(),
  }),
  slowestStepDue: z.string().optional(),
  refusals: z.array(z.object({ stepId: z.string(), reasons: z.array(z.string()) })),
  certificates: z.array(
    z.object({ stepId: z.string(), certificateNo: z.string(), certificateTypeCode: z.string() }),
  ),
  history: z.array(z.looseObject({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string() })),
});

/**
 * A task row's state: `open` in the holders' inbox; `done` when decided or sent back (the outcome says
 * which); `cancelled` when the case no longer needs it; `superseded` when the people on the step changed
 * (转办, 委派, its resolution, 加签/减签) and the next generation of the same step took over.
 */
export const taskStates = ['open', 'done', 'cancelled', 'superseded'] as const;
export const taskStateSchema = z.enum(taskStates);
export type TaskState = z.infer<typeof taskStateSchema>;

export const projectedTaskSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  stepId: z.string(),
  generation: z.number().int(),
  departmentCode: z.string(),
  role: z.string(),
  /** The one person holding the task, or null when several hold it (会签, a group): then see `holders`. */
  assigneeUserId: z.string().nullable(),
  /** Everyone who holds the task row (its signers whose turn it is, and delegates). */
  holders: z.array(z.string()),
  state: taskStateSchema,
  outcome: z.string().nullable(),
  openedAt: z.string(),
  dueDate: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ProjectedTask = z.infer<typeof projectedTaskSchema>;

/**
 * GET /api/cases/:caseNo — the workflow's view, or the database projection when Temporal cannot answer.
 * An approver sees only their own department's steps, tasks and step history.
 */
export const caseDetailsResponseSchema = z.object({
  caseNo: z.string(),
  status: z.string(),
  /** The full idNumber only for those handling the case (window, its departments); others see it masked. */
  applicant: z.object({
    kind: z.string(),
    name: z.string(),
    idNumberMasked: z.string(),
    idNumber: z.string().optional(),
  }),
  items: z.array(z.object({ implementationCode: z.string(), version: z.number().int() })),
  acceptedAt: z.string().nullable(),
  /**
   * Who accepted it: the clerk (display name), or the system for an online submission deemed accepted (视为受理,
   * Art. 32; `name` 系统（视为受理）). Absent before acceptance.
   */
  acceptedBy: z.object({ kind: z.enum(['clerk', 'system']), name: z.string() }).optional(),
  statutoryDueDate: z.string().nullable(),
  promisedDueDate: z.string().nullable(),
  kind: z.string(),
  bundleCode: z.string().nullable(),
  /** Which statutory limit the case runs on and why (derived from its items, bundle and pinned plan). */
  limitBasis: caseLimitBasisSchema.optional(),
  /**
   * Set when a due date shown is provisional: which years have no holiday notice yet, and the sentence
   * ("provisional: no holiday notice for 2027 yet").
   */
  provisional: z.object({ yearsWithoutNotice: z.array(z.number().int()), reason: z.string() }).optional(),
  source: z.enum(['workflow', 'projection']),
  /** Why the projection answered (Temporal unreachable, workflow missing). */
  note: z.string().optional(),
  view: caseViewSchema.optional(),
  tasks: z.array(projectedTaskSchema),
  certificates: z.array(
    z.object({ number: z.string(), typeCode: z.string(), status: z.string(), validFrom: z.string() }),
  ),
});
export type CaseDetailsResponse = z.infer<typeof caseDetailsResponseSchema>;

/** The synchronous answer of an action: the workflow's view of the step (or the case, for withdraw). */
export const caseActionResponseSchema = z.object({
  caseNo: z.string(),
  verb: z.string(),
  result: z.record(z.string(), z.unknown()),
});
export type CaseActionResponse = z.infer<typeof caseActionResponseSchema>;

export const issueResultsResponseSchema = z.object({
  caseNo: z.string(),
  outcome: z.enum(['approved', 'refused']),
  certificates: z.array(
    z.object({ stepId: z.string(), certificateNo: z.string(), certificateTypeCode: z.string() }),
  ),
  refusals: z.array(z.object({ stepId: z.string(), reasons: z.array(z.string()) })),
});
export type IssueResultsResponse = z.infer<typeof issueResultsResponseSchema>;
