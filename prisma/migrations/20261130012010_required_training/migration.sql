-- CreateEnum
CREATE TYPE "RequirementDue" AS ENUM ('BY_DATE', 'WITHIN_DAYS');

-- CreateEnum
CREATE TYPE "RequiredStatus" AS ENUM ('OVERDUE', 'EXPIRED', 'DUE_SOON', 'NOT_STARTED', 'IN_PROGRESS', 'COMPLETED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "attemptStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "previousCompletedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CourseAttempt" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "completedLessons" INTEGER NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "dueKind" "RequirementDue" NOT NULL,
    "dueOn" DATE,
    "dueDays" INTEGER,
    "renewalYears" INTEGER,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CourseAttempt_enrolmentId_number_key" ON "CourseAttempt"("enrolmentId", "number");

-- CreateIndex
CREATE INDEX "Requirement_courseId_idx" ON "Requirement"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Requirement_organisationId_courseId_key" ON "Requirement"("organisationId", "courseId");

-- AddForeignKey
ALTER TABLE "CourseAttempt" ADD CONSTRAINT "CourseAttempt_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (semicolons inside function bodies are spelled \073, as in the init migration).
-- Existing enrolments: their first attempt began when they enrolled.
UPDATE "Enrolment" SET "attemptStartedAt" = "enrolledAt";

-- A due rule is a date or a number of days, never both, and a renewal is 1, 2 or 3 years, or none.
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_due_rule" CHECK (
  ("dueKind" = 'BY_DATE' AND "dueOn" IS NOT NULL AND "dueDays" IS NULL)
  OR ("dueKind" = 'WITHIN_DAYS' AND "dueOn" IS NULL AND "dueDays" BETWEEN 1 AND 365));
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_renewal" CHECK ("renewalYears" IS NULL OR "renewalYears" BETWEEN 1 AND 3);
ALTER TABLE "CourseAttempt" ADD CONSTRAINT "CourseAttempt_number" CHECK ("number" >= 1);
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_attempt" CHECK ("attempt" >= 1);

-- The calendar date in England of a moment stored in UTC (every DateTime column is UTC without a zone).
CREATE FUNCTION "london_date"(at timestamp) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT ((at AT TIME ZONE ''UTC'') AT TIME ZONE ''Europe/London'')::date
';

-- A person's standing on one required course on a date: the rule of lib/requirements/status.ts
-- (requiredStatus), which tests/integration/required-status.test.ts holds this function to, case by case.
-- due: when the first attempt falls due. completed: the date of the latest completion (any attempt), or NULL.
-- renewal_years: how long a completion stays in date, NULL for ever. A completion is in date until its
-- expiry date (completed + renewal) inclusive, due soon from 30 days before it, expired after it. Never
-- completed: overdue after the due date, due soon from 30 days before it, otherwise as far as the attempt got.
CREATE FUNCTION "required_status"(due date, completed date, renewal_years int, attempt "EnrolmentStatus", today date)
RETURNS "RequiredStatus" LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT (CASE
    WHEN completed IS NOT NULL THEN CASE
      WHEN renewal_years IS NULL THEN ''COMPLETED''
      WHEN today > (completed + make_interval(years => renewal_years))::date THEN ''EXPIRED''
      WHEN today >= (completed + make_interval(years => renewal_years))::date - 30 THEN ''DUE_SOON''
      ELSE ''COMPLETED'' END
    WHEN today > due THEN ''OVERDUE''
    WHEN today >= due - 30 THEN ''DUE_SOON''
    WHEN attempt = ''IN_PROGRESS'' THEN ''IN_PROGRESS''
    ELSE ''NOT_STARTED'' END)::"RequiredStatus"
';

-- Required training, once: for each member (any role) of each given school and each course required of
-- that school (its own requirements, and those of the trust it has chosen while that trust is a Trust
-- designated Academies), the person's due date, latest completion, expiry and status on "today". A course
-- required twice takes the earlier due date and the shorter renewal. A rule "within N days" counts from the
-- later of joining the school and the requirement starting to apply to it (set, or the trust chosen).
-- Who may read this for which school is lib/access.ts's decision: callers pass only schools a scope holds.
CREATE FUNCTION "required_training"(schools uuid[], today date)
RETURNS TABLE ("schoolId" uuid, "userId" uuid, "courseId" uuid, "requiredBy" uuid[], "renewalYears" int,
               "enrolmentId" uuid, "attempt" int, "completedOn" date, "expiresOn" date, "dueOn" date,
               "status" "RequiredStatus", "inDate" boolean)
