-- A deleted task (its case deleted) leaves its department's inboxes too: the feed version moves, like on every
-- other write of the department's Task rows. The inbox keeps its view counts until the version moves.
CREATE TRIGGER "Task_feed_delete" AFTER DELETE ON "Task"
BEGIN
    INSERT INTO "TaskFeedVersion" ("departmentCode", "version") VALUES (OLD."departmentCode", 1)
        ON CONFLICT ("departmentCode") DO UPDATE SET "version" = "version" + 1;
END;
