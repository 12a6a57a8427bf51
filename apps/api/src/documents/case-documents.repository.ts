import type { Db } from '@onewindow/db';
import type { DocumentKindName } from '@onewindow/contracts';
import { materialNamesOf } from './material-names';

/** A stored document: its number, kind, date, issuer and the content it was printed from (JSON). */
export interface StoredDocument {
  number: string;
  kind: DocumentKindName;
  issuedAt: Date;
  issuedBy: string;
  /** The user who issued it (the window's counters count by it); absent when nobody did. */
  issuedById?: string | null;
  content: string;
}

const toStored = (n: {
  number: string;
  kind: string;
  issuedAt: Date;
  issuedBy: string;
  issuedById: string | null;
  content: string;
}): StoredDocument => ({ ...n, kind: n.kind as DocumentKindName });

export async function documentsOfCase(db: Db, caseNo: string): Promise<StoredDocument[]> {
  const rows = await db.notice.findMany({
    where: { caseNo },
    orderBy: [{ issuedAt: 'asc' }, { number: 'asc' }],
  });
  return rows.map(toStored);
}

export async function documentOfCase(db: Db, caseNo: string, number: string): Promise<StoredDocument | null> {
  const row = await db.notice.findFirst({ where: { caseNo, number } });
  return row ? toStored(row) : null;
}

/**
 * Stores a document once: its number is derived from the case (and a sequence), so a second request that
 * issues the same document at the same time meets the unique number and keeps the first one.
 */
export async function storeDocumentOnce(
  db: Db,
  caseNo: string,
  doc: StoredDocument,
): Promise<StoredDocument> {
  try {
    await db.notice.create({
      data: {
        id: `${caseNo}:${doc.number}`,
        caseNo,
        kind: doc.kind,
        number: doc.number,
        issuedAt: doc.issuedAt,
        issuedBy: doc.issuedBy,
        issuedById: doc.issuedById ?? null,
        content: doc.content,
      },
    });
    return doc;
  } catch (error) {
    const existing = await documentOfCase(db, caseNo, doc.number);
    if (existing) return existing;
    throw error;
  }
}

/** What an acceptance notice is printed from: the case row with its applicant, items, materials and clerk. */
export async function caseForAcceptanceNotice(db: Db, caseNo: string) {
  const row = await db.case.findUnique({
    where: { caseNo },
    include: { applicant: true, items: true, materials: { orderBy: { materialCode: 'asc' } } },
  });
  if (!row) return null;
  const [items, materialNames, clerk, certificates] = await Promise.all([
    db.item.findMany({
      where: {
        OR: row.items.map((i) => ({ implementationCode: i.implementationCode, version: i.itemVersion })),
      },
      select: { implementationCode: true, name: true, departmentCode: true, data: true },
    }),
    materialNamesOf(
      db,
      row.materials.map((m) => m.materialCode),
    ),
    row.acceptedBy
      ? db.user.findUnique({ where: { id: row.acceptedBy }, select: { displayName: true } })
      : Promise.resolve(null),
    // A reused material names its certificate by id or by number (validate-application accepts both).
    db.certificate.findMany({
      where: {
        OR: [
          { id: { in: row.materials.flatMap((m) => (m.certificateId ? [m.certificateId] : [])) } },
          { number: { in: row.materials.flatMap((m) => (m.certificateId ? [m.certificateId] : [])) } },
        ],
      },
      select: { id: true, number: true },
    }),
  ]);
  const departments = await db.department.findMany({
    where: { code: { in: items.map((i) => i.departmentCode) } },
    select: { code: true, name: true },
  });
  return { row, items, materialNames, clerk, certificates, departments };
}
export type CaseForAcceptanceNotice = NonNullable<Awaited<ReturnType<typeof caseForAcceptanceNotice>>>;
