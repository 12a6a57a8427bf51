import express from 'express';
import helmet from 'helmet';
import type { ApiDeps } from './api-deps';
import { httpLogger } from './http/logger';
import { problemHandler, unknownRoute } from './http/problem';
import { healthRouter } from './health/health.router';
import { demoCasesRouter } from './demo-cases/demo-cases.router';
import { serveWeb } from './web/serve-web';

/** The Express app: routers per resource under /api, problem+json errors at one edge, the web app at /. */
export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(httpLogger(deps.logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } } }));
  app.use(express.json({ limit: '1mb' }));

  const api = express.Router();
  api.use(healthRouter(deps));
  api.use(demoCasesRouter(deps));
  api.use(unknownRoute);
  app.use('/api', api);

  app.use(serveWeb(deps.webDist));
  app.use(problemHandler);
  return app;
}
