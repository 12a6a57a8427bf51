import crypto from 'node:crypto';
import { Router } from 'express';
import {
  caseNoSchema,
  caseStatusNextSteps,
  publicLookupRequestSchema,
  type CaseStatus,
  type PublicCaseStatus,
} from '@onewindow/contracts';
import type { ApiDeps } from '../api-deps';
import { authorize } from '../auth/authorize.middleware';
import { publicCaseStatus } from '../auth/access-policy';
import { parse } from '../http/parse';
import { notFound } from '../http/problem';
import { lookupFailureLimit } from '../security/rate-limits';
import { caseForLookup } from './public-lookup.service';

/** One answer for an unknown case, a malformed case number and a wrong code: no oracle for guessing. */
const noMatch = () =>
  notFound(
    'No case matches this case number and code; check the case number on your receipt (受理回执) and the last 4 characters of the identity number it was filed under',
  );

/** Equal-time comparison of two 4-character codes, case-insensitive ('x' = 'X'). */
function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given.toUpperCase());
  const b = Buffer.from(expected.toUpperCase());
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * 办件查询: the public status lookup (docs/decisions/0004). Anyone may ask; the case number and the last
 * four characters of the applicant's identity number (证件号后四位) must both match. The answer holds the
 * status only, and what the applicant must do while the case waits for them (补正). POST, so the code stays out of URLs and request logs.
 */
export function publicLookupRouter(deps: ApiDeps): Router {
  const router = Router();
  router.post(
    '/public/cases/:caseNo/status',
    lookupFailureLimit(deps.security),
    authorize('public.lookup'),
    async (req, res) => {
      const { code } = parse(
        publicLookupRequestSchema,
        req.body ?? {},
        'look-up (JSON: { "code": "<last 4 characters of the identity number>" })',
      );
      const caseNo = caseNoSchema.safeParse(req.params.caseNo);
      if (!caseNo.success) throw noMatch();
      const found = await caseForLookup(deps.db, caseNo.data);
      // The same comparison runs for an unknown case, against a code no identity number ends with.
      const matches = sameCode(code, found ? found.applicant.idNumber.slice(-4) : '----');
      if (!found || !matches) throw noMatch();
      const nextStep = caseStatusNextSteps[found.status as CaseStatus];
      const body: PublicCaseStatus = { ...publicCaseStatus(found), ...(nextStep ? { nextStep } : {}) };
      res.set('Cache-Control', 'no-store').json(body);
    },
  );
  return router;
}
