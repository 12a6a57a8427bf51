-- 网上申报: online submissions waiting in the window's pre-review (预审), deemed accepted after 5 working days.
-- CreateTable
CREATE TABLE "Submission" (
    "submissionNo" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bundleCode" TEXT,
    "itemCodes" TEXT NOT NULL,
    "applicantName" TEXT NOT NULL,
    "applicantIdNumber" TEXT NOT NULL,
    "application" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "deadline" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "caseNo" TEXT,
    "settledAt" TIMESTAMP(3),
    "settledBy" TEXT,
    "idempotencyKey" TEXT,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("submissionNo")
);

-- CreateIndex
CREATE UNIQUE INDEX "Submission_idempotencyKey_key" ON "Submission"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Submission_status_receivedAt_idx" ON "Submission"("status", "receivedAt");
