import crypto from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import {
  submissionNoSchema,
  submissionQueueQuerySchema,
  submissionStatusRequestSchema,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize, signedInUser } from '../auth/authorize.middleware';
import { idempotencyKeyOf } from '../cases/idempotency-key';
import { parse } from '../http/parse';
import { notFound, ProblemError, ProblemType } from '../http/problem';
import { lookupFailureLimit } from '../security/rate-limits';
import {
  acceptSubmission,
  noticeSubmission,
  receiveSubmission,
  refuseSubmission,
  submissionForLookup,
  submissionQueue,
} from './submissions.service';
import { forApplicant } from './submission-problems';

/** Submissions per client address and 15 minutes: a person files a few; more is a script. */
const SUBMISSIONS_PER_15_MINUTES = 20;

const submissionLimit: RequestHandler = rateLimit({
  windowMs: 15 * 60_000,
  limit: SUBMISSIONS_PER_15_MINUTES,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  handler: (_req, _res, next) =>
    next(
      new ProblemError(
        429,
        ProblemType.tooManyRequests,
        'Too many requests',
        '提交过于频繁，请 15 分钟后再试',
      ),
    ),
});

const noMatch = () => notFound('没有与申报编号和证件号码后 4 位相符的网上申报，请核对后重新查询');

const sameCode = (given: string, expected: string): boolean => {
  const a = Buffer.from(given.toUpperCase());
  const b = Buffer.from(expected.toUpperCase());
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

const submissionNoOf = (raw: unknown): string => {
  const no = submissionNoSchema.safeParse(raw);
  if (!no.success) throw notFound(`没有编号为 ${String(raw)} 的网上申报，请刷新预审列表`);
  return no.data;
};

/**
 * 网上申报 and the window's pre-review (预审): the public form's submission and status look-up, and the
 * clerk's queue and outcomes (case.accept): 受理, 一次性告知 and 不予受理, each through the intake's own path.
 */
export function submissionsRouter(deps: ApiDeps): Router {
  const router = Router();

  // Public (eslint.config.mjs publicRoutes): anyone may apply online; rate-limited per address.
  router.post('/public/submissions', submissionLimit, async (req, res) => {
    const outcome = await receiveSubmission(deps, req.body, idempotencyKeyOf(req));
    res.status(outcome.status).json(outcome.body);
  });

  // As the case look-up (docs/decisions/0004): the number and the last 4 characters of the ID number, by POST.
  router.post(
    '/public/submissions/:submissionNo/status',
    lookupFailureLimit(deps.security),
    authorize('public.lookup'),
    async (req, res) => {
      let code: string;
      try {
        ({ code } = parse(submissionStatusRequestSchema, req.body ?? {}, 'look-up'));
      } catch (error) {
        throw forApplicant(error);
      }
      const no = submissionNoSchema.safeParse(req.params.submissionNo);
      const found = no.success ? await submissionForLookup(deps, no.data) : undefined;
      const matches = sameCode(code, found ? found.idNumber.slice(-4) : '----');
      if (!found || !matches) throw noMatch();
      res.set('Cache-Control', 'no-store').json(found.status);
    },
  );

  router.get('/submissions', authorize('case.accept'), async (req, res) => {
    const { status } = parse(submissionQueueQuerySchema, req.query, 'query');
    res.json(await submissionQueue(deps, status));
  });

  router.post('/submissions/:submissionNo/accept', authorize('case.accept'), async (req, res) => {
    res.json(await acceptSubmission(deps, submissionNoOf(req.params.submissionNo), signedInUser(req)));
  });

  router.post('/submissions/:submissionNo/correction-notice', authorize('case.accept'), async (req, res) => {
    const clerk = signedInUser(req);
    res.json(await noticeSubmission(deps, submissionNoOf(req.params.submissionNo), req.body, clerk));
  });

  router.post('/submissions/:submissionNo/refusal', authorize('case.accept'), async (req, res) => {
    const clerk = signedInUser(req);
    res.json(await refuseSubmission(deps, submissionNoOf(req.params.submissionNo), req.body, clerk));
  });

  return router;
}
