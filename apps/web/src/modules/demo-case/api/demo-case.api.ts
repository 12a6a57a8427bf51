import {
  completeDemoCaseRequestSchema,
  demoCaseResponseSchema,
  type DemoCaseResponse,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

export function startDemoCase(): Promise<DemoCaseResponse> {
  return apiClient.post('/api/demo-cases', { responseSchema: demoCaseResponseSchema });
}

export function completeDemoCase(caseNo: string, completedBy: string): Promise<DemoCaseResponse> {
  return apiClient.post(`/api/demo-cases/${encodeURIComponent(caseNo)}/complete`, {
    responseSchema: demoCaseResponseSchema,
    requestSchema: completeDemoCaseRequestSchema,
    body: { completedBy },
  });
}
