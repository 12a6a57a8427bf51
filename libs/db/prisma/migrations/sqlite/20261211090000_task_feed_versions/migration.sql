-- The live inbox feed: per department, a version the database bumps on every write that changes what its
-- inboxes show (a task opened or closed, its due date, holders or claim, a clock event of its open step).
-- The API polls these few rows instead of the Task table. Hand-written triggers; no code writes the table.
-- CreateTable
CREATE TABLE "TaskFeedVersion" (
    "departmentCode" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- The arrival-date filter of an inbox.
-- CreateIndex
CREATE INDEX "Task_departmentCode_state_openedAt_idx" ON "Task"("departmentCode", "state", "openedAt");

CREATE TRIGGER "Task_feed_insert" AFTER INSERT ON "Task"
BEGIN
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version") VALUES (NEW."departmentCode", 1)
        ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "Task_feed_update" AFTER UPDATE ON "Task"
BEGIN
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version") VALUES (NEW."departmentCode", 1)
        ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "TaskHolder_feed_insert" AFTER INSERT ON "TaskHolder"
BEGIN
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version")
        SELECT "departmentCode", 1 FROM "Task" WHERE "id" = NEW."taskId"
        ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "version" + 1;
END;

CREATE TRIGGER "TaskHolder_feed_delete" AFTER DELETE ON "TaskHolder"
BEGIN
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version")
        SELECT "departmentCode", 1 FROM "Task" WHERE "id" = OLD."taskId"
        ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "version" + 1;
END;

-- A step clock's event (补正 or a special procedure stops it, a resume, a reminder) changes the open task's row in the inbox.
CREATE TRIGGER "ClockEvent_feed_insert" AFTER INSERT ON "ClockEvent" WHEN NEW."clockId" LIKE 'step:%'
BEGIN
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version")
        SELECT DISTINCT "departmentCode", 1 FROM "Task"
        WHERE "caseNo" = NEW."caseNo" AND "stepId" = substr(NEW."clockId", 6) AND "state" = 'open'
        ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "version" + 1;
END;
