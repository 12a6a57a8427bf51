import { z } from 'zod';
import type { IdentityCheck } from './identity-check';
import { validateMobile } from './mobile.validator';
import { validateResidentId } from './resident-id.validator';
import { validateUscc } from './uscc.validator';

/** Turns a validator into a zod string schema whose issue message names the failed rule and position. */
export function checkedString(check: (value: string) => IdentityCheck) {
  return z.string().superRefine((value, ctx) => {
    const result = check(value);
    if (!result.ok)
      ctx.addIssue({
        code: 'custom',
        message: result.message,
        params: { rule: result.rule, position: result.position },
      });
  });
}

export const residentIdSchema = checkedString((v) => validateResidentId(v));
export const usccSchema = checkedString(validateUscc);
export const mobileSchema = checkedString(validateMobile);

/** Holder code type per the licence metadata: 111 公民身份号码, 001 统一社会信用代码 [P]. */
export const holderCodeTypeSchema = z.enum(['resident_id', 'uscc']);
export type HolderCodeType = z.infer<typeof holderCodeTypeSchema>;
export const HOLDER_CODE_TYPE_CODES: Readonly<Record<HolderCodeType, string>> = {
  resident_id: '111',
  uscc: '001',
};

/** A holder/applicant identity: the code is checked against its type. */
export const holderSchema = z
  .object({ name: z.string().trim().min(1).max(200), codeType: holderCodeTypeSchema, code: z.string() })
  .superRefine((h, ctx) => {
    const r = h.codeType === 'resident_id' ? validateResidentId(h.code) : validateUscc(h.code);
    if (!r.ok)
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: r.message,
        params: { rule: r.rule, position: r.position },
      });
  });
export type Holder = z.infer<typeof holderSchema>;
