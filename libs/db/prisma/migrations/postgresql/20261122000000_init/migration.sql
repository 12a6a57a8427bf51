-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Department" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" TEXT,
    "region" TEXT NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT,
    "departmentCode" TEXT,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "oidcSubject" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","role")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogueVersion" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogueVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Item" (
    "id" TEXT NOT NULL,
    "basicCode" TEXT NOT NULL,
    "implementationCode" TEXT NOT NULL,
    "handlingItemCode" TEXT,
    "localCode" TEXT,
    "name" TEXT NOT NULL,
    "itemType" TEXT NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statutoryLimitValue" INTEGER NOT NULL,
    "statutoryLimitUnit" TEXT NOT NULL,
    "promisedLimitValue" INTEGER NOT NULL,
    "promisedLimitUnit" TEXT NOT NULL,
    "onTheSpot" BOOLEAN NOT NULL DEFAULT false,
    "data" TEXT NOT NULL,
    "catalogueVersionId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialStandard" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" TEXT NOT NULL,

    CONSTRAINT "MaterialStandard_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CertificateType" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuerDeptCode" TEXT,
    "data" TEXT NOT NULL,

    CONSTRAINT "CertificateType_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Bundle" (
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "data" TEXT NOT NULL,

    CONSTRAINT "Bundle_pkey" PRIMARY KEY ("code","version")
);

-- CreateTable
CREATE TABLE "FlowVersion" (
    "id" TEXT NOT NULL,
    "subjectCode" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "bpmnXml" TEXT,
    "planJson" TEXT NOT NULL,
    "planHash" TEXT NOT NULL,
    "publishedBy" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "region" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "provisional" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("region","year")
);

-- CreateTable
CREATE TABLE "Applicant" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Applicant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "caseNo" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bundleCode" TEXT,
    "status" TEXT NOT NULL,
    "acceptanceMode" TEXT NOT NULL DEFAULT 'normal',
    "flowVersionId" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "acceptedBy" TEXT,
    "statutoryDueDate" TEXT,
    "promisedDueDate" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("caseNo")
);

-- CreateTable
CREATE TABLE "CaseItem" (
    "caseNo" TEXT NOT NULL,
    "implementationCode" TEXT NOT NULL,
    "itemVersion" INTEGER NOT NULL,

    CONSTRAINT "CaseItem_pkey" PRIMARY KEY ("caseNo","implementationCode")
);

-- CreateTable
CREATE TABLE "CaseMaterial" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "materialCode" TEXT NOT NULL,
    "provenance" TEXT NOT NULL,
    "certificateId" TEXT,
    "originals" INTEGER NOT NULL DEFAULT 0,
    "copies" INTEGER NOT NULL DEFAULT 0,
    "form" TEXT,
    "dueDate" TEXT,
    "receivedAt" TIMESTAMP(3),
    "fileRef" TEXT,

    CONSTRAINT "CaseMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "departmentCode" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "assigneeUserId" TEXT,
    "state" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "dueDate" TEXT,
    "closedAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "stepId" TEXT,
    "verb" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "reason" TEXT,
    "payload" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClockEvent" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "eventSeq" INTEGER NOT NULL,
    "clockId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT,
    "approvedBy" TEXT,
    "payload" TEXT,

    CONSTRAINT "ClockEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "typeCode" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "holderIdNumber" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "issuerDeptCode" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validFrom" TEXT NOT NULL,
    "validUntil" TEXT,
    "status" TEXT NOT NULL,
    "sourceCaseNo" TEXT,
    "data" TEXT NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "content" TEXT NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "caseNo" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "followUpBy" TEXT,
    "followUpAt" TIMESTAMP(3),
    "followUp" TEXT,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "ip" TEXT,
    "requestId" TEXT,
    "payload" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Item_status_name_idx" ON "Item"("status", "name");

-- CreateIndex
CREATE INDEX "Item_status_departmentCode_itemType_idx" ON "Item"("status", "departmentCode", "itemType");

-- CreateIndex
CREATE INDEX "Item_basicCode_idx" ON "Item"("basicCode");

-- CreateIndex
CREATE UNIQUE INDEX "Item_implementationCode_version_key" ON "Item"("implementationCode", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FlowVersion_subjectCode_version_key" ON "FlowVersion"("subjectCode", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Applicant_idNumber_key" ON "Applicant"("idNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Case_idempotencyKey_key" ON "Case"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Case_status_statutoryDueDate_idx" ON "Case"("status", "statutoryDueDate");

-- CreateIndex
CREATE INDEX "Case_applicantId_idx" ON "Case"("applicantId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseMaterial_caseNo_materialCode_key" ON "CaseMaterial"("caseNo", "materialCode");

-- CreateIndex
CREATE INDEX "Task_departmentCode_state_dueDate_idx" ON "Task"("departmentCode", "state", "dueDate");

-- CreateIndex
CREATE INDEX "Task_assigneeUserId_state_idx" ON "Task"("assigneeUserId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Task_caseNo_stepId_seq_key" ON "Task"("caseNo", "stepId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_caseNo_eventSeq_key" ON "Decision"("caseNo", "eventSeq");

-- CreateIndex
CREATE INDEX "ClockEvent_kind_at_idx" ON "ClockEvent"("kind", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ClockEvent_caseNo_eventSeq_key" ON "ClockEvent"("caseNo", "eventSeq");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_number_key" ON "Certificate"("number");

-- CreateIndex
CREATE INDEX "Certificate_holderIdNumber_typeCode_idx" ON "Certificate"("holderIdNumber", "typeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_number_key" ON "Notice"("number");

-- CreateIndex
CREATE INDEX "Evaluation_rating_createdAt_idx" ON "Evaluation"("rating", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_target_idx" ON "AuditEntry"("target");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Department"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentCode_fkey" FOREIGN KEY ("departmentCode") REFERENCES "Department"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Item" ADD CONSTRAINT "Item_catalogueVersionId_fkey" FOREIGN KEY ("catalogueVersionId") REFERENCES "CatalogueVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "Applicant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseItem" ADD CONSTRAINT "CaseItem_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseMaterial" ADD CONSTRAINT "CaseMaterial_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClockEvent" ADD CONSTRAINT "ClockEvent_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_caseNo_fkey" FOREIGN KEY ("caseNo") REFERENCES "Case"("caseNo") ON DELETE CASCADE ON UPDATE CASCADE;

