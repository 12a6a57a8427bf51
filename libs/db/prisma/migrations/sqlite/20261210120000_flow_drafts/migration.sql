-- Issue 18: a designer's draft per item or bundle (overwritten on each save).
-- CreateTable
CREATE TABLE "FlowDraft" (
    "subjectCode" TEXT NOT NULL PRIMARY KEY,
    "bpmnXml" TEXT NOT NULL,
    "savedBy" TEXT NOT NULL,
    "savedAt" DATETIME NOT NULL
);

-- A published version is immutable (hand-written): the database refuses to change one.
CREATE TRIGGER "FlowVersion_no_update" BEFORE UPDATE ON "FlowVersion"
BEGIN
    SELECT RAISE(ABORT, 'FlowVersion is immutable: a published version cannot be updated');
END;
