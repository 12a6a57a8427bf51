import { caseDocumentListSchema, type CaseDocumentList } from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

export function fetchCaseDocuments(caseNo: string, signal?: AbortSignal): Promise<CaseDocumentList> {
  return apiClient.get(`/api/cases/${encodeURIComponent(caseNo)}/documents`, {
    responseSchema: caseDocumentListSchema,
    signal,
  });
}
