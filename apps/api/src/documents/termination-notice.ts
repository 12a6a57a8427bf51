import { documentNumberPrefixes, officialDocumentSchema } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { maskedIdOf, shanghaiDate } from './acceptance-notice.content';
import { caseForAcceptanceNotice, documentOfCase, storeDocumentOnce } from './case-documents.repository';
import { materialNamesOf } from './material-names';

type Deps = Pick<ApiDeps, 'db' | 'config'>;

/** Printed as the issuer: nobody decided it, the catalogue's rule did when the date passed. */
const SYSTEM_ISSUER = '系统（容缺材料逾期未补齐，按目录规则终止）';

/**
 * 终止办理通知书 of a 容缺受理 the workflow terminated (its `terminate` decision: a tolerated material missed its
 * date under the catalogue's `terminate` rule), issued the first time the case's documents are asked for and
 * stored, so every later print is the same: the materials still missing with their dates, the consequence,
 * and the rights of review and litigation.
 */
export async function issueTerminationNotice(deps: Deps, caseNo: string, lookupUrl: string): Promise<void> {
  const number = `${documentNumberPrefixes.termination_notice}-${caseNo}`;
  if (await documentOfCase(deps.db, caseNo, number)) return;
  const decision = await deps.db.decision.findFirst({
    where: { caseNo, verb: 'terminate' },
    orderBy: { eventSeq: 'desc' },
  });
  if (!decision) return;
  const found = await caseForAcceptanceNotice(deps.db, caseNo);
  if (!found?.row.acceptedAt) return;
  const details = JSON.parse(decision.payload ?? '{}') as {
    missing?: { materialCode: string; dueDate: string }[];
  };
  const missing = details.missing ?? [];
  const names = await materialNamesOf(
    deps.db,
    missing.map((m) => m.materialCode),
  );
  const itemOf = new Map(found.items.map((i) => [i.implementationCode, i]));
  const departmentName = new Map(found.departments.map((d) => [d.code, d.name]));
  const terminatedOn = shanghaiDate(decision.decidedAt);
  const content = officialDocumentSchema.parse({
    kind: 'termination_notice',
    documentNo: number,
    caseNo,
    issuedOn: terminatedOn,
    issuedBy: SYSTEM_ISSUER,
    applicant: { name: found.row.applicant.name, idNumberMasked: maskedIdOf(found.row.applicant) },
    items: found.row.items.map((i) => {
      const item = itemOf.get(i.implementationCode);
      return {
        code: i.implementationCode,
        name: item?.name ?? i.implementationCode,
        departmentName: item ? (departmentName.get(item.departmentCode) ?? item.departmentCode) : '—',
      };
    }),
    acceptedAt: found.row.acceptedAt.toISOString(),
    terminatedOn,
    missing: missing.map((m) => ({ name: names.get(m.materialCode) ?? m.materialCode, dueDate: m.dueDate })),
    reviewAuthority: deps.config.REVIEW_AUTHORITY,
    lookupUrl,
  });
  await storeDocumentOnce(deps.db, caseNo, {
    number,
    kind: 'termination_notice',
    issuedAt: decision.decidedAt,
    issuedBy: content.issuedBy,
    content: JSON.stringify(content),
  });
}
