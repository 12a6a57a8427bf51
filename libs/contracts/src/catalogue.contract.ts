import { z } from 'zod';
import { bundleSchema, itemSchema, itemTypeCodeSchema, type MaterialChecklist } from '@onewindow/standards';

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
