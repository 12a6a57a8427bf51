import { z } from 'zod';
import {
  bundleSchema,
  certificateTypeSchema,
  itemSchema,
  itemTypeCodeSchema,
  type MaterialChecklist,
} from '@onewindow/standards';

const limitSchema = z.object({ value: z.number(), unit: z.string() });

/** GET /api/catalogue/items — search by name or code, filter by department and item type. */
export const catalogueItemsQuerySchema = z.strictObject({
  q: z.string().trim().max(100, 'search text: at most 100 characters').optional(),
  department: z.string().max(50).optional(),
  type: itemTypeCodeSchema.optional(),
  page: z.coerce.number({ error: 'page must be a number' }).int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce
    .number({ error: 'pageSize must be a number' })
    .int()
    .min(1)
    .max(100, 'pageSize: at most 100')
    .default(20),
});

export const itemSummarySchema = z.object({
  itemKey: z.string(),
  implementationCode: z.string(),
  handlingItemCode: z.string().nullable(),
  basicCode: z.string(),
  name: z.string(),
  itemType: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  statutoryLimit: limitSchema,
  promisedLimit: limitSchema,
  onTheSpot: z.boolean(),
  version: z.number(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const catalogueItemsResponseSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(itemSummarySchema),
});
export type CatalogueItemsResponse = z.infer<typeof catalogueItemsResponseSchema>;

/** GET /api/catalogue/items/:itemKey — the active version with its department and version history. */
export const catalogueItemDetailSchema = z.object({
  item: itemSchema,
  departmentName: z.string(),
  versions: z.array(z.object({ version: z.number(), status: z.string(), createdAt: z.string() })),
});
export type CatalogueItemDetail = z.infer<typeof catalogueItemDetailSchema>;

/** POST /api/catalogue/items — a new item or a new version of an existing one (catalogue.write). */
export const createItemVersionRequestSchema = itemSchema;

export const departmentsResponseSchema = z.object({
  departments: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parentCode: z.string().nullable(),
      regionCode: z.string(),
    }),
  ),
});
export const bundlesResponseSchema = z.object({ bundles: z.array(bundleSchema) });

/**
 * POST /api/catalogue/certificate-types (a new type: `code` required) and PUT /api/catalogue/certificate-types/:code
 * (its edit: `code`, if given, is the path's). Validity: whole years ≥ 1, or null/absent for long-term (长期).
 * The API checks the rest against the standards' shape (代码 = 定义机构 USCC + 3 digits) and the departments.
 */
export const certificateTypeRequestSchema = z.strictObject({
  code: z.string({ error: '请填写证照类型代码' }).trim().optional(),
  name: z
    .string({ error: '请填写证照类型名称' })
    .trim()
    .min(1, '请填写证照类型名称')
    .max(200, '证照类型名称最多 200 字'),
  definingAuthority: z
    .string({ error: '请填写证照定义机构' })
    .trim()
    .min(1, '请填写证照定义机构')
    .max(200, '证照定义机构最多 200 字'),
  definingAuthorityCode: z
    .string({ error: '请填写证照定义机构代码' })
    .trim()
    .min(1, '请填写证照定义机构代码'),
  holderCodeType: z.enum(['resident_id', 'uscc'], {
    error: '持证主体代码类型须为“公民身份号码”或“统一社会信用代码”',
  }),
  validityYears: z
    .number({ error: '有效期须为整年数，长期有效请不填' })
    .int('有效期须为整年数，长期有效请不填')
    .min(1, '有效期须为正数（至少 1 年）；长期有效请不填')
    .max(100, '有效期最长 100 年；长期有效请不填')
    .nullable()
    .optional(),
  issuerDepartmentCode: z.string().trim().min(1, '请选择发证部门，或不填').nullable().optional(),
  notes: z.string().max(2000, '备注最多 2000 字').nullable().optional(),
});
export type CertificateTypeRequest = z.input<typeof certificateTypeRequestSchema>;

/** GET /api/catalogue/certificate-types — every certificate type, by code. */
export const certificateTypesResponseSchema = z.object({ certificateTypes: z.array(certificateTypeSchema) });

/** POST /api/catalogue/bundles (a new 一件事) and PUT /api/catalogue/bundles/:code (a new version): the bundle's shape. */
export const bundleRequestSchema = bundleSchema;

/** GET /api/catalogue/bundles/:code — the active version of a bundle with every version's number and status. */
export const bundleDetailSchema = z.object({
  bundle: bundleSchema,
  version: z.number(),
  versions: z.array(z.object({ version: z.number(), status: z.string() })),
  /** The names of the bundle's items in their active versions (an item without one is missing here). */
  itemNames: z.record(z.string(), z.string()),
});
export type BundleDetail = z.infer<typeof bundleDetailSchema>;

/** The answer to saving a certificate type or a bundle: `version` for a bundle (the new one, or the same if unchanged). */
export const catalogueEntrySavedSchema = z.object({
  code: z.string(),
  version: z.number().optional(),
  changed: z.boolean(),
});
export type CatalogueEntrySaved = z.infer<typeof catalogueEntrySavedSchema>;

/** POST /api/catalogue/checklist — the merged material list for items (or a bundle) and an applicant's certificates on file. */
export const checklistRequestSchema = z
  .strictObject({
    itemKeys: z.array(z.string().min(1)).max(30, 'at most 30 items in one application').default([]),
    bundleCode: z.string().min(1).optional(),
    /** Resident ID or unified social credit code; certificates on file for this holder are reused. */
    applicantIdNumber: z.string().trim().min(1).max(18).optional(),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf: a date YYYY-MM-DD')
      .optional(),
  })
  .refine((r) => r.itemKeys.length > 0 || r.bundleCode, {
    message: 'choose at least one item or a bundle',
    path: ['itemKeys'],
  });
export type ChecklistRequest = z.input<typeof checklistRequestSchema>;
export type ChecklistResponse = MaterialChecklist & { applicantName?: string; certificatesOnFile: number };

/** GET /api/catalogue/demo-applicants — made-up applicants for the demo checklist (never real people). */
export const demoApplicantsResponseSchema = z.object({
  applicants: z.array(
    z.object({
      idNumber: z.string(),
      name: z.string(),
      kind: z.string(),
      note: z.string(),
      certificates: z.number(),
    }),
  ),
});
