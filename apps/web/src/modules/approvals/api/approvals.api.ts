import {
  approveTasksRequestSchema,
  bulkActionResponseSchema,
  caseActionRequestSchema,
  caseActionResponseSchema,
  caseDetailsResponseSchema,
  caseFileViewSchema,
  copiedCasePageSchema,
  reassignTasksRequestSchema,
  reassignTasksResponseSchema,
  taskPageSchema,
  userDirectorySchema,
  type ApproveTasksRequest,
  type BulkActionResponse,
  type CaseActionRequest,
  type CaseActionResponse,
  type CaseDetailsResponse,
  type CaseFileView,
  type CopiedCasePage,
  type InboxView,
  type ReassignTasksRequest,
  type ReassignTasksResponse,
  type TaskPage,
  type TimeStatus,
  type UserDirectory,
} from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';

export interface InboxQuery {
  department: string;
  view: InboxView;
  caseNo?: string;
  item?: string;
  arrivedFrom?: string;
  arrivedTo?: string;
  dueFrom?: string;
  dueTo?: string;
  applicant?: string;
  search?: string;
  timeStatus?: TimeStatus;
  page: number;
  pageSize: number;
}

export function fetchInbox(query: InboxQuery, signal?: AbortSignal): Promise<TaskPage> {
  return apiClient.get('/api/tasks', { responseSchema: taskPageSchema, query: { ...query }, signal });
}

export function fetchCopiedCases(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<CopiedCasePage> {
  return apiClient.get('/api/cases/copied', {
    responseSchema: copiedCasePageSchema,
    query: { page, pageSize },
    signal,
  });
}

export function fetchCaseDetails(caseNo: string, signal?: AbortSignal): Promise<CaseDetailsResponse> {
  return apiClient.get(`/api/cases/${encodeURIComponent(caseNo)}`, {
    responseSchema: caseDetailsResponseSchema,
    signal,
  });
}

export function fetchCaseFileView(caseNo: string, signal?: AbortSignal): Promise<CaseFileView> {
  return apiClient.get(`/api/cases/${encodeURIComponent(caseNo)}/file`, {
    responseSchema: caseFileViewSchema,
    signal,
  });
}

export function fetchDepartmentUsers(department: string, signal?: AbortSignal): Promise<UserDirectory> {
  return apiClient.get('/api/users', { responseSchema: userDirectorySchema, query: { department }, signal });
}

/** One verb on one case; the key makes a repeated submission of the same form apply once. */
export function sendCaseAction(
  caseNo: string,
  action: CaseActionRequest,
  idempotencyKey: string,
): Promise<CaseActionResponse> {
  return apiClient.post(`/api/cases/${encodeURIComponent(caseNo)}/actions`, {
    responseSchema: caseActionResponseSchema,
    requestSchema: caseActionRequestSchema,
    body: action,
    idempotencyKey,
  });
}

export function approveTasks(
  request: ApproveTasksRequest,
  idempotencyKey: string,
): Promise<BulkActionResponse> {
  return apiClient.post('/api/tasks/approve', {
    responseSchema: bulkActionResponseSchema,
    requestSchema: approveTasksRequestSchema,
    body: request,
    idempotencyKey,
  });
}

export function reassignTasks(
  request: ReassignTasksRequest,
  idempotencyKey: string,
): Promise<ReassignTasksResponse> {
  return apiClient.post('/api/tasks/reassign', {
    responseSchema: reassignTasksResponseSchema,
    requestSchema: reassignTasksRequestSchema,
    body: request,
    idempotencyKey,
  });
}

/** A material's file as a blob URL (the API sends it as an attachment; a blob URL shows it inline). */
export async function fetchMaterialFile(
  caseNo: string,
  materialCode: string,
): Promise<{ url: string; type: string }> {
  const response = await fetch(
    `/api/cases/${encodeURIComponent(caseNo)}/materials/${encodeURIComponent(materialCode)}/file`,
    { credentials: 'same-origin' },
  );
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}
