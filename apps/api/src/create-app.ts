import express from 'express';
import cookieParser from 'cookie-parser';
import type { ApiDeps } from './api-deps';
import { httpLogger } from './http/logger';
import { problemHandler, unknownRoute } from './http/problem';
import { refuseDeepJson } from './http/json-bounds';
import { healthRouter } from './health/health.router';
import { demoCasesRouter } from './demo-cases/demo-cases.router';
import { calendarRouter } from './calendar/calendar.router';
import { catalogueRouter } from './catalogue/catalogue.router';
import { catalogueIoRouter } from './catalogue/catalogue-io.router';
import { casesRouter } from './cases/cases.router';
import { caseFilesRouter } from './case-files/case-files.router';
import { caseDocumentsRouter } from './documents/case-documents.router';
import { windowRouter } from './window/window.router';
import { intakeRouter } from './intake/intake.router';
import { publicLookupRouter } from './public/public-lookup.router';
import { evaluationsRouter } from './evaluations/evaluations.router';
import { submissionsRouter } from './submissions/submissions.router';
import { tasksRouter } from './tasks/tasks.router';
import { usersRouter } from './users/users.router';
import { diagramTooLarge, flowsRouter } from './flows/flows.router';
import { phrasesRouter } from './phrases/phrases.router';
import { supervisionRouter } from './supervision/supervision.router';
import { notificationsRouter } from './notifications/notifications.router';
import { openapiRouter } from './openapi/openapi.router';
import { serveWeb } from './web/serve-web';
import { securityHeaders } from './security/security-headers';
import { publicRateLimit } from './security/rate-limits';
import { sessionMiddleware } from './auth/session.middleware';
import { csrfProtection } from './auth/csrf.middleware';
import { authRouter } from './auth/auth.router';
import { oidcRouter } from './auth/oidc.router';
import { userAdminRouter } from './auth/user-admin.router';
import { auditTrail } from './audit/audit-trail.middleware';
import { auditRouter } from './audit/audit.router';
import { adminUsersRouter } from './admin/admin-users.router';
import { adminDepartmentsRouter } from './admin/admin-departments.router';
import { adminCalendarRouter } from './admin/admin-calendar.router';
import { adminAuditRouter } from './admin/admin-audit.router';
import { ownPasswordRouter } from './admin/own-password.router';
import { signInOptionsRouter } from './admin/sign-in-options.router';

/** The Express app: routers per resource under /api, problem+json errors at one edge, the web app at /. */
export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // The client's address (login and lookup limits, the audit trail) comes from X-Forwarded-For only from the
  // proxies TRUST_PROXY names; by default from the connection, so a client cannot pick its own.
  app.set('trust proxy', deps.config.TRUST_PROXY);
  app.use(httpLogger(deps.logger));
  app.use(securityHeaders(deps.security));
  app.use(cookieParser());
  // Size (413) and depth (400) are bounded before the body is parsed: nothing downstream reads an unbounded body.
  app.use(express.json({ limit: deps.security.BODY_LIMIT_BYTES, verify: refuseDeepJson }));
  // A diagram over the limit gets the designer's problem code (routers never see a body parser's error).
  app.use('/api/flows', diagramTooLarge);

  const api = express.Router();
  // API answers carry personal data (full ID numbers in the case views): no browser or proxy keeps a copy. A
  // route may still set its own Cache-Control (a public, unchanging file).
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // Order matters: who is asking → how often → CSRF → audit of what succeeds → the routes (each behind authorize()).
  api.use(sessionMiddleware(deps.db));
  api.use(publicRateLimit(deps.security));
  api.use(csrfProtection(['/auth/login']));
  api.use(auditTrail(deps.db, deps.logger));
  api.use(healthRouter(deps));
  api.use(demoCasesRouter(deps));
  api.use(calendarRouter(deps));
  api.use(catalogueRouter(deps));
  api.use(catalogueIoRouter(deps));
  api.use(casesRouter(deps));
  api.use(caseFilesRouter(deps));
  api.use(caseDocumentsRouter(deps));
  api.use(windowRouter(deps));
  api.use(intakeRouter(deps));
  api.use(publicLookupRouter(deps));
  api.use(evaluationsRouter(deps));
  api.use(submissionsRouter(deps));
  api.use(tasksRouter(deps));
  api.use(usersRouter(deps));
  api.use(flowsRouter(deps));
  api.use(phrasesRouter(deps));
  api.use(supervisionRouter(deps));
  api.use(notificationsRouter(deps));
  api.use(openapiRouter(deps));
  api.use(authRouter(deps));
  api.use(oidcRouter(deps));
  api.use(userAdminRouter(deps));
  api.use(auditRouter(deps));
  api.use(ownPasswordRouter(deps));
  api.use(signInOptionsRouter(deps));
  api.use(adminUsersRouter(deps));
  api.use(adminDepartmentsRouter(deps));
  api.use(adminCalendarRouter(deps));
  api.use(adminAuditRouter(deps));
  api.use(unknownRoute);
  app.use('/api', api);

  app.use(serveWeb(deps.webDist));
  app.use(problemHandler);
  return app;
}
