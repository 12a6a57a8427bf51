import { z } from 'zod';
import {
  adminAuditPageSchema,
  adminAuditVerificationSchema,
  adminDepartmentListSchema,
  adminDepartmentSchema,
  adminUserListSchema,
  adminUserSchema,
  changeOwnPasswordRequestSchema,
  createDepartmentRequestSchema,
  createUserRequestSchema,
  oidcSubjectMappingSchema,
  renameDepartmentRequestSchema,
  resetPasswordRequestSchema,
  sessionResponseSchema,
  updateUserRequestSchema,
  type AdminAuditPage,
  type AdminAuditVerification,
  type AdminDepartment,
  type AdminUser,
  type CreateDepartmentRequest,
  type CreateUserRequest,
  type SessionResponse,
  type UpdateUserRequest,
} from '@onewindow/contracts';
import { apiClient, apiRequest } from '../../api-client/api-client';

const userPath = (username: string) => `/api/admin/users/${encodeURIComponent(username)}`;

export const fetchUsers = (signal?: AbortSignal): Promise<AdminUser[]> =>
  apiClient.get('/api/admin/users', { responseSchema: adminUserListSchema, signal }).then((r) => r.users);

export const createUser = (body: CreateUserRequest): Promise<AdminUser> =>
  apiClient.post('/api/admin/users', {
    responseSchema: adminUserSchema,
    requestSchema: createUserRequestSchema,
    body,
  });

export const updateUser = (username: string, body: UpdateUserRequest): Promise<AdminUser> =>
  apiRequest(userPath(username), {
    method: 'PATCH',
    responseSchema: adminUserSchema,
    requestSchema: updateUserRequestSchema,
    body,
  });

export const resetPassword = (username: string, password: string): Promise<AdminUser> =>
  apiClient.post(`${userPath(username)}/password`, {
    responseSchema: adminUserSchema,
    requestSchema: resetPasswordRequestSchema,
    body: { password },
  });

export const unlockUser = (username: string): Promise<AdminUser> =>
  apiClient.post(`${userPath(username)}/unlock`, { responseSchema: adminUserSchema });

export const revokeSessions = (username: string): Promise<{ revokedSessions: number }> =>
  apiClient.post(`${userPath(username)}/revoke-sessions`, {
    responseSchema: z.object({ revokedSessions: z.number() }),
  });

export const mapOidcSubject = (username: string, oidcSubject: string | null): Promise<AdminUser> =>
  apiRequest(`${userPath(username)}/oidc-subject`, {
    method: 'PUT',
    responseSchema: adminUserSchema,
    requestSchema: oidcSubjectMappingSchema,
    body: { oidcSubject },
  });

export const fetchDepartments = (signal?: AbortSignal): Promise<AdminDepartment[]> =>
  apiClient
    .get('/api/admin/departments', { responseSchema: adminDepartmentListSchema, signal })
    .then((r) => r.departments);

export const createDepartment = (body: CreateDepartmentRequest): Promise<AdminDepartment> =>
  apiClient.post('/api/admin/departments', {
    responseSchema: adminDepartmentSchema,
    requestSchema: createDepartmentRequestSchema,
    body,
  });

export const renameDepartment = (code: string, name: string): Promise<AdminDepartment> =>
  apiRequest(`/api/admin/departments/${encodeURIComponent(code)}`, {
    method: 'PATCH',
    responseSchema: adminDepartmentSchema,
    requestSchema: renameDepartmentRequestSchema,
    body: { name },
  });

/** The audit filters as the page keeps them (empty = not filtered). */
export interface AuditFilters {
  caseNo?: string;
  username?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const fetchAudit = (
  filters: AuditFilters,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<AdminAuditPage> =>
  apiClient.get('/api/admin/audit', {
    responseSchema: adminAuditPageSchema,
    query: { ...filters, page, pageSize },
    signal,
  });

export const verifyAuditChain = (): Promise<AdminAuditVerification> =>
  apiClient.get('/api/admin/audit/verification', { responseSchema: adminAuditVerificationSchema });

/** The CSV download's address for the filters (a plain link: the session cookie goes with it). */
export function auditCsvUrl(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return `/api/admin/audit/export.csv${search ? `?${search}` : ''}`;
}

export const changeOwnPassword = (currentPassword: string, newPassword: string): Promise<SessionResponse> =>
  apiClient.post('/api/auth/password', {
    responseSchema: sessionResponseSchema,
    requestSchema: changeOwnPasswordRequestSchema,
    body: { currentPassword, newPassword },
  });
