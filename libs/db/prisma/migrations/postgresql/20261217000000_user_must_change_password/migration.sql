-- An account an administrator created or whose password they reset must pick a new password at its next sign-in.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
