-- Issue 18: a designer's draft per item or bundle (overwritten on each save).
-- CreateTable
CREATE TABLE "FlowDraft" (
    "subjectCode" TEXT NOT NULL,
    "bpmnXml" TEXT NOT NULL,
    "savedBy" TEXT NOT NULL,
    "savedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowDraft_pkey" PRIMARY KEY ("subjectCode")
);

-- A published version is immutable (hand-written): the database refuses to change one.
CREATE FUNCTION "flow_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'FlowVersion is immutable: a published version cannot be updated';
END;
$$;

CREATE TRIGGER "FlowVersion_no_update" BEFORE UPDATE ON "FlowVersion"
    FOR EACH ROW EXECUTE FUNCTION "flow_version_immutable"();
