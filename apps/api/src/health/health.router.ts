import { Router } from 'express';
import type { HealthResponse } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { checkDatabase, checkTemporal } from './check-dependencies';

export function healthRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [database, temporal] = await Promise.all([
      checkDatabase(deps.db, deps.config.databaseKind),
      checkTemporal(deps.temporal.address, deps.config.TEMPORAL_NAMESPACE),
    ]);
    const body: HealthResponse = {
      status: database.up && temporal.up ? 'ok' : 'degraded',
      version: deps.version,
      database,
      temporal,
    };
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  });
  return router;
}
