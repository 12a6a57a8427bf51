-- The step clock on the Task row: running | supplement (补正) | special_procedure | hold (at the window after
-- 退回, paused behind a returned branch), with what stopped it. The worker's projection writes it in the same
-- transaction as the step clock's event (or the decision saying why); the 待补正 and 特别程序中 views and the
-- time-status filter read these columns instead of an OR over the (caseNo, stepId) pairs of the stopped steps.
-- AlterTable
ALTER TABLE "Task" ADD COLUMN "clockState" TEXT NOT NULL DEFAULT 'running';
ALTER TABLE "Task" ADD COLUMN "clockReason" TEXT;

-- Each view's page: the department's open tasks in one clock state, by due date.
-- CreateIndex
CREATE INDEX "Task_departmentCode_state_clockState_dueDate_idx" ON "Task"("departmentCode", "state", "clockState", "dueDate");

-- Backfill: an open task whose step clock's last suspend or resume is a suspend stands; the step's last decision
-- that starts or ends a suspension says why (none: a hold). The Task_feed_update trigger bumps the departments.
UPDATE "Task" SET
    "clockState" = CASE (
        SELECT d."verb" FROM "Decision" d
        WHERE d."caseNo" = "Task"."caseNo" AND d."stepId" = "Task"."stepId"
          AND d."verb" IN ('return_for_supplement', 'supplement_submitted', 'special_procedure_started', 'special_procedure_ended')
        ORDER BY d."eventSeq" DESC LIMIT 1)
        WHEN 'return_for_supplement' THEN 'supplement'
        WHEN 'special_procedure_started' THEN 'special_procedure'
        ELSE 'hold' END,
    "clockReason" = (
        SELECT e."reason" FROM "ClockEvent" e
        WHERE e."caseNo" = "Task"."caseNo" AND e."clockId" = 'step:' || "Task"."stepId" AND e."kind" IN ('suspend', 'resume')
        ORDER BY e."eventSeq" DESC LIMIT 1)
WHERE "state" = 'open' AND (
    SELECT e."kind" FROM "ClockEvent" e
    WHERE e."caseNo" = "Task"."caseNo" AND e."clockId" = 'step:' || "Task"."stepId" AND e."kind" IN ('suspend', 'resume')
    ORDER BY e."eventSeq" DESC LIMIT 1) = 'suspend';
