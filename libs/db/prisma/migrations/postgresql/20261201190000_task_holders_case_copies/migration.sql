-- Issue 6 (转办, 委派, 加签/减签, 抄送): who holds each task row, and who a case was copied to.
-- Hand-written from `prisma migrate diff --from-empty` (see tools/db/new-migration.sh).

-- CreateTable
CREATE TABLE "TaskHolder" (
    "taskId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "TaskHolder_pkey" PRIMARY KEY ("taskId","userId")
);

-- CreateTable
CREATE TABLE "CaseCopy" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "copiedBy" TEXT NOT NULL,
    "note" TEXT,
    "eventKey" TEXT NOT NULL,
    "copiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseCopy_pkey" PRIMARY KEY ("id")
);

-- Existing single-holder rows keep their holder.
INSERT INTO "TaskHolder" ("taskId", "userId") SELECT "id", "assigneeUserId" FROM "Task" WHERE "assigneeUserId" IS NOT NULL;

-- CreateIndex
CREATE INDEX "TaskHolder_userId_idx" ON "TaskHolder"("userId");

-- CreateIndex
CREATE INDEX "CaseCopy_userId_copiedAt_idx" ON "CaseCopy"("userId", "copiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CaseCopy_caseNo_stepId_userId_key" ON "CaseCopy"("caseNo", "stepId", "userId");

-- AddForeignKey
ALTER TABLE "TaskHolder" ADD CONSTRAINT "TaskHolder_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCopy" ADD CONSTRAINT "CaseCopy_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;
