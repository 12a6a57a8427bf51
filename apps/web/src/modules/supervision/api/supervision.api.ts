import {
  demandAnalyticsSchema,
  evaluationFiguresSchema,
  type DemandAnalytics,
  type DemandExportTable,
  type EvaluationFigures,
  approveExtensionRequestSchema,
  approveExtensionResponseSchema,
  remindRequestSchema,
  remindResponseSchema,
  supervisionFiguresSchema,
  supervisionOverviewSchema,
  type ApproveExtensionResponse,
  type RemindResponse,
  type SupervisionExportTable,
  type SupervisionFigures,
  type SupervisionOverview,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

/** `department` undefined: the signed-in lead's own department, or every department for the supervisor. */
export interface OverviewQuery {
  department?: string;
}
export interface FiguresQuery {
  department?: string;
  from: string;
  to: string;
}

const defined = (query: object) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

export function fetchOverview(query: OverviewQuery, signal?: AbortSignal): Promise<SupervisionOverview> {
  return apiClient.get('/api/supervision/overview', {
    responseSchema: supervisionOverviewSchema,
    query: defined(query),
    signal,
  });
}

export function fetchFigures(query: FiguresQuery, signal?: AbortSignal): Promise<SupervisionFigures> {
  return apiClient.get('/api/supervision/figures', {
    responseSchema: supervisionFiguresSchema,
    query: defined(query),
    signal,
  });
}

export function fetchDemand(query: FiguresQuery, signal?: AbortSignal): Promise<DemandAnalytics> {
  return apiClient.get('/api/supervision/demand', {
    responseSchema: demandAnalyticsSchema,
    query: defined(query),
    signal,
  });
}

export function fetchEvaluationFigures(
  query: FiguresQuery,
  signal?: AbortSignal,
): Promise<EvaluationFigures> {
  return apiClient.get('/api/supervision/evaluations', {
    responseSchema: evaluationFiguresSchema,
    query: defined(query),
    signal,
  });
}

/** The 好差评 exports: the records (provincial fields) or the rates per department. */
export function evaluationExportHref(file: 'records' | 'rates', query: FiguresQuery): string {
  return `/api/supervision/evaluations/export/${file}.xlsx?${new URLSearchParams(defined(query)).toString()}`;
}

/** The XLSX of one table, downloaded by the browser with the session cookie. */
export function exportHref(
  table: SupervisionExportTable | DemandExportTable,
  query: OverviewQuery | FiguresQuery,
): string {
  const search = new URLSearchParams(defined(query)).toString();
  return `/api/supervision/export/${table}.xlsx${search ? `?${search}` : ''}`;
}

export function approveExtension(
  caseNo: string,
  stepId: string,
  reason: string | undefined,
  idempotencyKey: string,
): Promise<ApproveExtensionResponse> {
  return apiClient.post(
    `/api/supervision/cases/${encodeURIComponent(caseNo)}/steps/${encodeURIComponent(stepId)}/approve-extension`,
    {
      responseSchema: approveExtensionResponseSchema,
      requestSchema: approveExtensionRequestSchema,
      body: reason ? { reason } : {},
      idempotencyKey,
    },
  );
}

export function remind(caseNo: string, stepId: string, message: string): Promise<RemindResponse> {
  return apiClient.post(
    `/api/supervision/cases/${encodeURIComponent(caseNo)}/steps/${encodeURIComponent(stepId)}/remind`,
    { responseSchema: remindResponseSchema, requestSchema: remindRequestSchema, body: { message } },
  );
}
