import { z } from 'zod';
import { certificateSchema } from '../certificate/certificate.schema';
import { holderSchema, mobileSchema } from '../identity/identity.schema';
import { DEMO_APPLICANTS } from './seed/demo-applicants.data';

export const demoApplicantSchema = z
  .object({
    holder: holderSchema,
    mobile: mobileSchema,
    note: z.string(),
    certificates: z.array(certificateSchema),
  })
  .superRefine((a, ctx) =>
    a.certificates.forEach((c, i) => {
      if (c.holder.code !== a.holder.code)
        ctx.addIssue({
          code: 'custom',
          path: ['certificates', i, 'holder'],
          message: `certificate ${c.identifier} is held by ${c.holder.code}, not ${a.holder.code}`,
        });
    }),
  );
export type DemoApplicant = z.infer<typeof demoApplicantSchema>;

let cached: DemoApplicant[] | undefined;

/** Made-up demo applicants with certificates on file (for the checklist preview); validated on first load. */
export function loadDemoApplicants(): DemoApplicant[] {
  cached ??= DEMO_APPLICANTS.map((a, i) => {
    const r = demoApplicantSchema.safeParse(a);
    if (!r.success)
      throw new Error(
        `demo applicant #${i} (${a.holder.name}) is invalid: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    return r.data;
  });
  return cached;
}

export { DEMO_AS_OF } from './seed/demo-applicants.data';
