export { createApp } from './create-app';
export { buildApiDeps } from './build-api-deps';
export { createLogger } from './http/logger';
export type { ApiDeps } from './api-deps';
export { seedDemoUsers, demoUsers, demoPassword, demoDepartments } from './auth/seed-demo-users';
// The audit chain and the masking it uses live in @onewindow/audit (the worker appends too); re-exported for tools.
export { recordAudit, verifyAuditChain, type AuditInput, type AuditChainReport } from '@onewindow/audit';
export { authorize, signedInUser, type ResourceLoader } from './auth/authorize.middleware';
export {
  can,
  decide,
  caseViewFor,
  publicCaseStatus,
  type AccessResource,
  type CaseView,
} from './auth/access-policy';
export { hashPassword } from './auth/password';
export { maskResidentId, maskPhone, maskUscc, maskPersonalData } from '@onewindow/audit';
export { checkUpload, type UploadPolicy, type UploadContentType } from './security/upload-check';
export { loadSecurityConfig, type SecurityConfig } from './security/security-config';
export { seedDemoData } from './seed/seed-demo-data';
export {
  refreshOpenCases,
  CLOSED_CASE_STATUSES,
  type RefreshOpenCasesResult,
} from './calendar/refresh-open-cases';
export {
  getCalendarInForce,
  invalidateCalendarInForce,
  calendarForOpenCases,
  type CalendarInForce,
} from './calendar/calendar-in-force';
