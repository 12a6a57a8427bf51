import type { ItemModel as Item } from '@onewindow/db';
import type { OfficialDocument } from '@onewindow/documents';
import { officialDocumentSchema } from '@onewindow/documents';
import type { ApiDeps } from '../api-deps';
import { itemRowsOf, materialRowsOf, upsertApplicant } from '../cases/application-rows';
import { nextCaseNo } from '../cases/case-number';
import { keyReusedProblem } from '../cases/idempotency-key';
import type { AcceptApplication } from '../cases/validate-application';

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'P2002';

export interface IntakeOutcome<B> {
  /** The route, for the idempotency record's key. */
  route: string;
  idempotencyKey?: string;
  /** Hash of the request and the clerk: the same key with another request is refused. */
  hash: string;
  request: AcceptApplication;
  items: Item[];
  status: 'needs_correction' | 'rejected_at_intake';
  clerkId: string;
  /** The document the outcome hands over, for the application's new number. */
  document: (caseNo: string, now: Date) => OfficialDocument;
  body: (caseNo: string, documentNo: string) => B;
}

/**
 * An intake outcome other than acceptance (Art. 32): the application gets its number (the case number from
 * the first contact on), is stored with its applicant, items and the materials received, in `status`, with the
 * document that says so — all in one transaction, no workflow. One Idempotency-Key makes one application.
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
        const caseNo = await nextCaseNo(tx, now);
        const person = await upsertApplicant(tx, o.request.applicant);
        await tx.case.create({
          data: {
            caseNo,
            applicantId: person.id,
            kind: o.request.bundleCode ? 'bundle' : 'item',
            bundleCode: o.request.bundleCode ?? null,
            status: o.status,
            acceptedBy: o.clerkId,
            items: { create: itemRowsOf(o.items) },
            materials: { create: materialRowsOf(caseNo, o.request.materials, now) },
          },
        });
        const doc = officialDocumentSchema.parse(o.document(caseNo, now));
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