LANGUAGE sql STABLE AS E'
  SELECT a."schoolId", a."userId", a."courseId", a."requiredBy", a."renewalYears",
         e.id, e.attempt, d.completed, d.expires,
         CASE WHEN d.completed IS NULL THEN a."dueOn" ELSE d.expires END,
         required_status(a."dueOn", d.completed, a."renewalYears", e.status, today),
         d.completed IS NOT NULL AND (d.expires IS NULL OR today <= d.expires)
    FROM (SELECT s.id AS "schoolId", m."userId", r."courseId",
                 min(CASE r."dueKind" WHEN ''BY_DATE'' THEN r."dueOn"
                     ELSE london_date(GREATEST(m."createdAt", r."createdAt", CASE WHEN r."organisationId" <> s.id THEN s."trustChosenAt" END)) + r."dueDays" END) AS "dueOn",
                 min(r."renewalYears") AS "renewalYears",
                 array_agg(r."organisationId" ORDER BY r."organisationId" = s.id) AS "requiredBy"
            FROM "Organisation" s
            LEFT JOIN "Organisation" t ON t.id = s."trustId" AND t.kind = ''TRUST'' AND t.designation = ''ACADEMIES''
            JOIN "Requirement" r ON r."organisationId" IN (s.id, t.id)
            JOIN "Membership" m ON m."organisationId" = s.id
           WHERE s.id = ANY(schools) AND s.kind = ''SCHOOL''
           GROUP BY s.id, m."userId", r."courseId") a
    LEFT JOIN "Enrolment" e ON e."userId" = a."userId" AND e."courseId" = a."courseId"
    CROSS JOIN LATERAL (SELECT london_date(COALESCE(e."completedAt", e."previousCompletedAt")) AS completed) c
    CROSS JOIN LATERAL (SELECT c.completed, (c.completed + make_interval(years => a."renewalYears"))::date AS expires) d
';

-- Required training is assigned: whoever it applies to is enrolled on the course (once: an enrolment that
-- exists is kept as it is), so it is on their My Courses and in their school's progress view. When a
-- requirement is set, when someone joins a school, when a school chooses a trust, and when a trust becomes
-- Academies. A requirement removed, or a school leaving its trust, leaves the enrolments (and their progress).
CREATE FUNCTION "requirement_enrols"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "Enrolment" (id, "userId", "courseId")
  SELECT gen_random_uuid(), x."userId", x."courseId"
    FROM (SELECT DISTINCT m."userId", r."courseId"
            FROM added r
            JOIN "Organisation" o ON o.id = r."organisationId"
            JOIN "Organisation" s ON s.kind = ''SCHOOL'' AND (s.id = o.id OR (s."trustId" = o.id AND o.kind = ''TRUST'' AND o.designation = ''ACADEMIES''))
            JOIN "Membership" m ON m."organisationId" = s.id
           ORDER BY 1, 2) x
  ON CONFLICT ("userId", "courseId") DO NOTHING\073
  RETURN NULL\073
END';
CREATE TRIGGER "Requirement_enrols" AFTER INSERT ON "Requirement"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "requirement_enrols"();

CREATE FUNCTION "membership_enrols"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "Enrolment" (id, "userId", "courseId")
  SELECT gen_random_uuid(), x."userId", x."courseId"
    FROM (SELECT DISTINCT m."userId", r."courseId"
            FROM joined m
            JOIN "Organisation" s ON s.id = m."organisationId" AND s.kind = ''SCHOOL''
            LEFT JOIN "Organisation" t ON t.id = s."trustId" AND t.kind = ''TRUST'' AND t.designation = ''ACADEMIES''
            JOIN "Requirement" r ON r."organisationId" IN (s.id, t.id)
           ORDER BY 1, 2) x
  ON CONFLICT ("userId", "courseId") DO NOTHING\073
  RETURN NULL\073
END';
CREATE TRIGGER "Membership_enrols" AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS joined FOR EACH STATEMENT EXECUTE FUNCTION "membership_enrols"();

CREATE FUNCTION "organisation_enrols"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "Enrolment" (id, "userId", "courseId")
  SELECT gen_random_uuid(), x."userId", x."courseId"
    FROM (SELECT DISTINCT m."userId", r."courseId"
            FROM "Organisation" s
            JOIN "Organisation" t ON t.id = s."trustId" AND t.kind = ''TRUST'' AND t.designation = ''ACADEMIES''
            JOIN "Requirement" r ON r."organisationId" = t.id
            JOIN "Membership" m ON m."organisationId" = s.id
           WHERE s.kind = ''SCHOOL'' AND (s.id = NEW.id OR t.id = NEW.id)
           ORDER BY 1, 2) x
  ON CONFLICT ("userId", "courseId") DO NOTHING\073
  RETURN NULL\073
END';
CREATE TRIGGER "Organisation_enrols" AFTER UPDATE OF "trustId", "designation", "kind" ON "Organisation"
  FOR EACH ROW WHEN (NEW."trustId" IS DISTINCT FROM OLD."trustId" OR NEW."designation" IS DISTINCT FROM OLD."designation" OR NEW."kind" IS DISTINCT FROM OLD."kind")
  EXECUTE FUNCTION "organisation_enrols"();
