-- A deleted task (its case deleted) leaves its department's inboxes too: the feed version moves, like on every
-- other write of the department's Task rows. The inbox keeps its view counts until the version moves.
CREATE FUNCTION "task_feed_on_task_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "task_feed_bump"(OLD."departmentCode");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Task_feed_delete" AFTER DELETE ON "Task"
    FOR EACH ROW EXECUTE FUNCTION "task_feed_on_task_delete"();
