import { isUniqueViolation, type ItemModel as Item, type Prisma } from '@onewindow/db';
import type { OfficialDocument } from '@onewindow/documents';
import { officialDocumentSchema } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { itemRowsOf, materialRowsOf, upsertApplicant } from '../cases/application-rows';
import { nextCaseNo } from '../cases/case-number';
import { keyReusedProblem } from '../cases/idempotency-key';
import { assertWaitingApplication } from '../cases/waiting-application';
import type { AcceptApplication } from '../cases/validate-application';

export interface IntakeOutcome<B> {
  /** The route, for the idempotency record's key. */
  route: string;
  idempotencyKey?: string;
  /** Hash of the request and the clerk: the same key with another request is refused. */
  hash: string;
  request: AcceptApplication;
  items: Item[];
  status: 'needs_correction' | 'rejected_at_intake';
  /** The kind of `document` (to number a further one on the same application). */
  documentKind: OfficialDocument['kind'];
  clerkId: string;
  /**
   * The document the outcome hands over, for the application's number; `sequence` counts the documents of its
   * kind on the application, this one included (a second one-time notice on the same application is 2).
   */
  document: (caseNo: string, now: Date, sequence: number) => OfficialDocument;
  body: (caseNo: string, documentNo: string) => B;
}

/**
 * An intake outcome other than acceptance (Art. 32): the application gets its number (the case number from
 * the first contact on), is stored with its applicant, items and the materials received, in `status`, with the
 * document that says so — all in one transaction, no workflow. One Idempotency-Key makes one application.
 * With `request.applicationNo` (an application already told what to supplement, back at the window) no new
 * application is made: the same one gets the items and materials as received now, its new status and the
 * next document of the kind, under the same number.
 */
export async function recordIntakeOutcome<B>(
  deps: Pick<ApiDeps, 'db'>,
  o: IntakeOutcome<B>,
): Promise<{ status: 200 | 201; body: B }> {
  const key = o.idempotencyKey ? `${o.route}:${o.idempotencyKey}` : undefined;
  const replay = async () => {
    if (!key) return undefined;
    const record = await deps.db.idempotencyRecord.findUnique({ where: { key } });
    if (!record) return undefined;
    if (record.requestHash !== o.hash) throw keyReusedProblem(o.idempotencyKey!);
    return { status: 200 as const, body: JSON.parse(record.response) as B };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const now = new Date();
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        const existing = o.request.applicationNo;
        const caseNo = existing ?? (await nextCaseNo(tx, now));
        const person = await upsertApplicant(tx, o.request.applicant);
        const application = {
          applicantId: person.id,
          kind: o.request.bundleCode ? 'bundle' : 'item',
          bundleCode: o.request.bundleCode ?? null,
          status: o.status,
          acceptedBy: o.clerkId,
        };
        if (existing) await updateWaitingApplication(tx, existing, application, o, now);
        else
          await tx.case.create({
            data: {
              caseNo,
              ...application,
              items: { create: itemRowsOf(o.items) },
              materials: { create: materialRowsOf(caseNo, o.request.materials, now) },
            },
          });
        const earlier = existing ? await tx.notice.count({ where: { caseNo, kind: o.documentKind } }) : 0;
        const doc = officialDocumentSchema.parse(o.document(caseNo, now, earlier + 1));
        await tx.notice.create({
          data: {
            id: `${caseNo}:${doc.documentNo}`,
            caseNo,
            kind: doc.kind,
            number: doc.documentNo,
            issuedAt: now,
            issuedBy: doc.issuedBy,
            issuedById: o.clerkId,
            content: JSON.stringify(doc),
          },
        });
        const body = o.body(caseNo, doc.documentNo);
        if (key)
          await tx.idempotencyRecord.create({
            data: { key, requestHash: o.hash, response: JSON.stringify(body), status: 201 },
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

/**
 * The application `caseNo` back at the window: it must still wait for materials (一次性告知, needs_correction) and be
 * the same applicant's; its items and materials become the ones received now. A 409 in Chinese otherwise.
 */
async function updateWaitingApplication(
  tx: Prisma.TransactionClient,
  caseNo: string,
  application: {
    applicantId: string;
    kind: string;
    bundleCode: string | null;
    status: string;
    acceptedBy: string;
  },
  o: Pick<IntakeOutcome<unknown>, 'request' | 'items'>,
  now: Date,
): Promise<void> {
  await assertWaitingApplication(tx, caseNo, application.applicantId, '不能再出具一次性告知书');
  const materialRows = materialRowsOf(caseNo, o.request.materials, now);
  await tx.case.update({ where: { caseNo }, data: application });
  await tx.caseItem.deleteMany({ where: { caseNo } });
  await tx.caseItem.createMany({ data: itemRowsOf(o.items).map((i) => ({ caseNo, ...i })) });
  await tx.caseMaterial.deleteMany({ where: { caseNo } });
  if (materialRows.length > 0)
    await tx.caseMaterial.createMany({ data: materialRows.map((m) => ({ caseNo, ...m })) });
}
