import crypto from 'node:crypto';
import type { ItemModel as Item, Prisma } from '@onewindow/db';
import type { AcceptApplication } from './validate-application';

/** The applicant of an application: found by identity number (name and phone kept current), or created. */
export function upsertApplicant(tx: Prisma.TransactionClient, applicant: AcceptApplication['applicant']) {
  return tx.applicant.upsert({
    where: { idNumber: applicant.idNumber },
    update: {
      name: applicant.name,
      ...(applicant.phone ? { phone: applicant.phone } : {}),
      ...(applicant.email ? { email: applicant.email } : {}),
    },
    create: {
      id: `ap_${crypto.randomUUID()}`,
      kind: applicant.kind,
      idNumber: applicant.idNumber,
      name: applicant.name,
      phone: applicant.phone ?? null,
      email: applicant.email ?? null,
    },
  });
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
