-- Roles scoped to departments: a grant of a role names the department it is for; "" is the user's own (home)
-- department, so every existing grant keeps its meaning. The primary key becomes (userId, role, departmentCode);
-- SQLite cannot change a primary key in place, so the table is rebuilt.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_UserRole" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "departmentCode" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("userId", "role", "departmentCode"),
    CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_UserRole" ("userId", "role") SELECT "userId", "role" FROM "UserRole";
DROP TABLE "UserRole";
ALTER TABLE "new_UserRole" RENAME TO "UserRole";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
