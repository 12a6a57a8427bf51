-- 视为受理 (Art. 32): a deemed-accepted online submission is accepted by no clerk (acceptedBy 'system'); the case
-- names its window instead.
ALTER TABLE "Case" ADD COLUMN "windowDepartmentCode" TEXT;

-- Cases deemed accepted before: they were recorded as accepted by the first active window clerk, whose
-- department stays their window.
UPDATE "Case" SET
  "windowDepartmentCode" = (SELECT "User"."departmentCode" FROM "User" WHERE "User"."id" = "Case"."acceptedBy"),
  "acceptedBy" = 'system'
WHERE "caseNo" IN (SELECT "caseNo" FROM "Submission" WHERE "status" = 'deemed_accepted' AND "caseNo" IS NOT NULL);
