import { holidaysCrossed, toShanghaiDate, type WorkingCalendar } from '@onewindow/calendar';
import { maskResidentId, maskUscc } from '@onewindow/audit';
import { documentNumberPrefixes, type DocumentOf } from '@onewindow/documents';
import { SYSTEM_ACCEPTOR, SYSTEM_ACCEPTOR_LABEL } from '../cases/system-acceptor';
import type { CaseForAcceptanceNotice } from './case-documents.repository';

/** Printed notices never show a full identity number. */
export const maskedIdOf = (applicant: { kind: string; idNumber: string }): string =>
  applicant.kind === 'organisation' ? maskUscc(applicant.idNumber) : maskResidentId(applicant.idNumber);

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export const shanghaiDate = (at: Date): string => toShanghaiDate(at.getTime());

/**
 * 受理通知书 of an accepted case: the items with their departments, the materials as received (免提交 ones
 * with their certificate number), the statutory and promised due dates the workflow computed, the statutory
 * holidays the statutory period crosses, which limit applies and why, the clerk, and the public lookup.
 */
export function acceptanceNoticeContent(
  c: CaseForAcceptanceNotice & { row: { acceptedAt: Date; statutoryDueDate: string } },
  calendar: WorkingCalendar,
  lookupUrl: string,
  limitBasis?: string,
): DocumentOf<'acceptance_notice'> {
  const { row } = c;
  const itemOf = new Map(c.items.map((i) => [i.implementationCode, i]));
  const departmentName = new Map(c.departments.map((d) => [d.code, d.name]));
  const materialName = c.materialNames;
  const certificateNo = new Map(
    c.certificates.flatMap((x) => [[x.id, x.number] as const, [x.number, x.number] as const]),
  );
  const acceptedOn = shanghaiDate(row.acceptedAt);
  return {
    kind: 'acceptance_notice',
    documentNo: `${documentNumberPrefixes.acceptance_notice}-${row.caseNo}`,
    caseNo: row.caseNo,
    issuedOn: acceptedOn,
    // 视为受理 (Art. 32): no clerk accepted it, and the notice says so.
    issuedBy:
      row.acceptedBy === SYSTEM_ACCEPTOR
        ? SYSTEM_ACCEPTOR_LABEL
        : (c.clerk?.displayName ?? row.acceptedBy ?? '—'),
    applicant: { name: row.applicant.name, idNumberMasked: maskedIdOf(row.applicant) },
    items: row.items.map((i) => {
      const item = itemOf.get(i.implementationCode);
      return {
        code: i.implementationCode,
        name: item?.name ?? i.implementationCode,
        departmentName: item ? (departmentName.get(item.departmentCode) ?? item.departmentCode) : '—',
      };
    }),
    acceptedAt: row.acceptedAt.toISOString(),
    // Tolerated gaps and commitments are not received: the 容缺 notice lists them.
    materials: row.materials
      .filter((m) => m.provenance === 'submitted' || m.provenance === 'reused_certificate')
      .map((m) => {
        const certificate = m.certificateId ? certificateNo.get(m.certificateId) : undefined;
        return {
          name: materialName.get(m.materialCode) ?? m.materialCode,
          originals: m.originals,
          copies: m.copies,
          electronic: m.form === 'electronic' || m.form === 'both',
          ...(m.provenance === 'reused_certificate' && certificate ? { certificateNo: certificate } : {}),
        };
      }),
    statutoryDue: row.statutoryDueDate,
    ...(row.promisedDueDate ? { promisedDue: row.promisedDueDate } : {}),
    holidaysCrossed: holidaysCrossed(calendar, acceptedOn, row.statutoryDueDate)
      .filter((h) => !h.regionCode)
      .map((h) => ({ name: h.name, start: h.start, end: h.end })),
    ...(limitBasis ? { limitBasis } : {}),
    lookupUrl,
  };
}

const formLabels: Record<string, string> = { paper: '纸质', electronic: '电子', both: '纸质及电子' };

/**
 * 容缺受理通知书 of a case accepted with tolerated gaps: the same items and due dates as its 受理通知书, each
 * tolerated material with its form, the date the applicant promised and the catalogue's rule if it is missed
 * (`ruleOf`: keep waiting, or 终止办理), and the commitment to sign.
 */
export function toleratedAcceptanceNoticeContent(
  acceptance: DocumentOf<'acceptance_notice'>,
  c: CaseForAcceptanceNotice,
  ruleOf: (materialCode: string) => 'wait' | 'terminate',
): DocumentOf<'tolerated_acceptance_notice'> {
  const materialName = c.materialNames;
  return {
    kind: 'tolerated_acceptance_notice',
    documentNo: `${documentNumberPrefixes.tolerated_acceptance_notice}-${acceptance.caseNo}`,
    caseNo: acceptance.caseNo,
    issuedOn: acceptance.issuedOn,
    issuedBy: acceptance.issuedBy,
    applicant: acceptance.applicant,
    items: acceptance.items,
    acceptedAt: acceptance.acceptedAt,
    tolerated: c.row.materials
      .filter((m) => m.provenance === 'tolerated_missing')
      .map((m) => ({
        name: materialName.get(m.materialCode) ?? m.materialCode,
        ...(m.form ? { form: formLabels[m.form] ?? m.form } : {}),
        dueDate: m.dueDate ?? acceptance.promisedDue ?? acceptance.statutoryDue,
        onOverdue: ruleOf(m.materialCode),
      })),
    statutoryDue: acceptance.statutoryDue,
    ...(acceptance.promisedDue ? { promisedDue: acceptance.promisedDue } : {}),
    holidaysCrossed: acceptance.holidaysCrossed,
    lookupUrl: acceptance.lookupUrl,
  };
}
