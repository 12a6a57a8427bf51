import {
  publicCaseStatusSchema,
  publicLookupRequestSchema,
  type PublicCaseStatus,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** 办件查询: POST so the code never appears in a URL (docs/decisions/0004). */
export function lookUpCaseStatus(
  caseNo: string,
  code: string,
  signal?: AbortSignal,
): Promise<PublicCaseStatus> {
  return apiClient.post(`/api/public/cases/${encodeURIComponent(caseNo)}/status`, {
    responseSchema: publicCaseStatusSchema,
    requestSchema: publicLookupRequestSchema,
    body: { code },
    signal,
  });
}
