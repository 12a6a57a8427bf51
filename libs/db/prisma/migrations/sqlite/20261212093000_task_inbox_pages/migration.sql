-- The inbox pages read their rows in index order (due date, then case and step) and count by index:
-- 待签收 through the role group seat on the Task row (claimGroup, backfilled from the holder rows), 我的待办 and
-- 已办 from the person's holder rows without reading the holder table.
-- AlterTable
ALTER TABLE "Task" ADD COLUMN "claimGroup" TEXT;

UPDATE "Task" SET "claimGroup" = (
    SELECT MIN(h."userId") FROM "TaskHolder" h
    WHERE h."taskId" = "Task"."id" AND h."userId" LIKE 'group:' || "Task"."departmentCode" || '/%')
WHERE "claimState" IS NOT NULL;

-- DropIndex
DROP INDEX "Task_departmentCode_state_dueDate_idx";
DROP INDEX "Task_departmentCode_state_clockState_dueDate_idx";
DROP INDEX "Task_departmentCode_claimState_state_idx";
DROP INDEX "TaskHolder_userId_idx";

-- CreateIndex
CREATE INDEX "Task_departmentCode_state_dueDate_caseNo_stepId_idx" ON "Task"("departmentCode", "state", "dueDate", "caseNo", "stepId");
CREATE INDEX "Task_departmentCode_state_clockState_dueDate_caseNo_stepId_idx" ON "Task"("departmentCode", "state", "clockState", "dueDate", "caseNo", "stepId");
CREATE INDEX "Task_departmentCode_claimState_state_claimGroup_dueDate_caseNo_stepId_idx" ON "Task"("departmentCode", "claimState", "state", "claimGroup", "dueDate", "caseNo", "stepId");
CREATE INDEX "TaskHolder_userId_taskId_idx" ON "TaskHolder"("userId", "taskId");
