-- A case's open tasks by index. Since the state-led indexes of the supervision figures (Task state+closedAt,
-- state+department+due), SQLite, which keeps no statistics here, read `caseNo = ? AND state = ?` through
-- `state = ?`: every open task of the centre.
-- CreateIndex
CREATE INDEX "Task_caseNo_state_idx" ON "Task"("caseNo", "state");

-- The step clock's trigger picked the state-led index even so (its DISTINCT reads departmentCode in that index's
-- order): each reminder or escalation walked every open task. `+"state"` keeps the state off any index, so the
-- step's own rows are found by (caseNo, stepId).
DROP TRIGGER "ClockEvent_feed_insert";
CREATE TRIGGER "ClockEvent_feed_insert" AFTER INSERT ON "ClockEvent" WHEN NEW."clockId" LIKE 'step:%'
BEGIN
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version")
        SELECT DISTINCT "departmentCode", 1 FROM "Task"
        WHERE "caseNo" = NEW."caseNo" AND "stepId" = substr(NEW."clockId", 6) AND +"state" = 'open'
        ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "version" + 1;
END;
