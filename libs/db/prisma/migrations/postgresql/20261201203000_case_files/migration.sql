-- Issue 7 (uploaded files served only to authorised users): the applicant's material files, one per case and material.
-- Hand-written from `prisma migrate diff --from-empty` (see tools/db/new-migration.sh).

-- CreateTable
CREATE TABLE "CaseFile" (
    "caseNo" TEXT NOT NULL,
    "materialCode" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseFile_pkey" PRIMARY KEY ("caseNo","materialCode")
);

-- AddForeignKey
ALTER TABLE "CaseFile" ADD CONSTRAINT "CaseFile_caseNo_materialCode_fkey" FOREIGN KEY ("caseNo", "materialCode") REFERENCES "CaseMaterial"("caseNo", "materialCode") ON DELETE CASCADE ON UPDATE CASCADE;
