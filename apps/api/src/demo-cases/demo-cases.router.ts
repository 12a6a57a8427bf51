import crypto from 'node:crypto';
import { Router } from 'express';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { completeDemoCaseRequestSchema, type DemoCaseResponse } from '@onewindow/contracts';
import { completeDemoCase, demoCaseWorkflow } from '@onewindow/workflows';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { parse } from '../http/parse';
import { notFound, ProblemError, ProblemType } from '../http/problem';

const caseNoPattern = /^DEMO-[0-9A-F]{12}$/;

/**
 * Demo cases: a one-step workflow that proves the Temporal wiring (the status page starts and completes one).
 * Starting a workflow is what accepting a case does, so both routes need the same grant: case.accept
 * (window clerks). Without it nobody could start workflows on the server without signing in.
 */
export function demoCasesRouter({ temporal }: ApiDeps): Router {
  const router = Router();
  const mayRunDemo = authorize('case.accept');

  router.post('/demo-cases', mayRunDemo, async (_req, res) => {
    const caseNo = `DEMO-${crypto.randomBytes(6).toString('hex').toUpperCase()}`;
    await temporal.client.workflow.start(demoCaseWorkflow, {
      taskQueue: temporal.taskQueue,
      workflowId: caseNo,
    });
    const body: DemoCaseResponse = { caseNo, status: 'waiting' };
    res.status(201).json(body);
  });

  router.post('/demo-cases/:caseNo/complete', mayRunDemo, async (req, res) => {
    const caseNo = String(req.params.caseNo);
    if (!caseNoPattern.test(caseNo))
      throw notFound(`No demo case ${caseNo}: demo case numbers look like DEMO-1A2B3C4D5E6F`);
    const input = parse(completeDemoCaseRequestSchema, req.body, 'request body');
    const handle = temporal.client.workflow.getHandle(caseNo);
    try {
      await handle.executeUpdate(completeDemoCase, { args: [input] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        const closed = await handle.describe().catch(() => undefined);
        if (closed)
          throw new ProblemError(
            409,
            ProblemType.refused,
            'Action refused',
            `Demo case ${caseNo} is already completed`,
          );
        throw notFound(`No demo case ${caseNo}`);
      }
      if (error instanceof WorkflowUpdateFailedError) {
        throw new ProblemError(
          409,
          ProblemType.refused,
          'Action refused',
          error.cause?.message ?? error.message,
        );
      }
      throw error;
    }
    const body: DemoCaseResponse = { caseNo, status: 'completed' };
    res.json(body);
  });

  return router;
}
