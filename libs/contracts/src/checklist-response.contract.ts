import { z } from 'zod';
import type { ChecklistResponse } from './catalogue.contract';
import {
  materialFormSchema,
  materialKindSchema,
  materialNecessitySchema,
  materialSourceSchema,
} from '@onewindow/standards';

// POST /api/catalogue/checklist response; typed against ChecklistResponse (derived from mergeMaterials) so they cannot drift.
const needSchema = z.object({
  itemCode: z.string(),
  necessity: materialNecessitySchema,
  form: materialFormSchema,
  originals: z.number(),
  copies: z.number(),
  notes: z.string().optional(),
});

const satisfactionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('certificate_on_file'),
    identifier: z.string(),
    validUntil: z.string().optional(),
  }),
  z.object({ kind: z.literal('result_of_item'), itemCode: z.string() }),
]);

const entrySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: materialKindSchema,
  source: materialSourceSchema,
  certificateTypeCode: z.string().optional(),
  blankFormRef: z.string().optional(),
  sampleRef: z.string().optional(),
  form: materialFormSchema,
  originals: z.number(),
  copies: z.number(),
  necessity: materialNecessitySchema,
  neededBy: z.array(needSchema),
  satisfiedBy: satisfactionSchema.optional(),
});

export const checklistResponseSchema: z.ZodType<ChecklistResponse> = z.object({
  asOf: z.string(),
  applicantCode: z.string(),
  itemCodes: z.array(z.string()),
  entries: z.array(entrySchema),
  counts: z.object({
    requirementsListed: z.number(),
    distinctMaterials: z.number(),
    submissionsRequired: z.number(),
    submissionsOptional: z.number(),
    savedByMerging: z.number(),
    savedByReuse: z.number(),
    submissionsSaved: z.number(),
  }),
  applicantName: z.string().optional(),
  certificatesOnFile: z.number(),
});
