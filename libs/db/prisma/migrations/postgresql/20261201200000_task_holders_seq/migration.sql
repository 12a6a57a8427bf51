-- Issue 6: a countersign vote that does not decide the step changes who holds the task (setTaskHolders);
-- the event sequence of the last change keeps a late, older write from overwriting a newer one.
ALTER TABLE "Task" ADD COLUMN "holdersSeq" INTEGER NOT NULL DEFAULT 0;
