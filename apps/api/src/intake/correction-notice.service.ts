import { correctionNoticeRequestSchema, type CorrectionNoticeResponse } from '@onewindow/contracts';
import { documentNumberPrefixes } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { requestHash } from '../cases/idempotency-key';
import { validateApplication } from '../cases/validate-application';
import { maskedIdOf, shanghaiDate } from '../documents/acceptance-notice.content';
import { lookupUrlOf } from '../documents/case-documents.service';
import { materialNamesOf } from '../documents/material-names';
import { parse } from '../http/parse';
import { recordIntakeOutcome } from './intake-outcome';
import { printedItems } from './intake-items';

const DEFAULT_HAND_IN = '请携带上述材料到本中心综合窗口补正，补正时出示本告知书。';

/**
 * 材料补正一次性告知 (Art. 32 ¶1 (4)): the application is checked like an acceptance (applicant, items, bundle,
 * materials), gets its number, and waits as `needs_correction` with the materials received so far; no
 * workflow starts and no clock runs. The 一次性告知书 lists every missing material at once.
 */
export async function issueCorrectionNotice(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  raw: unknown,
  clerk: { id: string; displayName: string },
  idempotencyKey?: string,
) {
  const notice = parse(correctionNoticeRequestSchema, raw, 'one-time notice');
  const { request, items } = await validateApplication(deps.db, notice.application);
  const materialName = await materialNamesOf(
    deps.db,
    notice.missing.map((m) => m.materialCode),
  );
  const printed = await printedItems(deps.db, items);
  return recordIntakeOutcome<CorrectionNoticeResponse>(deps, {
    route: 'POST /api/intake/correction-notices',
    idempotencyKey,
    hash: requestHash({ notice, clerk: clerk.id }),
    request,
    items,
    status: 'needs_correction',
    documentKind: 'correction_notice',
    clerkId: clerk.id,
    // A further notice on the same application (back at the window, still short of materials): -2, -3 …
    document: (caseNo, now, sequence) => ({
      kind: 'correction_notice',
      documentNo: `${documentNumberPrefixes.correction_notice}-${caseNo}-${sequence}`,
      caseNo,
      issuedOn: shanghaiDate(now),
      issuedBy: clerk.displayName,
      applicant: { name: request.applicant.name, idNumberMasked: maskedIdOf(request.applicant) },
      items: printed,
      receivedAt: now.toISOString(),
      missing: notice.missing.map((m) => ({
        name: materialName.get(m.materialCode) ?? m.materialCode,
        problem: m.problem,
      })),
      handIn: notice.handIn ?? DEFAULT_HAND_IN,
      lookupUrl: lookupUrlOf(deps.config, caseNo),
    }),
    body: (caseNo, documentNo) => ({ caseNo, status: 'needs_correction', documentNo }),
  });
}
