-- CreateEnum
CREATE TYPE "SignInOutcome" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED', 'THROTTLED');

-- DropIndex
DROP INDEX "SignInAttempt_email_createdAt_idx";

-- AlterTable: keep what past tries were (succeeded true or false) as their outcome. "succeeded" stays, nullable,
-- for one release: instances of the previous version, still serving while this one rolls out, write it.
ALTER TABLE "SignInAttempt" ADD COLUMN     "outcome" "SignInOutcome" NOT NULL DEFAULT 'PENDING',
ALTER COLUMN "succeeded" DROP NOT NULL;

UPDATE "SignInAttempt" SET "outcome" = CASE WHEN "succeeded" THEN 'SUCCEEDED'::"SignInOutcome" ELSE 'FAILED'::"SignInOutcome" END;

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_revokedAt_idx" ON "Session"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_ip_createdAt_idx" ON "SignInAttempt"("email", "ip", "createdAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
