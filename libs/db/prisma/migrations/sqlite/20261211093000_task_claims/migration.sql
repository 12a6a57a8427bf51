-- 签收: a task offered to a group (a department's role group, or a 转办 group) waits to be claimed; once a member
-- claims it (or a lead assigns it) the row says who holds it and since when. Null for tasks of named seats.
ALTER TABLE "Task" ADD COLUMN "claimState" TEXT;
ALTER TABLE "Task" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "Task" ADD COLUMN "claimedAt" DATETIME;

-- The 待签收 (to claim) inbox view.
-- CreateIndex
CREATE INDEX "Task_departmentCode_claimState_state_idx" ON "Task"("departmentCode", "claimState", "state");
