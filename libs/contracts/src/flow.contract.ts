import { z } from 'zod';

/**
 * Flows of the process designer: a draft per item or bundle (BPMN XML, overwritten on each save)
 * and its published versions (immutable: BPMN XML, the compiled ServicePlan and its hash). The subject key is
 * an item key (or implementation code) or a bundle code.
 */
export const flowKeySchema = z
  .string()
  .trim()
  .min(1, 'a flow key (item key or bundle code) is required')
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/, 'a flow key is letters, digits and . _ : -');

export const flowKeyParamsSchema = z.object({ key: flowKeySchema });
export const flowVersionParamsSchema = z.object({
  key: flowKeySchema,
  version: z.coerce.number().int().min(1),
});

/** The most a diagram may weigh (the compiler's own limit is larger: the request body limit applies first). */
export const MAX_FLOW_XML_CHARS = 10 * 1024 * 1024;
const bpmnXmlSchema = z
  .string()
  .min(1, 'the BPMN XML is empty')
  .max(MAX_FLOW_XML_CHARS, 'the BPMN XML is larger than 10 MB');

/** PUT /api/flows/:key/draft and POST /api/flows/:key/publish: the diagram as BPMN 2.0 XML with `ow:` attributes. */
export const flowXmlRequestSchema = z.strictObject({ bpmnXml: bpmnXmlSchema });
export type FlowXmlRequest = z.infer<typeof flowXmlRequestSchema>;

export const flowSubjectKinds = ['item', 'bundle'] as const;
export const flowSubjectSchema = z.object({
  key: z.string(),
  kind: z.enum(flowSubjectKinds),
  name: z.string(),
  /** The item's limits in working days (absent for natural-day limits and for bundles). */
  promisedWorkingDays: z.number().int().optional(),
  statutoryWorkingDays: z.number().int().optional(),
});
export type FlowSubject = z.infer<typeof flowSubjectSchema>;

export const flowDraftInfoSchema = z.object({ savedBy: z.string(), savedAt: z.string() });

export const flowVersionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  planHash: z.string(),
  publishedBy: z.string(),
  publishedAt: z.string(),
  /** `designer`: published through the designer; `default`: the default plan pinned at an acceptance. */
  source: z.enum(['designer', 'default']),
  /** Whether the BPMN XML is stored (default plans have none). */
  hasBpmn: z.boolean(),
  /** Cases accepted under this version that are not yet issued, refused or withdrawn. */
  openCases: z.number().int(),
});
export type FlowVersionSummary = z.infer<typeof flowVersionSummarySchema>;

/** GET /api/flows — every subject with a draft or a published version, by key. */
export const flowListSchema = z.object({
  items: z.array(
    flowSubjectSchema.extend({
      draft: flowDraftInfoSchema.nullable(),
      latestVersion: flowVersionSummarySchema.nullable(),
      versions: z.number().int(),
    }),
  ),
});
export type FlowList = z.infer<typeof flowListSchema>;

const workingDayLimitsSchema = z.object({
  promisedWorkingDays: z.number().int().optional(),
  statutoryWorkingDays: z.number().int().optional(),
});

/**
 * What lint and the compiler know beyond the diagram, as publishing uses it: the designer runs
 * `lintAndCompile` with exactly this, so what it shows is what publishing repeats.
 */
export const flowLintContextSchema = z.object({
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  items: z.array(z.object({ code: z.string(), name: z.string() })),
  certificateTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The subject's own limits (the process's critical path). */
  limits: workingDayLimitsSchema,
  /** Limits of the items a sub-flow may name (`ow:itemCode`). */
  itemLimits: z.record(z.string(), workingDayLimitsSchema),
  /** Active users by `<departmentCode>/<role>`, for steps without `ow:assignees` (the role group). */
  roleMembers: z.record(z.string(), z.array(z.string())),
});
export type FlowLintContext = z.infer<typeof flowLintContextSchema>;

/** GET /api/flows/:key — the subject, its draft (with the XML), its versions (newest first) and the lint context. */
export const flowDetailSchema = z.object({
  subject: flowSubjectSchema,
  lintContext: flowLintContextSchema,
  draft: flowDraftInfoSchema.extend({ bpmnXml: z.string() }).nullable(),
  versions: z.array(flowVersionSummarySchema),
});
export type FlowDetail = z.infer<typeof flowDetailSchema>;

/** GET /api/flows/:key/versions/:version — one published version with its XML and plan. */
export const flowVersionDetailSchema = flowVersionSummarySchema.extend({
  bpmnXml: z.string().nullable(),
  plan: z.unknown(),
});
export type FlowVersionDetail = z.infer<typeof flowVersionDetailSchema>;

/** The values a problem's text is filled with. */
export const flowProblemParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * A lint or compile problem, the same shape in the designer and at publish: `code` is one of the BPMN
 * library's `PROBLEM_CODES` (the designer translates it with `params`), `message` the same in English.
 */
export const flowProblemSchema = z.object({
  elementId: z.string(),
  elementName: z.string().optional(),
  code: z.string(),
  params: flowProblemParamsSchema.optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
});
export type FlowProblem = z.infer<typeof flowProblemSchema>;

export const flowDraftSavedSchema = z.object({ key: z.string(), draft: flowDraftInfoSchema });
export type FlowDraftSaved = z.infer<typeof flowDraftSavedSchema>;

/** POST /api/flows/:key/publish → 201: the new version and the warnings that remained. */
export const flowPublishedSchema = z.object({
  key: z.string(),
  version: flowVersionSummarySchema,
  warnings: z.array(flowProblemSchema),
});
export type FlowPublished = z.infer<typeof flowPublishedSchema>;

/**
 * The options of `lintAndCompile` (`@onewindow/flow-model/src/bpmn`, `LintContext`) for a lint context: one
 * function, so the designer and publishing lint alike. `key`/`version` are what publishing assigns.
 */
export function lintOptionsOf(context: FlowLintContext, assign: { key?: string; version?: number } = {}) {
  return {
    ...assign,
    catalogue: {
      departmentCodes: context.departments.map((d) => d.code),
      itemCodes: context.items.map((i) => i.code),
    },
    limits: context.limits,
    itemLimits: context.itemLimits,
    certificateTypeNames: Object.fromEntries(context.certificateTypes.map((c) => [c.code, c.name])),
    roleMembers: (departmentCode: string, role: string): readonly string[] | undefined =>
      context.roleMembers[`${departmentCode}/${role}`],
  };
}
