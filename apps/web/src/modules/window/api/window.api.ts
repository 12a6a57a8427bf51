import {
  intakeRefusalRequestSchema,
  intakeRefusalResponseSchema,
  type IntakeRefusalRequest,
  type IntakeRefusalResponse,
  correctionNoticeRequestSchema,
  correctionNoticeResponseSchema,
  type CorrectionNoticeRequest,
  type CorrectionNoticeResponse,
  acceptApplicationRequestSchema,
  acceptedCaseResponseSchema,
  issueResultsRequestSchema,
  issueResultsResponseSchema,
  windowQueuePageSchema,
  windowCorrectionsPageSchema,
  windowCountersSchema,
  type WindowCounters,
  type WindowCorrectionsPage,
  toleratedSupplyRequestSchema,
  toleratedSupplyResponseSchema,
  type ToleratedSupplyRequest,
  type ToleratedSupplyResponse,
  type AcceptApplicationRequest,
  type AcceptedCaseResponse,
  type IssueResultsRequest,
  type IssueResultsResponse,
  type WindowQueuePage,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** 受理: one key per intake form, so a double click or a retry makes one case. */
export function acceptApplication(
  request: AcceptApplicationRequest,
  idempotencyKey: string,
): Promise<AcceptedCaseResponse> {
  return apiClient.post('/api/cases', {
    responseSchema: acceptedCaseResponseSchema,
    requestSchema: acceptApplicationRequestSchema,
    body: request,
    idempotencyKey,
  });
}

export function fetchIssuanceQueue(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<WindowQueuePage> {
  return apiClient.get('/api/window/queue', {
    responseSchema: windowQueuePageSchema,
    query: { view: 'issuance', page, pageSize },
    signal,
  });
}

/** 补正待收: one-time notices waiting for the applicant, and steps a department returned to the window. */
export function fetchCorrectionsQueue(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<WindowCorrectionsPage> {
  return apiClient.get('/api/window/queue', {
    responseSchema: windowCorrectionsPageSchema,
    query: { view: 'corrections', page, pageSize },
    signal,
  });
}

/** 统一出件 of one case. */
export function issueCaseResults(
  caseNo: string,
  request: IssueResultsRequest,
  idempotencyKey: string,
): Promise<IssueResultsResponse> {
  return apiClient.post(`/api/cases/${encodeURIComponent(caseNo)}/issue`, {
    responseSchema: issueResultsResponseSchema,
    requestSchema: issueResultsRequestSchema,
    body: request,
    idempotencyKey,
  });
}

/** 一次性告知: the application waits for the materials the notice lists (one key per notice). */
export function issueCorrectionNotice(
  request: CorrectionNoticeRequest,
  idempotencyKey: string,
): Promise<CorrectionNoticeResponse> {
  return apiClient.post('/api/intake/correction-notices', {
    responseSchema: correctionNoticeResponseSchema,
    requestSchema: correctionNoticeRequestSchema,
    body: request,
    idempotencyKey,
  });
}

/** 不予受理: the application ends with its number and the decision (one key per form). */
export function refuseAtIntake(
  request: IntakeRefusalRequest,
  idempotencyKey: string,
): Promise<IntakeRefusalResponse> {
  return apiClient.post('/api/intake/refusals', {
    responseSchema: intakeRefusalResponseSchema,
    requestSchema: intakeRefusalRequestSchema,
    body: request,
    idempotencyKey,
  });
}

/** 容缺补齐: the applicant handed in a tolerated material; issuance waits until every one is recorded. */
export function recordToleratedSupply(
  caseNo: string,
  materialCode: string,
  request: ToleratedSupplyRequest,
): Promise<ToleratedSupplyResponse> {
  return apiClient.post(
    `/api/cases/${encodeURIComponent(caseNo)}/tolerated-materials/${encodeURIComponent(materialCode)}`,
    {
      responseSchema: toleratedSupplyResponseSchema,
      requestSchema: toleratedSupplyRequestSchema,
      body: request,
    },
  );
}

/** 今日工作量 of the signed-in clerk (the centre's day). */
export function fetchWindowCounters(signal?: AbortSignal): Promise<WindowCounters> {
  return apiClient.get('/api/window/counters', { responseSchema: windowCountersSchema, signal });
}
