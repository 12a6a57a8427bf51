import { z } from 'zod';
import {
  adminAuditPageSchema,
  adminAuditVerificationSchema,
  adminDepartmentListSchema,
  adminDepartmentSchema,
  adminUserListSchema,
  adminUserSchema,
  bundleDetailSchema,
  bundlesResponseSchema,
  catalogueEntrySavedSchema,
  catalogueItemDetailSchema,
  catalogueItemsResponseSchema,
  certificateTypesResponseSchema,
  changeOwnPasswordRequestSchema,
  departmentsResponseSchema,
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
  type BundleDetail,
  type CatalogueEntrySaved,
  type CatalogueItemDetail,
  type CertificateTypeRequest,
  type CreateDepartmentRequest,
  type CreateUserRequest,
  type ItemSummary,
  type SessionResponse,
  type UpdateUserRequest,
} from '@onewindow/contracts';
import type { Bundle, CertificateType, Item } from '@onewindow/standards';
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

/** The preview of a year's notice (POST /api/admin/calendar/preview; apps/api/src/admin/calendar-preview.service.ts). */
const calendarPreviewSchema = z.object({
  year: z.number(),
  replacesOfficial: z.boolean(),
  same: z.boolean(),
  openCases: z.number(),
  moved: z.array(
    z.object({
      caseNo: z.string(),
      unit: z.enum(['working_day', 'natural_day']),
      oldDue: z.string(),
      newDue: z.string(),
      calendarDays: z.number(),
      workingDays: z.number(),
    }),
  ),
  unchanged: z.number(),
});
export type CalendarPreview = z.infer<typeof calendarPreviewSchema>;

/** A refresh run of the open cases (apps/api/src/admin/calendar-runs.ts). */
const calendarRunSchema = z.object({
  id: z.string(),
  year: z.number(),
  retryOf: z.string().optional(),
  status: z.enum(['running', 'finished']),
  total: z.number().nullable(),
  done: z.number(),
  refreshed: z.number(),
  unchanged: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      caseNo: z.string(),
      outcome: z.enum(['refreshed', 'unchanged', 'failed']),
      reason: z.string().optional(),
    }),
  ),
});
export type CalendarRun = z.infer<typeof calendarRunSchema>;

/** A year's notice as the form or the JSON file gives it; the API checks it (Chinese 400s). */
export const previewCalendarYear = (notice: unknown): Promise<CalendarPreview> =>
  apiClient.post('/api/admin/calendar/preview', { responseSchema: calendarPreviewSchema, body: notice });

export const loadCalendarYear = (notice: unknown, replaceOfficial: boolean): Promise<CalendarRun> =>
  apiClient.post('/api/admin/calendar/years', {
    responseSchema: calendarRunSchema,
    body: notice,
    query: replaceOfficial ? { replaceOfficial: 'true' } : {},
  });

export const fetchCalendarRun = (id: string): Promise<CalendarRun> =>
  apiClient.get(`/api/admin/calendar/runs/${encodeURIComponent(id)}`, { responseSchema: calendarRunSchema });

export const retryCalendarRun = (id: string): Promise<CalendarRun> =>
  apiClient.post(`/api/admin/calendar/runs/${encodeURIComponent(id)}/retry`, {
    responseSchema: calendarRunSchema,
  });

/** The active items whose name or code contains `q` (the first 20), for picking one to edit. */
export const searchCatalogueItems = (q: string): Promise<ItemSummary[]> =>
  apiClient
    .get('/api/catalogue/items', { responseSchema: catalogueItemsResponseSchema, query: { q, pageSize: 20 } })
    .then((r) => r.items);

export const fetchCatalogueItem = (itemKey: string): Promise<CatalogueItemDetail> =>
  apiClient.get(`/api/catalogue/items/${encodeURIComponent(itemKey)}`, {
    responseSchema: catalogueItemDetailSchema,
  });

/** Saves the item as a new version of the catalogue (all or nothing); the answer names the version. */
export const saveCatalogueItemVersion = (item: Item): Promise<{ itemKey: string; version: number }> =>
  apiClient.post('/api/catalogue/items', {
    responseSchema: z.object({ itemKey: z.string(), version: z.number() }),
    body: item,
  });

export const fetchCertificateTypes = (signal?: AbortSignal): Promise<CertificateType[]> =>
  apiClient
    .get('/api/catalogue/certificate-types', { responseSchema: certificateTypesResponseSchema, signal })
    .then((r) => r.certificateTypes);

/**
 * A new certificate type (`code` in the body), or the edit of the one named `code` (changed in place). The API
 * checks the body (no requestSchema here): its refusals say in Chinese what to fix.
 */
export const saveCertificateType = (
  mode: 'create' | 'edit',
  body: CertificateTypeRequest,
  code?: string,
): Promise<CatalogueEntrySaved> =>
  mode === 'create'
    ? apiClient.post('/api/catalogue/certificate-types', { responseSchema: catalogueEntrySavedSchema, body })
    : apiRequest(`/api/catalogue/certificate-types/${encodeURIComponent(code ?? '')}`, {
        method: 'PUT',
        responseSchema: catalogueEntrySavedSchema,
        body,
      });

export const fetchBundles = (signal?: AbortSignal): Promise<Bundle[]> =>
  apiClient
    .get('/api/catalogue/bundles', { responseSchema: bundlesResponseSchema, signal })
    .then((r) => r.bundles);

export const fetchBundle = (code: string): Promise<BundleDetail> =>
  apiClient.get(`/api/catalogue/bundles/${encodeURIComponent(code)}`, { responseSchema: bundleDetailSchema });

/** A new bundle (version 1), or the edit of an existing one saved as its next version. */
export const saveBundle = (mode: 'create' | 'edit', bundle: Bundle): Promise<CatalogueEntrySaved> =>
  mode === 'create'
    ? apiClient.post('/api/catalogue/bundles', { responseSchema: catalogueEntrySavedSchema, body: bundle })
    : apiRequest(`/api/catalogue/bundles/${encodeURIComponent(bundle.code)}`, {
        method: 'PUT',
        responseSchema: catalogueEntrySavedSchema,
        body: bundle,
      });

/** A confirmed catalogue import as it runs (apps/api/src/catalogue/catalogue-import-runs.ts). */
export const catalogueImportRunSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  phase: z.enum(['parse', 'validate', 'write']),
  done: z.number(),
  total: z.number().nullable(),
  result: z
    .object({
      catalogueVersionId: z.number(),
      itemsAdded: z.number(),
      itemsChanged: z.number(),
      itemsUnchanged: z.number(),
    })
    .optional(),
  reason: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});
export type CatalogueImportRun = z.infer<typeof catalogueImportRunSchema>;

export const fetchImportRun = (id: string): Promise<CatalogueImportRun> =>
  apiClient.get(`/api/catalogue/import-runs/${encodeURIComponent(id)}`, {
    responseSchema: catalogueImportRunSchema,
  });

/** The catalogue's departments (public), for naming a certificate type's issuing department. */
export const fetchCatalogueDepartments = (signal?: AbortSignal) =>
  apiClient
    .get('/api/catalogue/departments', { responseSchema: departmentsResponseSchema, signal })
    .then((r) => r.departments);
