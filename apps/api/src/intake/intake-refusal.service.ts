import { intakeRefusalRequestSchema, type IntakeRefusalResponse } from '@onewindow/contracts';
import { documentNumberPrefixes } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { requestHash } from '../cases/idempotency-key';
import { validateApplication } from '../cases/validate-application';
import { maskedIdOf, shanghaiDate } from '../documents/acceptance-notice.content';
import { parse } from '../http/parse';
import { recordIntakeOutcome } from './intake-outcome';
import { printedItems } from './intake-items';

/**
 * 不予受理 (Art. 32 ¶1 (1)–(2)): the application gets its number and ends as `rejected_at_intake`; the
 * 不予受理决定书 states the reason, the competent authority when the matter is outside the remit, and the
 * rights of review and litigation.
 */
export async function refuseAtIntake(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  raw: unknown,
  clerk: { id: string; displayName: string },
  idempotencyKey?: string,
) {
  const refusal = parse(intakeRefusalRequestSchema, raw, 'refusal of acceptance');
  const { request, items } = await validateApplication(deps.db, refusal.application);
  const printed = await printedItems(deps.db, items);
  return recordIntakeOutcome<IntakeRefusalResponse>(deps, {
    route: 'POST /api/intake/refusals',
    idempotencyKey,
    hash: requestHash({ refusal, clerk: clerk.id }),
    request,
    items,
    status: 'rejected_at_intake',
    clerkId: clerk.id,
    documentKind: 'acceptance_refusal',
    document: (caseNo, now) => ({
      kind: 'acceptance_refusal',
      documentNo: `${documentNumberPrefixes.acceptance_refusal}-${caseNo}`,
      caseNo,
      issuedOn: shanghaiDate(now),
      issuedBy: clerk.displayName,
      applicant: { name: request.applicant.name, idNumberMasked: maskedIdOf(request.applicant) },
      items: printed,
      receivedAt: now.toISOString(),
      reason: refusal.reason,
      ...(refusal.redirectTo ? { redirectTo: refusal.redirectTo } : {}),
      reviewAuthority: deps.config.REVIEW_AUTHORITY,
    }),
    body: (caseNo, documentNo) => ({ caseNo, status: 'rejected_at_intake', documentNo }),
  });
}
