-- CreateEnum
CREATE TYPE "SignInProvider" AS ENUM ('MICROSOFT', 'GOOGLE');

-- AlterEnum
ALTER TYPE "MailKind" ADD VALUE 'STAFF_ADDED';

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "providerSignInRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "signInDomains" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "signInProviders" "SignInProvider"[] DEFAULT ARRAY['MICROSOFT', 'GOOGLE']::"SignInProvider"[];

-- CreateTable
CREATE TABLE "ProviderAccount" (
    "provider" "SignInProvider" NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3),

    CONSTRAINT "ProviderAccount_pkey" PRIMARY KEY ("provider","subject")
);

-- CreateTable
CREATE TABLE "StaffImport" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "createdById" UUID,
    "fileName" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "appliedAt" TIMESTAMP(3),
    "summary" JSONB,

    CONSTRAINT "StaffImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProviderAccount_userId_idx" ON "ProviderAccount"("userId");

-- CreateIndex
CREATE INDEX "StaffImport_organisationId_createdAt_idx" ON "StaffImport"("organisationId", "createdAt");

-- AddForeignKey
ALTER TABLE "ProviderAccount" ADD CONSTRAINT "ProviderAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffImport" ADD CONSTRAINT "StaffImport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffImport" ADD CONSTRAINT "StaffImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
