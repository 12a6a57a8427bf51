import { z } from 'zod';
import { isoDateStringSchema } from '../codes/iso-date.schema';
import { departmentCodeSchema, regionCodeSchema } from '../department/department.schema';
import { checkedString, holderCodeTypeSchema, holderSchema, usccSchema } from '../identity/identity.schema';
import { certificateTypeCodeSchema } from '../material/material.schema';
import { validateLicenceIdentifier } from './licence-identifier';

/** 证照类型 (licence-type catalogue entry, GB/T 36902 role [P]). */
export const certificateTypeSchema = z
  .object({
    code: certificateTypeCodeSchema,
    name: z.string().trim().min(1).max(200),
    definingAuthority: z.string().trim().min(1).max(200),
    definingAuthorityCode: usccSchema,
    holderCodeType: holderCodeTypeSchema,
    /** 有效期: how many years a certificate of this type is valid from its issue day; absent = long-term (长期). */
    validityYears: z.number().int().min(1).max(100).optional(),
    /** 发证部门: the department of this catalogue that issues certificates of this type (a code on the 部门 sheet). */
    issuerDepartmentCode: departmentCodeSchema.optional(),
    illustrative: z.boolean().optional(),
    notes: z.string().max(2000).optional(),
  })
  .refine((t) => t.code.slice(0, 18) === t.definingAuthorityCode, {
    message: 'characters 1–18 of the certificate type code must be the defining authority USCC',
    path: ['code'],
    params: { zh: '证照类型代码的第 1–18 位应为证照定义机构代码（统一社会信用代码）' },
  });
export type CertificateType = z.infer<typeof certificateTypeSchema>;

export const certificateStatusSchema = z.enum(['valid', 'revoked', 'expired']);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

export const licenceIdentifierSchema = checkedString(validateLicenceIdentifier);

/** 证照 instance with the up_lic_data metadata [S2]; validUntil absent = long-term (长期). */
export const certificateSchema = z
  .object({
    identifier: licenceIdentifierSchema,
    typeCode: certificateTypeCodeSchema,
    name: z.string().trim().min(1).max(200),
    number: z.string().trim().min(1).max(100),
    holder: holderSchema,
    issuer: z.object({ name: z.string().trim().min(1).max(200), code: usccSchema }),
    issuedOn: isoDateStringSchema,
    validFrom: isoDateStringSchema,
    validUntil: isoDateStringSchema.optional(),
    jurisdictionCode: regionCodeSchema.optional(),
    status: certificateStatusSchema,
  })
  .superRefine((c, ctx) => {
    const parts = c.identifier.split('.');
    if (parts.length === 10 && parts[5] !== c.typeCode)
      ctx.addIssue({
        code: 'custom',
        path: ['identifier'],
        message: `identifier names type ${parts[5]} but typeCode is ${c.typeCode}`,
      });
    if (parts.length === 10 && parts[6] !== c.issuer.code)
      ctx.addIssue({
        code: 'custom',
        path: ['identifier'],
        message: `identifier names issuer ${parts[6]} but issuer.code is ${c.issuer.code}`,
      });
    if (c.validUntil !== undefined && c.validUntil < c.validFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: `validUntil ${c.validUntil} is before validFrom ${c.validFrom}`,
      });
  });
export type Certificate = z.infer<typeof certificateSchema>;

/** Usable on `asOf`: status valid and the date inside [validFrom, validUntil]. */
export const isCertificateUsable = (
  c: Pick<Certificate, 'status' | 'validFrom' | 'validUntil'>,
  asOf: string,
): boolean =>
  c.status === 'valid' && c.validFrom <= asOf && (c.validUntil === undefined || asOf <= c.validUntil);

/**
 * The last day (YYYY-MM-DD) a certificate of the type is valid when issued on `validFrom`: the day before the
 * same date `validityYears` later (a 29 February start ends on 28 February); undefined for a long-term type.
 */
export function certificateValidUntil(
  type: Pick<CertificateType, 'validityYears'>,
  validFrom: string,
): string | undefined {
  if (type.validityYears === undefined) return undefined;
  const [y, m, d] = validFrom.split('-').map(Number);
  const anniversary = new Date(Date.UTC(y + type.validityYears, m - 1, d));
  // 29 February in a year without it rolls over to 1 March: the anniversary is then 28 February + 1.
  if (anniversary.getUTCMonth() !== m - 1) anniversary.setUTCDate(0);
  else anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return anniversary.toISOString().slice(0, 10);
}
