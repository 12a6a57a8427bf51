import { z } from 'zod';

/** Types a case file may have (checked by the file's first bytes, not only the declared Content-Type). */
export const caseFileContentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/ofd',
] as const;
export type CaseFileContentType = (typeof caseFileContentTypes)[number];

export const materialCodeSchema = z
  .string()
  .trim()
  .min(1, 'materialCode is required')
  .max(64, 'materialCode has at most 64 characters');

/**
 * PUT /api/cases/:caseNo/materials/:materialCode/file — the stored file (raw body; its bytes are served by
 * GET of the same path). `replaced` says whether an earlier file for this material was replaced.
 */
export const caseFileResponseSchema = z.object({
  caseNo: z.string(),
  materialCode: z.string(),
  contentType: z.enum(caseFileContentTypes),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  replaced: z.boolean(),
});
export type CaseFileResponse = z.infer<typeof caseFileResponseSchema>;
