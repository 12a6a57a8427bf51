import crypto from 'node:crypto';
import { correctionNoticeRequestSchema, type CorrectionNoticeResponse } from '@onewindow/contracts';
import { documentNumberPrefixes, officialDocumentSchema } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { nextCaseNo } from '../cases/case-number';
import { keyReusedProblem, requestHash } from '../cases/idempotency-key';
import { validateApplication } from '../cases/validate-application';
import { maskedIdOf, shanghaiDate } from '../documents/acceptance-notice.content';
import { lookupUrlOf } from '../documents/case-documents.service';
import { parse } from '../http/parse';

const requestKey = (key: string): string => `POST /api/intake/correction-notices:${key}`;
const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'P2002';
const DEFAULT_HAND_IN = '请携带上述材料到本中心综合窗口补正，补正时出示本告知书。';

/**
 * 材料补正一次性告知 (Art. 32 ¶1 (4)): the application is checked like an acceptance (applicant, items, bundle,
 * materials), gets its number, and waits as `needs_correction` with the materials received so far; no
 * workflow starts and no clock runs. The 一次性告知书 lists every missing material at once. One
 * Idempotency-Key makes one application; the same key with another body is refused.
 */
export async function issueCorrectionNotice(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  raw: unknown,
  clerk: { id: string; displayName: string },
  idempotencyKey?: string,
): Promise<{ status: 200 | 201; body: CorrectionNoticeResponse }> {
  const notice = parse(correctionNoticeRequestSchema, raw, 'one-time notice');
  const { request, items } = await validateApplication(deps.db, notice.application);
  const hash = requestHash({ notice, clerk: clerk.id });
  const replay = async () => {
    if (!idempotencyKey) return undefined;
    const record = await deps.db.idempotencyRecord.findUnique({ where: { key: requestKey(idempotencyKey) } });
    if (!record) return undefined;
    if (record.requestHash !== hash) throw keyReusedProblem(idempotencyKey);
    return { status: 200 as const, body: JSON.parse(record.response) as CorrectionNoticeResponse };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const [materials, departments] = await Promise.all([
    deps.db.materialStandard.findMany({
      where: { code: { in: notice.missing.map((m) => m.materialCode) } },
      select: { code: true, name: true },
    }),
    deps.db.department.findMany({
      where: { code: { in: items.map((i) => i.departmentCode) } },
      select: { code: true, name: true },
    }),
  ]);
  const materialName = new Map(materials.map((m) => [m.code, m.name]));
  const departmentName = new Map(departments.map((d) => [d.code, d.name]));
  const now = new Date();

  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        const caseNo = await nextCaseNo(tx, now);
        const { applicant } = request;
        const person = await tx.applicant.upsert({
          where: { idNumber: applicant.idNumber },
          update: { name: applicant.name, ...(applicant.phone ? { phone: applicant.phone } : {}) },
          create: {
            id: `ap_${crypto.randomUUID()}`,
            kind: applicant.kind,
            idNumber: applicant.idNumber,
            name: applicant.name,
            phone: applicant.phone ?? null,
          },
        });
        await tx.case.create({
          data: {
            caseNo,
            applicantId: person.id,
            kind: request.bundleCode ? 'bundle' : 'item',
            bundleCode: request.bundleCode ?? null,
            status: 'needs_correction',
            acceptedBy: clerk.id,
            items: {
              create: items.map((i) => ({
                implementationCode: i.implementationCode,
                itemVersion: i.version,
              })),
            },
            materials: {
              create: request.materials.map((m) => ({
                id: `${caseNo}:${m.materialCode}`,
                materialCode: m.materialCode,
                provenance: m.provenance,
                certificateId: m.certificateId ?? null,
                originals: m.originals,
                copies: m.copies,
                form: m.form ?? null,
                receivedAt: m.provenance === 'submitted' ? now : null,
              })),
            },
          },
        });
        const documentNo = `${documentNumberPrefixes.correction_notice}-${caseNo}-1`;
        const content = officialDocumentSchema.parse({
          kind: 'correction_notice',
          documentNo,
          caseNo,
          issuedOn: shanghaiDate(now),
          issuedBy: clerk.displayName,
          applicant: { name: applicant.name, idNumberMasked: maskedIdOf(applicant) },
          items: items.map((i) => ({
            code: i.implementationCode,
            name: i.name,
            departmentName: departmentName.get(i.departmentCode) ?? i.departmentCode,
          })),
          receivedAt: now.toISOString(),
          missing: notice.missing.map((m) => ({
            name: materialName.get(m.materialCode) ?? m.materialCode,
            problem: m.problem,
          })),
          handIn: notice.handIn ?? DEFAULT_HAND_IN,
          lookupUrl: lookupUrlOf(deps.config, caseNo),
        });
        await tx.notice.create({
          data: {
            id: `${caseNo}:${documentNo}`,
            caseNo,
            kind: 'correction_notice',
            number: documentNo,
            issuedAt: now,
            issuedBy: clerk.displayName,
            content: JSON.stringify(content),
          },
        });
        const body: CorrectionNoticeResponse = { caseNo, status: 'needs_correction', documentNo };
        if (idempotencyKey)
          await tx.idempotencyRecord.create({
            data: {
              key: requestKey(idempotencyKey),
              requestHash: hash,
              response: JSON.stringify(body),
              status: 201,
            },
          });
        return { status: 201 as const, body };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent request with the same key won, or two applications drew the same number.
      const replayed = await replay();
      if (replayed) return replayed;
      if (attempt >= 5) throw error;
    }
  }
}
