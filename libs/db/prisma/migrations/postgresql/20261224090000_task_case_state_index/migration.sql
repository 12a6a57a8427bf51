-- A case's open tasks by index (SQLite needs it most: it keeps no statistics and otherwise reads them through the
-- state-led indexes; the two schemas keep the same indexes).
-- CreateIndex
CREATE INDEX "Task_caseNo_state_idx" ON "Task"("caseNo", "state");
