import { z } from 'zod';
import {
  exerciseLevelSchema,
  handlingFormSchema,
  handlingTypeSchema,
  implementingBodyNatureSchema,
  itemTypeCodeSchema,
  serviceObjectSchema,
} from '../codes/code-tables';
import { basicCodeSchema, handlingItemCodeSchema, implementationCodeSchema } from '../codes/code.schema';
import { departmentCodeSchema } from '../department/department.schema';
import { certificateTypeCodeSchema, materialRequirementSchema } from '../material/material.schema';
import { comparePromisedToStatutory, itemTimeLimitSchema } from './time-limit.schema';

/** 结果类型: one vendor's 10 证照 · 20 批文 · 30 其他 · 99 无 [P]. */
export const itemResultKindSchema = z.enum(['certificate', 'approval_document', 'other', 'none']);
export const itemResultSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: itemResultKindSchema,
    certificateTypeCode: certificateTypeCodeSchema.optional(),
  })
  .refine((r) => (r.kind === 'certificate') === (r.certificateTypeCode !== undefined), {
    message: 'a certificate result names its certificate type, other results do not',
    params: { zh: '结果类型为“证照”时须填写证照类型代码，其他结果类型不填' },
    path: ['certificateTypeCode'],
  });
export type ItemResult = z.infer<typeof itemResultSchema>;

export const feeItemSchema = z.object({
  name: z.string().trim().min(1).max(200),
  standard: z.string().trim().min(1).max(500),
  reducible: z.boolean(),
  basis: z.string().max(1000).optional(),
});
export const feesSchema = z
  .object({ charged: z.boolean(), basis: z.string().max(1000).optional(), items: z.array(feeItemSchema) })
  .refine((f) => f.charged === f.items.length > 0, {
    message: 'a charged item lists its fee items; a free item lists none',
    params: { zh: '收费事项须在“事项收费”表列出收费项目，不收费的事项不列' },
    path: ['items'],
  });
export type Fees = z.infer<typeof feesSchema>;

/** Local keys kept beside the national ones ([S2] 地方基本编码/地方实施编码, varchar 50). */
const localCodeSchema = z.string().trim().min(1).max(50);

const itemObjectSchema = z.object({
  basicCode: basicCodeSchema,
  implementationCode: implementationCodeSchema,
  handlingItemCode: handlingItemCodeSchema.optional(),
  localBasicCode: localCodeSchema.optional(),
  localImplementationCode: localCodeSchema.optional(),
  name: z.string().trim().min(1).max(200),
  itemType: itemTypeCodeSchema,
  legalBasis: z.string().trim().min(1).max(4000),
  level: exerciseLevelSchema,
  departmentCode: departmentCodeSchema,
  implementingBodyNature: implementingBodyNatureSchema,
  /** 共同实施部门 for joint handling. */
  coDepartmentCodes: z.array(departmentCodeSchema).default([]),
  statutoryLimit: itemTimeLimitSchema,
  promisedLimit: itemTimeLimitSchema,
  limitNote: z.string().max(1000).optional(),
  handlingType: handlingTypeSchema,
  handlingForms: z.array(handlingFormSchema).default(['1']),
  acceptanceConditions: z.string().trim().min(1).max(4000),
  fees: feesSchema,
  results: z
    .array(itemResultSchema)
    .min(1, 'an item names at least one result (use kind none if it issues nothing)'),
  serviceObjects: z
    .array(serviceObjectSchema)
    .min(1, 'an item serves at least one kind of applicant (服务对象)'),
  materials: z.array(materialRequirementSchema),
  version: z.number().int().min(1),
  illustrative: z.boolean().optional(),
  notes: z.string().max(2000).optional(),
});

/** A service item (政务服务事项) with the national elements of GB/T 39046 Table 4. */
export const itemSchema = itemObjectSchema.superRefine((item, ctx) => {
  const impl = item.implementationCode;
  if (impl.length === 31) {
    if (impl.slice(19) !== item.basicCode)
      ctx.addIssue({
        code: 'custom',
        path: ['implementationCode'],
        message: `characters 20–31 of the implementation code must repeat the basic code ${item.basicCode}, got ${impl.slice(19)}`,
        params: { zh: `实施编码第 20–31 位应与基本编码 ${item.basicCode} 相同，现为 ${impl.slice(19)}` },
      });
    if (impl[18] !== item.level)
      ctx.addIssue({
        code: 'custom',
        path: ['implementationCode'],
        message: `character 19 of the implementation code (exercise level) is '${impl[18]}' but the item level is '${item.level}'`,
        params: { zh: `实施编码第 19 位（行使层级）为“${impl[18]}”，与行使层级代码“${item.level}”不一致` },
      });
  }
  if (item.handlingItemCode !== undefined && !item.handlingItemCode.startsWith(impl))
    ctx.addIssue({
      code: 'custom',
      path: ['handlingItemCode'],
      message: 'characters 1–31 of the handling item code must repeat the implementation code',
      params: { zh: '业务办理项编码的前 31 位应与实施编码相同' },
    });
  const limits = comparePromisedToStatutory(item.promisedLimit, item.statutoryLimit);
  if (!limits.ok)
    ctx.addIssue({
      code: 'custom',
      path: ['promisedLimit'],
      message: limits.message,
      params: { zh: limits.zh },
    });
  const seen = new Set<string>();
  item.materials.forEach((m, i) => {
    if (seen.has(m.code))
      ctx.addIssue({
        code: 'custom',
        path: ['materials', i, 'code'],
        message: `material ${m.code} is listed twice for this item`,
        params: { zh: `材料 ${m.code} 在本事项中重复列出` },
      });
    seen.add(m.code);
  });
});
export type Item = z.infer<typeof itemSchema>;
export type ItemInput = z.input<typeof itemSchema>;

/** The key that identifies an item in bundles, sheets and checklists: the most specific national code. */
export const itemKey = (item: Pick<Item, 'implementationCode' | 'handlingItemCode'>): string =>
  item.handlingItemCode ?? item.implementationCode;

/** 即办件: decided on the spot (办件类型 1). */
export const isOnTheSpot = (item: Pick<Item, 'handlingType'>): boolean => item.handlingType === '1';
