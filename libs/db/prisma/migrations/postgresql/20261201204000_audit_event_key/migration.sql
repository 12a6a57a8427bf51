-- Issue 7: the worker appends one audit entry per workflow event; the event key (<caseNo>:<seq>) makes a
-- retried or repeated activity append it once. Null for HTTP entries. A new column fires no UPDATE trigger.
ALTER TABLE "AuditEntry" ADD COLUMN "eventKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_eventKey_key" ON "AuditEntry"("eventKey");
