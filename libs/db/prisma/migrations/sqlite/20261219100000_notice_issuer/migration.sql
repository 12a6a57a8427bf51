-- The user who issued a document: the window's counters count a clerk's notices by id, not by printed name.
ALTER TABLE "Notice" ADD COLUMN "issuedById" TEXT;

-- Earlier rows: the user whose display name is the printed issuer, when exactly one user has that name.
UPDATE "Notice" SET "issuedById" = (
  SELECT "User"."id" FROM "User" WHERE "User"."displayName" = "Notice"."issuedBy"
)
WHERE (SELECT COUNT(*) FROM "User" WHERE "User"."displayName" = "Notice"."issuedBy") = 1;

-- CreateIndex
CREATE INDEX "Notice_issuedById_kind_issuedAt_idx" ON "Notice"("issuedById", "kind", "issuedAt");
