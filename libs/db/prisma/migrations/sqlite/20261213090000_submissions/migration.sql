-- 网上申报: online submissions waiting in the window's pre-review (预审), deemed accepted after 5 working days.
-- CreateTable
CREATE TABLE "Submission" (
    "submissionNo" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "bundleCode" TEXT,
    "itemCodes" TEXT NOT NULL,
    "applicantName" TEXT NOT NULL,
    "applicantIdNumber" TEXT NOT NULL,
    "application" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "deadline" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "caseNo" TEXT,
    "settledAt" DATETIME,
    "settledBy" TEXT,
    "idempotencyKey" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Submission_idempotencyKey_key" ON "Submission"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Submission_status_receivedAt_idx" ON "Submission"("status", "receivedAt");
