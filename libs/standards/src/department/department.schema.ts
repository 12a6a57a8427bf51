import { z } from 'zod';
import { isProvinceCode } from '../identity/province-codes.data';
import { usccSchema } from '../identity/identity.schema';

export const departmentCodeSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/,
    'department code: 1–50 letters, digits, . _ - (starting with a letter or digit)',
  );

/** 6-digit administrative division code (GB/T 2260); only the province prefix is checked (no full division table). */
export const regionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'region code must be a 6-digit division code')
  .refine((v) => isProvinceCode(v.slice(0, 2)), {
    message: 'region code must start with a province code (11–65, 71, 81–83)',
  });

export const departmentSchema = z.object({
  code: departmentCodeSchema,
  name: z.string().trim().min(1).max(200),
  /** Parent department (e.g. a bureau's higher-level office); absent for top-level bodies. */
  parentCode: departmentCodeSchema.optional(),
  regionCode: regionCodeSchema,
  /** The body's unified social credit code; items it implements carry it in their 实施编码. */
  uscc: usccSchema.optional(),
  illustrative: z.boolean().optional(),
});
export type Department = z.infer<typeof departmentSchema>;
