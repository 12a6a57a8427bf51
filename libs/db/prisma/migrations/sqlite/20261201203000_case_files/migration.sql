-- Issue 7 (uploaded files served only to authorised users): the applicant's material files, one per case and material.
-- Hand-written from `prisma migrate diff --from-empty` (see tools/db/new-migration.sh).

-- CreateTable
CREATE TABLE "CaseFile" (
    "caseNo" TEXT NOT NULL,
    "materialCode" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL,

    PRIMARY KEY ("caseNo", "materialCode"),
    CONSTRAINT "CaseFile_caseNo_materialCode_fkey" FOREIGN KEY ("caseNo", "materialCode") REFERENCES "CaseMaterial" ("caseNo", "materialCode") ON DELETE CASCADE ON UPDATE CASCADE
);
