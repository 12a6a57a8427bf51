import { z } from 'zod';

const isoDay = (what: string) =>
  z
    .string({ error: `${what}须为日期，格式 YYYY-MM-DD（例如 2026-12-16）` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}须为日期，格式 YYYY-MM-DD（例如 2026-12-16）`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), `${what}不是有效日期`);

const departmentFilter = z
  .string()
  .trim()
  .min(1, '部门代码不能为空；不筛选部门时请省略 department')
  .max(40, '部门代码最多 40 个字符')
  .optional();

/**
 * GET /api/supervision/overview — overdue and at-risk open tasks, escalations and extension requests waiting for
 * approval. `on` is the reference day (default: today in Asia/Shanghai); a department lead sees their own
 * department, the centre supervisor every department or the one named.
 */
export const supervisionOverviewQuerySchema = z.strictObject({
  department: departmentFilter,
  on: isoDay('参考日期 on').optional(),
  /** At risk: due within this many working days from `on` (default 2). */
  atRiskDays: z.coerce
    .number({ error: 'atRiskDays 须为 0 到 10 的整数' })
    .int('atRiskDays 须为整数')
    .min(0, 'atRiskDays 不能小于 0')
    .max(10, 'atRiskDays 最多 10 个工作日')
    .optional(),
});
export type SupervisionOverviewQuery = z.infer<typeof supervisionOverviewQuerySchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const supervisedTaskSchema = z.object({
  caseNo: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  holders: z.array(person),
  openedAt: z.string(),
  dueDate: z.string(),
  /** Working days from `on` to the due date: negative when overdue. */
  workingDaysLeft: z.number().int(),
  statutoryDueDate: z.string().nullable(),
  /** Reminders (催办) sent on this step, the workflow's and people's. */
  reminders: z.number().int(),
});
export type SupervisedTask = z.infer<typeof supervisedTaskSchema>;

export const escalationSchema = z.object({
  caseNo: z.string(),
  stepId: z.string(),
  departmentCode: z.string().nullable(),
  departmentName: z.string(),
  leads: z.array(person),
  windowDepartmentCode: z.string().nullable(),
  dueDate: z.string().nullable(),
  escalatedAt: z.string(),
  /** Whether the step is still open (not decided since). */
  open: z.boolean(),
});
export type Escalation = z.infer<typeof escalationSchema>;

export const extensionRequestSchema = z.object({
  caseNo: z.string(),
  stepId: z.string(),
  stepName: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  days: z.number().int(),
  reason: z.string(),
  requestedBy: person,
  requestedAt: z.string(),
  statutoryDueDate: z.string().nullable(),
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

export const supervisionOverviewSchema = z.object({
  on: z.string(),
  /** The departments the viewer supervises (all when `null`: the centre supervisor without a filter). */
  departments: z.array(z.string()).nullable(),
  overdue: z.array(supervisedTaskSchema),
  atRisk: z.array(supervisedTaskSchema),
  escalations: z.array(escalationSchema),
  extensions: z.array(extensionRequestSchema),
});
export type SupervisionOverview = z.infer<typeof supervisionOverviewSchema>;

/** POST /api/supervision/cases/:caseNo/steps/:stepId/approve-extension */
export const approveExtensionRequestSchema = z.strictObject({
  reason: z.string().trim().max(2000, '批准意见最多 2000 字').optional(),
});
export type ApproveExtensionRequest = z.infer<typeof approveExtensionRequestSchema>;

export const approveExtensionResponseSchema = z.object({
  caseNo: z.string(),
  stepId: z.string(),
  days: z.number().int(),
  previousDue: z.string(),
  newDue: z.string(),
  /** The 延期通知书 issued to the applicant. */
  document: z.object({ documentNo: z.string(), href: z.string() }),
});
export type ApproveExtensionResponse = z.infer<typeof approveExtensionResponseSchema>;

/** POST /api/supervision/cases/:caseNo/steps/:stepId/remind — 催办 to the step's holders. */
export const remindRequestSchema = z.strictObject({
  message: z
    .string({ error: '请填写催办内容（例如：请于明日前办结）' })
    .trim()
    .min(1, '请填写催办内容（例如：请于明日前办结）')
    .max(500, '催办内容最多 500 字'),
});
export type RemindRequest = z.infer<typeof remindRequestSchema>;

export const remindResponseSchema = z.object({
  caseNo: z.string(),
  stepId: z.string(),
  to: z.array(z.string()),
  at: z.string(),
});
export type RemindResponse = z.infer<typeof remindResponseSchema>;

/** GET /api/supervision/figures — per department over [from, to]; `on` is the reference day for open work. */
export const supervisionFiguresQuerySchema = z
  .strictObject({
    from: isoDay('起始日期 from'),
    to: isoDay('截止日期 to'),
    on: isoDay('参考日期 on').optional(),
    department: departmentFilter,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: '截止日期 to 不能早于起始日期 from' });
export type SupervisionFiguresQuery = z.infer<typeof supervisionFiguresQuerySchema>;

export const departmentFiguresSchema = z.object({
  departmentCode: z.string(),
  departmentName: z.string(),
  /** Open tasks on `on`. */
  open: z.number().int(),
  /** Open tasks due in the week (Monday to Sunday) of `on`, not yet overdue. */
  dueThisWeek: z.number().int(),
  /** Open tasks whose due date is before `on`. */
  overdue: z.number().int(),
  /** Tasks decided in the period. */
  closed: z.number().int(),
  /** Of those, decided on or before their due date. */
  onTime: z.number().int(),
  /** onTime / closed, 0..1; null with nothing closed. */
  onTimeRate: z.number().nullable(),
  /**
   * The department's cases ended by 终止办理 in the period (a tolerated material missed its date under the
   * catalogue's `terminate` rule): a status of its own — their cancelled tasks are neither open nor decided.
   */
  terminated: z.number().int(),
  /** Average working days from opening to decision of the tasks closed in the period. */
  avgWorkingDaysUsed: z.number().nullable(),
  /** Average statutory and promised limits (working days) of those tasks' items. */
  avgStatutoryLimit: z.number().nullable(),
  avgPromisedLimit: z.number().nullable(),
});
export type DepartmentFigures = z.infer<typeof departmentFiguresSchema>;

export const supervisionFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  on: z.string(),
  departments: z.array(departmentFiguresSchema),
});
export type SupervisionFigures = z.infer<typeof supervisionFiguresSchema>;

/** The tables that export to XLSX: GET /api/supervision/export/:table.xlsx (same query as their page). */
export const supervisionExportTables = [
  'overdue',
  'at-risk',
  'escalations',
  'extensions',
  'figures',
] as const;
export type SupervisionExportTable = (typeof supervisionExportTables)[number];

/**
 * GET /api/supervision/demand?from&to&department — demand analytics over the cases accepted in [from, to]
 * (Asia/Shanghai days): a lead sees the cases with an item of their department, the supervisor every case or the
 * named department's.
 */
export const demandQuerySchema = supervisionFiguresQuerySchema;
export type DemandQuery = SupervisionFiguresQuery;

export const demandAnalyticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The most-requested items (cases accepted with the item), most first (at most 20). */
  items: z.array(
    z.object({
      implementationCode: z.string(),
      name: z.string(),
      departmentCode: z.string(),
      cases: z.number().int(),
    }),
  ),
  /** The most-requested bundles (一件事), most first (at most 20). */
  bundles: z.array(z.object({ bundleCode: z.string(), name: z.string(), cases: z.number().int() })),
  /** 免提交: materials taken from a certificate instead of submitted, per certificate type. */
  reuseByType: z.array(z.object({ typeCode: z.string(), typeName: z.string(), reused: z.number().int() })),
  /** Per month (YYYY-MM) of acceptance: materials reused against all the materials the cases required. */
  reuseByMonth: z.array(
    z.object({ month: z.string(), reused: z.number().int(), materials: z.number().int() }),
  ),
  /** Acceptances per weekday (1 Monday … 7 Sunday) and hour (0…23, Asia/Shanghai); cells with none are left out. */
  acceptances: z.array(
    z.object({ weekday: z.number().int(), hour: z.number().int(), cases: z.number().int() }),
  ),
  /**
   * Per item, the cases accepted in the period and decided: the working days they took (acceptance to the last
   * task's decision) against the item's statutory and promised limits (working days; null in natural days).
   * Compression: 1 − limit / statutory — promised, and as measured.
   */
  handling: z.array(
    z.object({
      implementationCode: z.string(),
      name: z.string(),
      decided: z.number().int(),
      statutoryLimit: z.number().nullable(),
      promisedLimit: z.number().nullable(),
      avgWorkingDays: z.number().nullable(),
      promisedCompression: z.number().nullable(),
      measuredCompression: z.number().nullable(),
    }),
  ),
});
export type DemandAnalytics = z.infer<typeof demandAnalyticsSchema>;

export const demandExportTables = [
  'demand-items',
  'demand-bundles',
  'demand-reuse-types',
  'demand-reuse-months',
  'demand-acceptances',
  'demand-handling',
] as const;
export type DemandExportTable = (typeof demandExportTables)[number];
