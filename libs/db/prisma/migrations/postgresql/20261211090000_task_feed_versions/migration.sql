-- The live inbox feed: per department, a version the database bumps on every write that changes what its
-- inboxes show (a task opened or closed, its due date, holders or claim, a clock event of its open step).
-- The API polls these few rows instead of the Task table. Hand-written triggers; no code writes the table.
-- CreateTable
CREATE TABLE "TaskFeedVersion" (
    "departmentCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TaskFeedVersion_pkey" PRIMARY KEY ("departmentCode")
);

-- The arrival-date filter of an inbox.
-- CreateIndex
CREATE INDEX "Task_departmentCode_state_openedAt_idx" ON "Task"("departmentCode", "state", "openedAt");

CREATE FUNCTION "task_feed_bump"(department TEXT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version") VALUES (department, 1)
    ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "TaskFeedVersion"."version" + 1;
$$;

CREATE FUNCTION "task_feed_on_task"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "task_feed_bump"(NEW."departmentCode");
    RETURN NULL;
END;
$$;

CREATE FUNCTION "task_feed_on_holder"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    task_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."taskId" ELSE NEW."taskId" END;
BEGIN
    PERFORM "task_feed_bump"(t."departmentCode") FROM "Task" t WHERE t."id" = task_id;
    RETURN NULL;
END;
$$;

-- A step clock's event (补正 or a special procedure stops it, a resume, a reminder) changes the open task's row in the inbox.
CREATE FUNCTION "task_feed_on_clock_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "task_feed_bump"(d."departmentCode")
    FROM (
        SELECT DISTINCT t."departmentCode" FROM "Task" t
        WHERE t."caseNo" = NEW."caseNo" AND t."stepId" = substr(NEW."clockId", 6) AND t."state" = 'open'
    ) d;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Task_feed_insert" AFTER INSERT ON "Task"
    FOR EACH ROW EXECUTE FUNCTION "task_feed_on_task"();
CREATE TRIGGER "Task_feed_update" AFTER UPDATE ON "Task"
    FOR EACH ROW EXECUTE FUNCTION "task_feed_on_task"();
CREATE TRIGGER "TaskHolder_feed_insert" AFTER INSERT ON "TaskHolder"
    FOR EACH ROW EXECUTE FUNCTION "task_feed_on_holder"();
CREATE TRIGGER "TaskHolder_feed_delete" AFTER DELETE ON "TaskHolder"
    FOR EACH ROW EXECUTE FUNCTION "task_feed_on_holder"();
CREATE TRIGGER "ClockEvent_feed_insert" AFTER INSERT ON "ClockEvent"
    FOR EACH ROW WHEN (NEW."clockId" LIKE 'step:%') EXECUTE FUNCTION "task_feed_on_clock_event"();
