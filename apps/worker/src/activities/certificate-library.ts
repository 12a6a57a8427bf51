import type {
  AutomaticStepResult,
  IssueCertificateInput,
  IssuedCertificate,
  RunAutomaticStepInput,
} from '@onewindow/workflows';
import { insertOnce, type Db } from '@onewindow/db';
import { certificateValidUntil } from '@onewindow/standards';
import { eventSeq } from './event-key.util';

/** Readable, unique and derived from the event alone, so a retry yields the same number. */
export const certificateNumber = (caseNo: string, seq: number): string =>
  `${caseNo}-Z${String(seq).padStart(3, '0')}`;

/** The validity the catalogue's certificate type names (`validityYears`), read leniently from its stored JSON. */
const typeValidity = (data: string): { validityYears?: number } => {
  const years = (JSON.parse(data) as { validityYears?: unknown }).validityYears;
  return typeof years === 'number' && Number.isInteger(years) && years > 0 ? { validityYears: years } : {};
};

/**
 * 统一出件: the result enters the shared library (证照库) for the applicant, valid from the issuing day until the
 * end of the validity its certificate type has in the catalogue (long-term when it names none).
 */
export async function issueCertificate(db: Db, input: IssueCertificateInput): Promise<IssuedCertificate> {
  const seq = eventSeq(input.idempotencyKey, input.caseNo);
  // The holder and the issuing department (the step's latest task) in one raw statement (docs/decisions/0007).
  const [found] = await db.$queryRaw<{ idNumber: string; name: string; departmentCode: string | null }[]>`
    SELECT a."idNumber", a."name",
      (SELECT t."departmentCode" FROM "Task" t WHERE t."caseNo" = c."caseNo" AND t."stepId" = ${input.stepId} ORDER BY t."seq" DESC LIMIT 1) AS "departmentCode"
    FROM "Case" c JOIN "Applicant" a ON a."id" = c."applicantId" WHERE c."caseNo" = ${input.caseNo}`;
  if (!found)
    throw new Error(`case ${input.caseNo} is not in the database: cannot name the certificate holder`);
  const number = certificateNumber(input.caseNo, seq);
  // 有效期 from the catalogue's certificate type (absent or long-term: no end).
  const type = await db.certificateType.findUnique({
    where: { code: input.certificateTypeCode },
    select: { data: true },
  });
  const validUntil = type ? certificateValidUntil(typeValidity(type.data), input.on) : undefined;
  const inserted = await insertOnce(db, 'certificate', {
    id: input.idempotencyKey,
    typeCode: input.certificateTypeCode,
    number,
    holderIdNumber: found.idNumber,
    holderName: found.name,
    issuerDeptCode: found.departmentCode ?? 'window',
    issuedAt: new Date(input.at),
    validFrom: input.on,
    validUntil: validUntil ?? null,
    status: 'valid',
    sourceCaseNo: input.caseNo,
    data: JSON.stringify({
      name: input.name,
      stepId: input.stepId,
      itemCode: input.itemCode ?? null,
      issuedBy: input.issuedBy,
    }),
  });
  if (inserted === 1) return { certificateNo: number };
  // Not inserted: issued before (a retry), and the stored row answers. (Had another certificate taken the
  // number, no row would carry this id, and the lookup would fail the activity rather than report a wrong number.)
  const stored = await db.certificate.findUniqueOrThrow({
    where: { id: input.idempotencyKey },
    select: { number: true },
  });
  return { certificateNo: stored.number };
}

/**
 * Automatic steps the worker knows. `certificate_check`: the applicant holds a valid certificate of
 * `input.certificateTypeCode` in the shared library (证照复用 instead of a paper copy).
 */
export async function runAutomaticStep(db: Db, input: RunAutomaticStepInput): Promise<AutomaticStepResult> {
  if (input.task !== 'certificate_check')
    return { outcome: 'failed', reasons: [`unknown automatic task "${input.task}"`] };
  const typeCode =
    typeof input.input.certificateTypeCode === 'string' ? input.input.certificateTypeCode : undefined;
  if (!typeCode) return { outcome: 'failed', reasons: ['certificate_check needs input.certificateTypeCode'] };
  const found = await db.case.findUnique({ where: { caseNo: input.caseNo }, include: { applicant: true } });
  if (!found) throw new Error(`case ${input.caseNo} is not in the database`);
  const held = await db.certificate.findFirst({
    where: { holderIdNumber: found.applicant.idNumber, typeCode, status: 'valid' },
  });
  return held
    ? { outcome: 'passed' }
    : {
        outcome: 'failed',
        reasons: [`no valid ${typeCode} certificate for the applicant in the certificate library`],
      };
}
