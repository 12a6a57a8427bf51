import { Router } from 'express';
import { flowKeyParamsSchema, flowVersionParamsSchema, flowXmlRequestSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { flowDetail, flowVersionDetail, listFlows, publishFlow, saveDraft } from './flows.service';

/**
 * The process designer's flows: drafts (flow.design) and immutable published versions
 * (flow.publish, after lint and compile on the server with the designer's rules).
 */
export function flowsRouter(deps: ApiDeps): Router {
  const router = Router();
  router.get('/flows', authorize('flow.design'), async (_req, res) => {
    res.json(await listFlows(deps.db));
  });
  router.get('/flows/:key', authorize('flow.design'), async (req, res) => {
    const { key } = parse(flowKeyParamsSchema, req.params, 'path');
    res.json(await flowDetail(deps.db, key));
  });
  router.get('/flows/:key/versions/:version', authorize('flow.design'), async (req, res) => {
    const { key, version } = parse(flowVersionParamsSchema, req.params, 'path');
    res.json(await flowVersionDetail(deps.db, key, version));
  });
  router.put('/flows/:key/draft', authorize('flow.design'), async (req, res) => {
    const { key } = parse(flowKeyParamsSchema, req.params, 'path');
    const body = parse(flowXmlRequestSchema, req.body, 'body');
    res.json(await saveDraft(deps.db, key, body.bpmnXml, signedInUser(req).id));
  });
  router.post('/flows/:key/publish', authorize('flow.publish'), async (req, res) => {
    const { key } = parse(flowKeyParamsSchema, req.params, 'path');
    const body = parse(flowXmlRequestSchema, req.body, 'body');
    res.status(201).json(await publishFlow(deps.db, key, body.bpmnXml, signedInUser(req).id));
  });
  return router;
}
