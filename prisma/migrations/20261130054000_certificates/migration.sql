-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "organisationId" UUID,
    "personName" TEXT NOT NULL,
    "courseTitle" TEXT NOT NULL,
    "organisationName" TEXT,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "expiresOn" DATE,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_enrolmentId_attempt_idx" ON "Certificate"("enrolmentId", "attempt");

-- CreateIndex
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");

-- One current (unrevoked) certificate per attempt and organisation: two downloads at once issue one, the
-- second finds the first (lib/certificates/issue.ts inserts with ON CONFLICT DO NOTHING)
CREATE UNIQUE INDEX "Certificate_current_key" ON "Certificate"("enrolmentId", "attempt", COALESCE("organisationId", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "revokedAt" IS NULL;
