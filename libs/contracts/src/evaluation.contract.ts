import { z } from 'zod';

/**
 * 好差评 (国办发〔2019〕51号; GB/T 39734): the applicant rates an issued case once per channel — `public` on the
 * public lookup page (case number + the lookup code), `window` on a counter tablet the window clerk opens.
 * Grades 5 (非常满意) … 1 (非常不满意); 2 and 1 are 差评 and each opens a rectification order (差评整改).
 */
export const evaluationGrades = [5, 4, 3, 2, 1] as const;
export type EvaluationGrade = (typeof evaluationGrades)[number];

export const evaluationGradeLabels: Record<EvaluationGrade, { zh: string; en: string }> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};

/** 差评: 不满意 and 非常不满意. */
export const isBadGrade = (grade: number): boolean => grade <= 2;

export const evaluationAspects = ['guidance', 'procedure', 'materials', 'interface', 'suggestion'] as const;
export type EvaluationAspect = (typeof evaluationAspects)[number];

export const evaluationAspectLabels: Record<EvaluationAspect, { zh: string; en: string }> = {
  guidance: { zh: '办事指南清晰', en: 'Clear guidance' },
  procedure: { zh: '办理流程便捷', en: 'Convenient procedure' },
  materials: { zh: '申请材料精简', en: 'Fewer materials' },
  interface: { zh: '界面友好', en: 'Friendly interface' },
  suggestion: { zh: '意见建议', en: 'Suggestions' },
};

export const evaluationChannels = ['public', 'window'] as const;
export type EvaluationChannel = (typeof evaluationChannels)[number];

const ratingFields = {
  grade: z.literal(evaluationGrades, {
    error: '请选择评价等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意',
  }),
  aspects: z
    .array(z.enum(evaluationAspects, { error: `评价方面只能是 ${evaluationAspects.join('、')}` }))
    .max(evaluationAspects.length, '评价方面最多 5 项')
    .optional(),
  comment: z.string().trim().max(500, '评价意见最多 500 字，请精简后再提交').optional(),
};

/** POST /api/public/cases/:caseNo/evaluation — no sign-in; `code` as in the public lookup. */
export const publicEvaluationRequestSchema = z.strictObject({
  code: z
    .string({ error: '请填写查询码：办件所用证件号码的后 4 位' })
    .trim()
    .regex(/^[0-9A-Za-z]{4}$/, '查询码是证件号码的后 4 位（数字或字母）'),
  ...ratingFields,
});
export type PublicEvaluationRequest = z.infer<typeof publicEvaluationRequestSchema>;

/** POST /api/window/cases/:caseNo/evaluation — the window clerk's counter tablet. */
export const windowEvaluationRequestSchema = z.strictObject(ratingFields);
export type WindowEvaluationRequest = z.infer<typeof windowEvaluationRequestSchema>;

export const evaluationResponseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  channel: z.enum(evaluationChannels),
  grade: z.number().int(),
  /** 1: the rating; 2: the re-rating after the rectification. */
  round: z.number().int(),
  /** 差评: the rectification orders opened (one per handling department). */
  rectificationOrders: z.array(
    z.object({ id: z.string(), departmentCode: z.string(), deadline: z.string() }),
  ),
});
export type EvaluationResponse = z.infer<typeof evaluationResponseSchema>;

/**
 * GET /api/supervision/rectifications?department&state&on — `overdue`: open past the deadline on `on` (default:
 * today in Asia/Shanghai), which escalates the order to the centre supervisor.
 */
export const rectificationQuerySchema = z.strictObject({
  department: z.string().trim().min(1, '部门代码不能为空；不筛选部门时请省略 department').max(40).optional(),
  state: z
    .enum(['open', 'overdue', 'closed'], {
      error: 'state 只能是 open（待整改）、overdue（已超期）或 closed（已办结）',
    })
    .optional(),
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '参考日期 on 须为日期，格式 YYYY-MM-DD（例如 2026-12-16）')
    .optional(),
});
export type RectificationQuery = z.infer<typeof rectificationQuerySchema>;

