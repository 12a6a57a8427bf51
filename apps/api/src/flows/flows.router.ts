import { Router, type ErrorRequestHandler } from 'express';
import { flowKeyParamsSchema, flowVersionParamsSchema, flowXmlRequestSchema } from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { ProblemError, ProblemType } from '../http/problem';
import { flowDetail, flowVersionDetail, listFlows, publishFlow, saveDraft } from './flows.service';

const megabytes = (bytes: number): number => Math.round(bytes / 104_857.6) / 10;

/**
 * A diagram over the JSON body limit is refused by the body parser before anything reads it (no parsing, no
 * lint): 413 with the `parse.tooLarge` code and its sizes, which the designer says in the user's language.
 * Mounted by createApp on /api/flows right after the body parser: an error handler inside a router is never
 * reached by an error raised before routing.
 */
export const diagramTooLarge: ErrorRequestHandler = (error, _req, _res, next) => {
  const e = error as { type?: string; length?: number; limit?: number } | undefined;
  if (e?.type !== 'entity.too.large' || typeof e.limit !== 'number') {
    next(error);
    return;
  }
  const maxMb = megabytes(e.limit);
  const mb = typeof e.length === 'number' ? megabytes(e.length) : undefined;
  const message = `the diagram is ${mb === undefined ? 'larger than' : `${mb} MB, over`} the ${maxMb} MB a request may carry: remove what is not needed, or split the flow`;
  next(
    new ProblemError(413, ProblemType.payloadTooLarge, 'Diagram too large', `Not stored: ${message}`, [
      {
        path: 'bpmnXml',
        message,
        code: 'parse.tooLarge',
        params: { mb: mb ?? `> ${maxMb}`, maxMb },
      },
    ]),
  );
};

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
