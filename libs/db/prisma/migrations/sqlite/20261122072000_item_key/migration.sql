-- Items are keyed by their most specific national code (业务办理项编码 ?? 实施编码): two handling items of one
-- implementation are two items. Hand-written: `prisma migrate diff --from-migrations` needs a shadow database,
-- which the JS schema engine cannot create here.
DROP INDEX "Item_implementationCode_version_key";
ALTER TABLE "Item" ADD COLUMN "itemKey" TEXT NOT NULL DEFAULT '';
UPDATE "Item" SET "itemKey" = COALESCE("handlingItemCode", "implementationCode");
CREATE UNIQUE INDEX "Item_itemKey_version_key" ON "Item"("itemKey", "version");
CREATE INDEX "Item_implementationCode_idx" ON "Item"("implementationCode");
