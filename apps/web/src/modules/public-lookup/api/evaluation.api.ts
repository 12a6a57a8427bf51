import {
  evaluationResponseSchema,
  windowEvaluationRequestSchema,
  type WindowEvaluationRequest,
  publicEvaluationRequestSchema,
  type EvaluationResponse,
  type PublicEvaluationRequest,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** 好差评 online: the same case number and code as the lookup, in the body (never in a URL). */
export function ratePublicly(caseNo: string, body: PublicEvaluationRequest): Promise<EvaluationResponse> {
  return apiClient.post(`/api/public/cases/${encodeURIComponent(caseNo)}/evaluation`, {
    responseSchema: evaluationResponseSchema,
    requestSchema: publicEvaluationRequestSchema,
    body,
  });
}

/** 好差评 on the counter tablet: the window clerk's session (case.issue on the case); the clerk is the staff rated. */
export function rateAtWindow(caseNo: string, body: WindowEvaluationRequest): Promise<EvaluationResponse> {
  return apiClient.post(`/api/window/cases/${encodeURIComponent(caseNo)}/evaluation`, {
    responseSchema: evaluationResponseSchema,
    requestSchema: windowEvaluationRequestSchema,
    body,
  });
}
