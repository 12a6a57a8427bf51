// The stored case files (one per material of a case), for case-files.router.ts.
import type { Db } from '@onewindow/db';

export interface StoredFileData {
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
  uploadedBy: string;
  uploadedAt: Date;
}

/** The case's status and the codes of its materials; throws Prisma's not-found error for an unknown case. */
export function caseForUpload(db: Db, caseNo: string) {
  return db.case.findUniqueOrThrow({
    where: { caseNo },
    select: { status: true, materials: { select: { materialCode: true } } },
  });
}

/** Stores (or replaces) the file of a material; answers what it replaced, or null for a first upload. */
export function storeCaseFile(db: Db, caseNo: string, materialCode: string, data: StoredFileData) {
  const key = { caseNo_materialCode: { caseNo, materialCode } };
  return db.$transaction(async (tx) => {
    const before = await tx.caseFile.findUnique({
      where: key,
      select: { sha256: true, size: true, contentType: true },
    });
    await tx.caseFile.upsert({ where: key, create: { caseNo, materialCode, ...data }, update: data });
    return before;
  });
}

/** The stored file of a material, or null when none was uploaded. */
export function caseFileOf(db: Db, caseNo: string, materialCode: string) {
  return db.caseFile.findUnique({ where: { caseNo_materialCode: { caseNo, materialCode } } });
}
