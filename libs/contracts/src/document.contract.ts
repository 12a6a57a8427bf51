import { z } from 'zod';
import { caseNoSchema } from './case.contract';

/** The official documents a case can have (libs/documents renders each as a PDF). */
export const documentKinds = [
  'acceptance_notice',
  'correction_notice',
  'acceptance_refusal',
  'tolerated_acceptance_notice',
  'extension_notice',
  'permit_refusal',
  'delivery_receipt',
  'termination_notice',
] as const;
export const documentKindSchema = z.enum(documentKinds);
export type DocumentKindName = z.infer<typeof documentKindSchema>;

/** One document of a case as listed: its number, kind, printed title, date and issuer. */
export const caseDocumentSchema = z.object({
  documentNo: z.string(),
  kind: documentKindSchema,
  title: z.string(),
  issuedOn: z.string(),
  issuedBy: z.string(),
  /** GET this for the PDF (application/pdf). */
  href: z.string(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

/** GET /api/cases/:caseNo/documents */
export const caseDocumentListSchema = z.object({
  caseNo: caseNoSchema,
  documents: z.array(caseDocumentSchema),
});
export type CaseDocumentList = z.infer<typeof caseDocumentListSchema>;

/** Document numbers: the kind's letters, then the case number, then a sequence for kinds a case may have several of. */
export const documentNoSchema = z
  .string()
  .regex(
    /^[A-Z]{2,3}-YC\d{14}(-\d{1,3})?$/,
    'document numbers look like SL-YC20261207000001 or BZ-YC20261207000001-2',
  );
