import { z } from 'zod';
import {
  publicSubmissionStatusSchema,
  submissionCorrectionRequestSchema,
  submissionOutcomeSchema,
  submissionReceiptSchema,
  submissionRefusalRequestSchema,
  submissionRequestSchema,
  submissionStatusRequestSchema,
  submissionSummarySchema,
  type PublicSubmissionStatus,
  type SubmissionCorrectionRequest,
  type SubmissionOutcome,
  type SubmissionReceipt,
  type SubmissionRefusalRequest,
  type SubmissionRequest,
  type SubmissionStatus,
  type SubmissionSummary,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** 网上申报 (public): one key per form, so a double click or a retry makes one submission. */
export function submitOnline(request: SubmissionRequest, idempotencyKey: string): Promise<SubmissionReceipt> {
  return apiClient.post('/api/public/submissions', {
    responseSchema: submissionReceiptSchema,
    requestSchema: submissionRequestSchema,
    body: request,
    idempotencyKey,
  });
}

/** The applicant's look-up: POST, so the code stays out of URLs (as the case look-up). */
export function lookUpSubmission(submissionNo: string, code: string): Promise<PublicSubmissionStatus> {
  return apiClient.post(`/api/public/submissions/${encodeURIComponent(submissionNo)}/status`, {
    responseSchema: publicSubmissionStatusSchema,
    requestSchema: submissionStatusRequestSchema,
    body: { code },
  });
}

const queueSchema = z.object({ submissions: z.array(submissionSummarySchema) });

/** The window's pre-review (预审) queue. */
export async function fetchSubmissions(
  status: SubmissionStatus,
  signal?: AbortSignal,
): Promise<SubmissionSummary[]> {
  const page = await apiClient.get('/api/submissions', {
    responseSchema: queueSchema,
    query: { status },
    signal,
  });
  return page.submissions;
}

export function acceptSubmission(submissionNo: string): Promise<SubmissionOutcome> {
  return apiClient.post(`/api/submissions/${encodeURIComponent(submissionNo)}/accept`, {
    responseSchema: submissionOutcomeSchema,
    body: {},
  });
}

export function noticeSubmission(
  submissionNo: string,
  request: SubmissionCorrectionRequest,
): Promise<SubmissionOutcome> {
  return apiClient.post(`/api/submissions/${encodeURIComponent(submissionNo)}/correction-notice`, {
    responseSchema: submissionOutcomeSchema,
    requestSchema: submissionCorrectionRequestSchema,
    body: request,
  });
}

export function refuseSubmission(
  submissionNo: string,
  request: SubmissionRefusalRequest,
): Promise<SubmissionOutcome> {
  return apiClient.post(`/api/submissions/${encodeURIComponent(submissionNo)}/refusal`, {
    responseSchema: submissionOutcomeSchema,
    requestSchema: submissionRefusalRequestSchema,
    body: request,
  });
}
