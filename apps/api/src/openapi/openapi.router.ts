import { Router } from 'express';
import type { ApiDeps } from '../api-deps';
import { buildOpenApiDocument } from './openapi-document';
import { registeredRoutes } from './registered-routes';

/** GET /api/openapi.json, built once from the app's own routes and the zod contracts. */
export function openapiRouter(deps: Pick<ApiDeps, 'version'>): Router {
  const router = Router();
  let document: Record<string, unknown> | undefined;
  router.get('/openapi.json', (req, res) => {
    document ??= buildOpenApiDocument(
      registeredRoutes(req.app as Parameters<typeof registeredRoutes>[0]),
      deps.version,
    );
    res.json(document);
  });
  return router;
}
