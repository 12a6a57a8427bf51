-- Notifications: a user's read cursor and read marks (the entries derive from existing rows); the applicant's
-- e-mail; the outbox of the applicant's messages (one row per workflow event).
-- AlterTable
ALTER TABLE "Applicant" ADD COLUMN "email" TEXT;

-- CreateTable
CREATE TABLE "NotificationCursor" (
    "userId" TEXT NOT NULL,
    "readAllAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationCursor_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "NotificationRead" (
    "userId" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationRead_pkey" PRIMARY KEY ("userId","notificationId")
);

-- CreateTable
CREATE TABLE "ApplicantMessage" (
    "eventKey" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ApplicantMessage_pkey" PRIMARY KEY ("eventKey")
);

-- CreateIndex
CREATE INDEX "ApplicantMessage_caseNo_idx" ON "ApplicantMessage"("caseNo");
