-- 好差评: the aspects and the staff rated on an evaluation, one rating per case and channel, and the 差评 rectification orders.
-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN "aspects" TEXT;
ALTER TABLE "Evaluation" ADD COLUMN "evaluatedBy" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_caseNo_channel_key" ON "Evaluation"("caseNo", "channel");

-- CreateTable
CREATE TABLE "RectificationOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "evaluationId" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "callbackBy" TEXT,
    "callbackAt" DATETIME,
    "callbackNote" TEXT,
    "rectification" TEXT,
    "closedBy" TEXT,
    "closedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "RectificationOrder_evaluationId_departmentCode_key" ON "RectificationOrder"("evaluationId", "departmentCode");

-- CreateIndex
CREATE INDEX "RectificationOrder_departmentCode_state_idx" ON "RectificationOrder"("departmentCode", "state");
