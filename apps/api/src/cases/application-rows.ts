import crypto from 'node:crypto';
import { Prisma, type ItemModel as Item } from '@onewindow/db';
import type { AcceptApplication } from './validate-application';

/**
 * The applicant of an application: found by identity number (name kept current, and phone and e-mail when
 * given), or created. One raw statement on every acceptance (docs/decisions/0007); `createdAt` is given, as
 * Prisma would fill it.
 */
export async function upsertApplicant(
  tx: Prisma.TransactionClient,
  applicant: AcceptApplication['applicant'],
): Promise<{ id: string }> {
  const [row] = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    INSERT INTO "Applicant" ("id", "kind", "idNumber", "name", "phone", "email", "createdAt")
    VALUES (${`ap_${crypto.randomUUID()}`}, ${applicant.kind}, ${applicant.idNumber}, ${applicant.name},
      ${applicant.phone ?? null}, ${applicant.email ?? null}, ${new Date()})
    ON CONFLICT ("idNumber") DO UPDATE SET "name" = excluded."name",
      "phone" = COALESCE(excluded."phone", "Applicant"."phone"),
      "email" = COALESCE(excluded."email", "Applicant"."email")
    RETURNING "id"`);
  return row;
}

/** The case's item rows: each item at the catalogue version applied for. */
export const itemRowsOf = (items: Item[]) =>
  items.map((item) => ({ implementationCode: item.implementationCode, itemVersion: item.version }));

/** The case's material rows as received at the window (`now`: when a submitted material was received). */
export const materialRowsOf = (caseNo: string, materials: AcceptApplication['materials'], now: Date) =>
  materials.map((m) => ({
    id: `${caseNo}:${m.materialCode}`,
    materialCode: m.materialCode,
    provenance: m.provenance,
    certificateId: m.certificateId ?? null,
    originals: m.originals,
    copies: m.copies,
    form: m.form ?? null,
    dueDate: m.dueDate ?? null,
    receivedAt: m.provenance === 'submitted' ? now : null,
  }));