export const rectificationOrderSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  channel: z.string(),
  grade: z.number().int(),
  comment: z.string().nullable(),
  aspects: z.array(z.string()),
  evaluatedAt: z.string(),
  deadline: z.string(),
  state: z.enum(['open', 'closed']),
  /** Open past its deadline (on the query's day): escalated to the centre supervisor. */
  overdue: z.boolean(),
  /** The rating's round: 2 is the re-rating after a rectification. */
  round: z.number().int(),
  callbackBy: z.string().nullable(),
  callbackAt: z.string().nullable(),
  callbackNote: z.string().nullable(),
  rectification: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type RectificationOrder = z.infer<typeof rectificationOrderSchema>;

const text = (what: string, example: string, max: number) =>
  z
    .string({ error: `请填写${what}（例如：${example}）` })
    .trim()
    .min(1, `请填写${what}（例如：${example}）`)
    .max(max, `${what}最多 ${max} 字`);

/**
 * POST /api/supervision/rectifications/:id/close — the callback to the applicant (回访: who called, when, what the
 * applicant said) and the rectification. Without a callback the order is not closed.
 */
export const closeRectificationRequestSchema = z.strictObject({
  callback: z.strictObject(
    {
      by: text('回访人', '市场监管科长 周文', 100),
      at: z
        .string({ error: '请填写回访时间（例如 2026-12-16T10:00:00+08:00）' })
        .refine(
          (s) => !Number.isNaN(Date.parse(s)),
          '回访时间不是有效的日期时间（例如 2026-12-16T10:00:00+08:00）',
        ),
      note: text('回访中申请人的意见', '申请人认可整改措施', 1000),
    },
    { error: '没有回访记录不能办结整改单：请先回访申请人，并填写回访人、回访时间和申请人的意见' },
  ),
  rectification: text('整改措施', '已对窗口人员开展服务规范培训', 2000),
});
export type CloseRectificationRequest = z.infer<typeof closeRectificationRequestSchema>;

/** GET /api/supervision/evaluations?from&to&department&on — the ratings given in [from, to] (Asia/Shanghai days). */
export const evaluationFiguresQuerySchema = z
  .strictObject({
    from: z
      .string({ error: '起始日期 from 须为日期，格式 YYYY-MM-DD（例如 2026-12-01）' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, '起始日期 from 须为日期，格式 YYYY-MM-DD（例如 2026-12-01）'),
    to: z
      .string({ error: '截止日期 to 须为日期，格式 YYYY-MM-DD（例如 2026-12-31）' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期 to 须为日期，格式 YYYY-MM-DD（例如 2026-12-31）'),
    department: z
      .string()
      .trim()
      .min(1, '部门代码不能为空；不筛选部门时请省略 department')
      .max(40)
      .optional(),
    /** The day orders are overdue on (default: today in Asia/Shanghai). */
    on: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '参考日期 on 须为日期，格式 YYYY-MM-DD（例如 2026-12-16）')
      .optional(),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: '截止日期 to 不能早于起始日期 from' });
export type EvaluationFiguresQuery = z.infer<typeof evaluationFiguresQuerySchema>;

const rates = {
  /** Ratings given (re-ratings included: each is a record). */
  ratings: z.number().int(),
  /** 差评 (grades 2 and 1). */
  bad: z.number().int(),
  /** 好评率: grades 5, 4 and 3 over all ratings; null without any. */
  goodRate: z.number().nullable(),
};

export const evaluationFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Per department of the rated cases' items; orders are the department's rectification orders of those ratings. */
  departments: z.array(
    z.object({
      departmentCode: z.string(),
      departmentName: z.string(),
      ...rates,
      orders: z.number().int(),
      closedOrders: z.number().int(),
      /** Open past their deadline: escalated to the centre supervisor. */
      overdueOrders: z.number().int(),
      /** 差评处置率: closed orders over orders; null without any. */
      handlingRate: z.number().nullable(),
    }),
  ),
  items: z.array(
    z.object({
      implementationCode: z.string(),
      name: z.string(),
      departmentCode: z.string(),
      departmentName: z.string(),
      ...rates,
    }),
  ),
});
export type EvaluationFigures = z.infer<typeof evaluationFiguresSchema>;
