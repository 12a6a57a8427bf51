import { z } from 'zod';
import type { IssueResultsRequest, IssueResultsResponse } from '@onewindow/contracts';
import { itemStepId } from '@onewindow/flow-model';
import { documentNumberPrefixes, documentTitles, officialDocumentSchema } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { stepNamesOf } from '../tasks/step-names';
import { maskedIdOf, shanghaiDate } from './acceptance-notice.content';
import { storeDocumentOnce } from './case-documents.repository';

type Deps = Pick<ApiDeps, 'db' | 'config'>;

/**
 * What 统一出件 hands over, as documents: a 不予许可决定书 when any item was refused (each department's
 * reasons), and the 送达回证 listing every certificate and decision delivered, how, to whom and when. The
 * delivery details (a postal address, the recipient) stay in the database: the workflow records only the method.
 */
export async function storeIssuanceDocuments(
  deps: Deps,
  caseNo: string,
  delivery: IssueResultsRequest['delivery'],
  issued: IssueResultsResponse,
  clerk: { id: string; displayName: string },
  at: Date,
): Promise<void> {
  const row = await deps.db.case.findUniqueOrThrow({ where: { caseNo }, include: { applicant: true } });
  const [types, tasks, stepNames] = await Promise.all([
    deps.db.certificateType.findMany({
      where: { code: { in: issued.certificates.map((c) => c.certificateTypeCode) } },
      select: { code: true, name: true },
    }),
    deps.db.task.findMany({ where: { caseNo }, select: { stepId: true, departmentCode: true } }),
    stepNamesOf(deps.db, [row.flowVersionId]),
  ]);
  const otherResults = await approvedItemsOtherResults(deps, caseNo, issued);
  const departments = await deps.db.department.findMany({
    where: { code: { in: [...new Set(tasks.map((t) => t.departmentCode))] } },
    select: { code: true, name: true },
  });
  const typeName = new Map(types.map((t) => [t.code, t.name]));
  const departmentOfStep = new Map(tasks.map((t) => [t.stepId, t.departmentCode]));
  const departmentName = new Map(departments.map((d) => [d.code, d.name]));
  const common = {
    caseNo,
    issuedOn: shanghaiDate(at),
    issuedBy: clerk.displayName,
    applicant: { name: row.applicant.name, idNumberMasked: maskedIdOf(row.applicant) },
  };
  const store = async (content: unknown) => {
    const doc = officialDocumentSchema.parse(content);
    await storeDocumentOnce(deps.db, caseNo, {
      number: doc.documentNo,
      kind: doc.kind,
      issuedAt: at,
      issuedBy: doc.issuedBy,
      issuedById: clerk.id,
      content: JSON.stringify(doc),
    });
    return doc;
  };

  const refusalNo = `${documentNumberPrefixes.permit_refusal}-${caseNo}`;
  if (issued.refusals.length > 0)
    await store({
      kind: 'permit_refusal',
      documentNo: refusalNo,
      ...common,
      refusals: issued.refusals.map((r) => {
        const code = departmentOfStep.get(r.stepId);
        return {
          itemName: stepNames.get(`${row.flowVersionId}\u0000${r.stepId}`) ?? r.stepId,
          departmentName: code ? (departmentName.get(code) ?? code) : '—',
          reasons: r.reasons.length > 0 ? r.reasons : ['（未载明理由）'],
        };
      }),
      reviewAuthority: deps.config.REVIEW_AUTHORITY,
    });
  // Nothing to hand over (every item's result is "none"): there is nothing to sign for.
  if (issued.certificates.length + otherResults.length + issued.refusals.length === 0) return;
  await store({
    kind: 'delivery_receipt',
    documentNo: `${documentNumberPrefixes.delivery_receipt}-${caseNo}-1`,
    ...common,
    delivered: [
      ...issued.certificates.map((c) => ({
        title: typeName.get(c.certificateTypeCode) ?? c.certificateTypeCode,
        number: c.certificateNo,
      })),
      ...otherResults,
      ...(issued.refusals.length > 0 ? [{ title: documentTitles.permit_refusal, number: refusalNo }] : []),
    ],
    method: delivery.method,
    recipient: {
      name: delivery.recipientName ?? row.applicant.name,
      ...(delivery.identityCheck ? { identityCheck: delivery.identityCheck } : {}),
    },
    ...(delivery.method === 'post' && delivery.address
      ? {
          post: {
            address: delivery.address,
            carrier: delivery.carrier ?? '—',
            trackingNo: delivery.trackingNo ?? '—',
          },
        }
      : {}),
    deliveredAt: at.toISOString(),
  });
}

const itemResults = z
  .object({ results: z.array(z.object({ name: z.string().min(1), kind: z.string() })).default([]) })
  .catch({ results: [] });

/**
 * The results of approved items that are not certificates (a 批复, a decision letter): handed over too, so the
 * 送达回证 lists them. An item counts as approved when no refusal names its step; when a refusal names a step that
 * is no item's own (a flow drawn in the designer), which item it refused is not known here, and none is listed.
 */
async function approvedItemsOtherResults(
  deps: Deps,
  caseNo: string,
  issued: IssueResultsResponse,
): Promise<{ title: string }[]> {
  const caseItems = await deps.db.caseItem.findMany({
    where: { caseNo },
    select: { implementationCode: true, itemVersion: true },
  });
  if (caseItems.length === 0) return [];
  const items = await deps.db.item.findMany({
    where: {
      OR: caseItems.map((c) => ({ implementationCode: c.implementationCode, version: c.itemVersion })),
    },
    select: { implementationCode: true, name: true, data: true },
  });
  const itemSteps = new Set(items.map((i) => itemStepId(i.implementationCode)));
  const refused = new Set(issued.refusals.map((r) => r.stepId));
  if ([...refused].some((stepId) => !itemSteps.has(stepId))) return [];
  return items
    .filter((item) => !refused.has(itemStepId(item.implementationCode)))
    .flatMap((item) =>
      itemResults
        .parse(JSON.parse(item.data))
        .results.filter((r) => r.kind !== 'certificate' && r.kind !== 'none')
        .map((r) => ({ title: `${r.name}（${item.name}）`.slice(0, 200) })),
    );
}
