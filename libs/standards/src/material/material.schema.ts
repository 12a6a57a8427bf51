import { z } from 'zod';

export const materialCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, 'material code: 1–50 letters, digits, . _ -');
export const certificateTypeCodeSchema = z
  .string()
  .regex(
    /^[0-9A-HJ-NPQRTUWXY]{18}\d{3}$/,
    'certificate type code must be the defining body USCC (18) + a 3-digit sequence (docs/domain.md §4.3, UNCONFIRMED)',
  );

/** 材料类型: 1 证件证书证明 · 2 申请表格文书 · 3 其他 ([S2] field, codes [P]). */
export const materialKindSchema = z.enum(['certificate', 'form', 'other']);
export const MATERIAL_KIND_CODES = { certificate: '1', form: '2', other: '3' } as const;

/** 来源渠道: vendor codes differ (UNCONFIRMED), so names only. */
export const materialSourceSchema = z.enum(['applicant', 'department', 'other']);
export const MATERIAL_SOURCE_LABELS = {
  applicant: '申请人自备',
  department: '政府部门核发',
  other: '其他',
} as const;

/** 材料形式 as a requirement: paper original, paper copy, or electronic. */
export const materialFormSchema = z.enum(['original', 'copy', 'electronic']);
export const MATERIAL_FORM_LABELS = { original: '原件', copy: '复印件', electronic: '电子材料' } as const;

/** 材料必要性: 1 必要 · 2 非必要 · 3 容缺后补 ([S2] field, codes [P]). */
export const materialNecessitySchema = z.enum(['required', 'optional', 'tolerated_missing']);
export const MATERIAL_NECESSITY_LABELS = {
  required: '必要',
  optional: '非必要',
  tolerated_missing: '容缺后补',
} as const;

export type MaterialKind = z.infer<typeof materialKindSchema>;
export type MaterialSource = z.infer<typeof materialSourceSchema>;
export type MaterialForm = z.infer<typeof materialFormSchema>;
export type MaterialNecessity = z.infer<typeof materialNecessitySchema>;

const descriptiveFields = {
  code: materialCodeSchema,
  name: z.string().trim().min(1).max(200),
  kind: materialKindSchema,
  source: materialSourceSchema,
  /** When issued by a department as a licence: the certificate type that can be reused instead (免提交). */
  certificateTypeCode: certificateTypeCodeSchema.optional(),
  issuer: z.string().max(200).optional(),
  blankFormRef: z.string().max(500).optional(),
  sampleRef: z.string().max(500).optional(),
  notes: z.string().max(2000).optional(),
};

const sourceConsistent = (m: { source: MaterialSource; certificateTypeCode?: string }) =>
  m.certificateTypeCode === undefined || m.source === 'department';
const sourceMessage = {
  message: 'only a material issued by a department (source department) can name a certificate type',
  params: { zh: '只有来源渠道为“政府部门核发”的材料才能填写证照类型代码' },
  path: ['certificateTypeCode'],
};

/** A standard material (标准材料) in the catalogue, defined once and referenced by items. */
export const standardMaterialSchema = z
  .object({ ...descriptiveFields, illustrative: z.boolean().optional() })
  .refine(sourceConsistent, sourceMessage);
export type StandardMaterial = z.infer<typeof standardMaterialSchema>;

/**
 * An item's requirement for a material; name/kind/source are copied from the standard material so an item
 * snapshot stands alone (the catalogue checks they agree). Form/copies rules are our model's [design].
 */
export const materialRequirementSchema = z
  .object({
    ...descriptiveFields,
    code: materialCodeSchema,
    form: materialFormSchema,
    originals: z.number().int().min(0).max(99),
    copies: z.number().int().min(0).max(99),
    necessity: materialNecessitySchema,
    /**
     * 容缺逾期处理, for a tolerated_missing material: what happens when the applicant misses the promised date —
     * `wait` (keep waiting; the window's leads are told once) or `terminate` (终止办理). Absent: wait.
     */
    toleratedOverdue: z.enum(['wait', 'terminate']).optional(),
  })
  .refine(sourceConsistent, sourceMessage)
  .superRefine((r, ctx) => {
    if (r.toleratedOverdue !== undefined && r.necessity !== 'tolerated_missing')
      ctx.addIssue({
        code: 'custom',
        path: ['toleratedOverdue'],
        message:
          'only a tolerated material (necessity tolerated_missing, 容缺后补) has a rule for a missed date',
        params: { zh: '只有材料必要性为“容缺后补”的材料才能设置逾期处理' },
      });
    if (r.form === 'original' && r.originals < 1)
      ctx.addIssue({
        code: 'custom',
        path: ['originals'],
        message: 'form original needs at least 1 original (原件份数 ≥ 1)',
        params: { zh: '材料形式为“原件”时，原件份数至少为 1' },
      });
    if (r.form === 'copy' && (r.copies < 1 || r.originals > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['copies'],
        message: 'form copy needs at least 1 copy and no originals',
        params: { zh: '材料形式为“复印件”时，复印件份数至少为 1，原件份数为 0' },
      });
    if (r.form === 'electronic' && (r.originals > 0 || r.copies > 0))
      ctx.addIssue({
        code: 'custom',
        path: ['form'],
        message: 'form electronic takes no paper originals or copies',
        params: { zh: '材料形式为“电子材料”时，原件和复印件份数都应为 0' },
      });
  });
export type MaterialRequirement = z.infer<typeof materialRequirementSchema>;
