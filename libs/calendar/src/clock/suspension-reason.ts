import { z } from 'zod';

/** The Art. 45 special procedures (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审): their time does not count. */
export const SPECIAL_PROCEDURE_KINDS = [
  'hearing',
  'tender',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
] as const;
export type SpecialProcedureKind = (typeof SPECIAL_PROCEDURE_KINDS)[number];

/** 补正 plus the Art. 45 special procedures whose time does not count toward the limit. */
export const SUSPENSION_REASON_KINDS = ['supplement', ...SPECIAL_PROCEDURE_KINDS, 'other'] as const;
export type SuspensionReasonKind = (typeof SUSPENSION_REASON_KINDS)[number];

export const SUSPENSION_REASON_LABELS: Readonly<Record<SuspensionReasonKind, string>> = {
  supplement: '补正',
  hearing: '听证',
  tender: '招标',
  auction: '拍卖',
  inspection: '检验',
  testing: '检测',
  quarantine: '检疫',
  appraisal: '鉴定',
  expert_review: '专家评审',
  other: '其他',
};

const namedKinds = SUSPENSION_REASON_KINDS.filter(
  (k): k is Exclude<SuspensionReasonKind, 'other'> => k !== 'other',
);

export const suspensionReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(namedKinds), note: z.string().trim().min(1).optional() }),
  z.object({
    kind: z.literal('other'),
    note: z.string().trim().min(1, 'a suspension of kind "other" needs a note'),
  }),
]);
export type SuspensionReason = z.infer<typeof suspensionReasonSchema>;
