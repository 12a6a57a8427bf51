-- Roles scoped to departments: a grant of a role names the department it is for; "" is the user's own (home)
-- department, so every existing grant keeps its meaning. The primary key becomes (userId, role, departmentCode).
ALTER TABLE "UserRole" ADD COLUMN "departmentCode" TEXT NOT NULL DEFAULT '';
ALTER TABLE "UserRole" DROP CONSTRAINT "UserRole_pkey";
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId", "role", "departmentCode");
