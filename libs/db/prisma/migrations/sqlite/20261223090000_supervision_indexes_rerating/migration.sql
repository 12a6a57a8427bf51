-- Supervision figures and demand analytics read by index (a period's decided tasks, a period's acceptances); the
-- 好差评 re-rating (a second round per case and channel); overdue rectification orders by deadline.
-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN "round" INTEGER NOT NULL DEFAULT 1;

-- DropIndex
DROP INDEX "Evaluation_caseNo_channel_key";

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_caseNo_channel_round_key" ON "Evaluation"("caseNo", "channel", "round");

-- CreateIndex
CREATE INDEX "Evaluation_createdAt_idx" ON "Evaluation"("createdAt");

-- CreateIndex
CREATE INDEX "Task_state_closedAt_departmentCode_idx" ON "Task"("state", "closedAt", "departmentCode");

-- CreateIndex
CREATE INDEX "Task_state_departmentCode_dueDate_idx" ON "Task"("state", "departmentCode", "dueDate");

-- CreateIndex
CREATE INDEX "Case_acceptedAt_idx" ON "Case"("acceptedAt");

-- CreateIndex
CREATE INDEX "RectificationOrder_state_deadline_idx" ON "RectificationOrder"("state", "deadline");
