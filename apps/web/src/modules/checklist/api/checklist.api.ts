import type { z } from 'zod';
import {
  checklistRequestSchema,
  checklistResponseSchema,
  demoApplicantsResponseSchema,
  type ChecklistRequest,
  type ChecklistResponse,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

export type DemoApplicant = z.infer<typeof demoApplicantsResponseSchema>['applicants'][number];

/** POST /api/catalogue/checklist — needs a signed-in user who may accept applications. */
export function previewChecklist(request: ChecklistRequest): Promise<ChecklistResponse> {
  return apiClient.post('/api/catalogue/checklist', {
    responseSchema: checklistResponseSchema,
    requestSchema: checklistRequestSchema,
    body: request,
  });
}

export async function fetchDemoApplicants(signal?: AbortSignal): Promise<DemoApplicant[]> {
  return (
    await apiClient.get('/api/catalogue/demo-applicants', {
      responseSchema: demoApplicantsResponseSchema,
      signal,
    })
  ).applicants;
}
