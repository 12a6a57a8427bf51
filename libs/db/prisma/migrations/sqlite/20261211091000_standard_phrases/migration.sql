-- 常用语: the department's and each user's standard phrases for opinions and reasons.
-- CreateTable
CREATE TABLE "StandardPhrase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "departmentCode" TEXT,
    "userId" TEXT,
    "ownerKey" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "StandardPhrase_ownerKey_sortOrder_idx" ON "StandardPhrase"("ownerKey", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "StandardPhrase_ownerKey_text_key" ON "StandardPhrase"("ownerKey", "text");
