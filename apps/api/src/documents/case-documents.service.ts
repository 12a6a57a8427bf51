import type { CaseDocument, CaseDocumentList } from '@onewindow/contracts';
import {
  documentNumberPrefixes,
  documentTitles,
  officialDocumentSchema,
  renderDocumentPdf,
} from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { getCalendarInForce } from '../calendar/calendar-in-force';
import { limitBasisOf } from '../cases/case-details';
import { SYSTEM_ACCEPTOR } from '../cases/system-acceptor';
import { toleratedOverdueRule } from '../cases/tolerated-gaps';
import { notFound } from '../http/problem';
import {
  acceptanceNoticeContent,
  shanghaiDate,
  toleratedAcceptanceNoticeContent,
} from './acceptance-notice.content';
import { issueExtensionNotices } from './extension-notices';
import { issueTerminationNotice } from './termination-notice';
import {
  caseForAcceptanceNotice,
  documentOfCase,
  documentsOfCase,
  storeDocumentOnce,
  type StoredDocument,
} from './case-documents.repository';

type Deps = Pick<ApiDeps, 'db' | 'logger' | 'config'>;

/** The clerk who accepted a case, or null when the system did (视为受理). */
const clerkOf = (acceptedBy: string | null): string | null =>
  acceptedBy === SYSTEM_ACCEPTOR ? null : acceptedBy;

/** The public lookup of a case, as printed on its notices (and in their QR code). */
export function lookupUrlOf(config: ApiDeps['config'], caseNo: string): string {
  const base = (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  return `${base}/lookup?case=${caseNo}`;
}

/**
 * Issues the 受理通知书 (and, for a 容缺受理, the 容缺受理通知书) of an accepted case the first time it is asked for, once the workflow has projected
 * the case's due dates (a moment after acceptance); it is stored, so every later print is the same document.
 */
async function issueAcceptanceNotice(deps: Deps, caseNo: string): Promise<void> {
  const number = `${documentNumberPrefixes.acceptance_notice}-${caseNo}`;
  if (await documentOfCase(deps.db, caseNo, number)) return;
  const found = await caseForAcceptanceNotice(deps.db, caseNo);
  const acceptedAt = found?.row.acceptedAt;
  const statutoryDueDate = found?.row.statutoryDueDate;
  if (!found || !acceptedAt || !statutoryDueDate) return;
  const [{ calendar }, basis] = await Promise.all([getCalendarInForce(deps), limitBasisOf(deps, found.row)]);
  const acceptance = acceptanceNoticeContent(
    { ...found, row: { ...found.row, acceptedAt, statutoryDueDate } },
    calendar,
    lookupUrlOf(deps.config, caseNo),
    basis?.explanation,
  );
  const content = officialDocumentSchema.parse(acceptance);
  // 容缺受理: its notice first, so that a stored 受理通知书 always has it beside it.
  if (found.row.materials.some((m) => m.provenance === 'tolerated_missing')) {
    const tolerated = officialDocumentSchema.parse(
      toleratedAcceptanceNoticeContent(acceptance, found, (code) => toleratedOverdueRule(found.items, code)),
    );
    await storeDocumentOnce(deps.db, caseNo, {
      number: tolerated.documentNo,
      kind: 'tolerated_acceptance_notice',
      issuedAt: acceptedAt,
      issuedBy: tolerated.issuedBy,
      issuedById: clerkOf(found.row.acceptedBy),
      content: JSON.stringify(tolerated),
    });
  }
  await storeDocumentOnce(deps.db, caseNo, {
    number,
    kind: 'acceptance_notice',
    issuedAt: acceptedAt,
    issuedBy: content.issuedBy,
    issuedById: clerkOf(found.row.acceptedBy),
    content: JSON.stringify(content),
  });
}

const summaryOf = (caseNo: string, d: StoredDocument): CaseDocument => ({
  documentNo: d.number,
  kind: d.kind,
  title: documentTitles[d.kind],
  issuedOn: shanghaiDate(d.issuedAt),
  issuedBy: d.issuedBy,
  href: `/api/cases/${caseNo}/documents/${d.number}`,
});

/** GET /api/cases/:caseNo/documents: the case's documents in the order they were issued. */
export async function listCaseDocuments(deps: Deps, caseNo: string): Promise<CaseDocumentList> {
  await issueAcceptanceNotice(deps, caseNo);
  await issueExtensionNotices(deps, caseNo);
  await issueTerminationNotice(deps, caseNo, lookupUrlOf(deps.config, caseNo));
  const documents = await documentsOfCase(deps.db, caseNo);
  return { caseNo, documents: documents.map((d) => summaryOf(caseNo, d)) };
}

/** One document as its PDF, rendered from the content stored when it was issued. */
export async function caseDocumentPdf(
  deps: Deps,
  caseNo: string,
  documentNo: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  await issueAcceptanceNotice(deps, caseNo);
  await issueExtensionNotices(deps, caseNo);
  await issueTerminationNotice(deps, caseNo, lookupUrlOf(deps.config, caseNo));
  const doc = await documentOfCase(deps.db, caseNo, documentNo);
  if (!doc)
    throw notFound(
      `Case ${caseNo} has no document ${documentNo}; GET /api/cases/${caseNo}/documents lists them`,
    );
  const pdf = await renderDocumentPdf(JSON.parse(doc.content), {
    centreName: deps.config.CENTRE_NAME,
    contact: deps.config.CENTRE_CONTACT,
    fontDir: deps.config.DOCUMENT_FONT_DIR,
  });
  return { pdf, fileName: `${documentTitles[doc.kind]}-${doc.number}.pdf` };
}
