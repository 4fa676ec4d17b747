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

-- CreateTable
CREATE TABLE "RequiredAssignment" (
    "schoolId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "requiredBy" UUID[],
    "renewalYears" INTEGER,
    "firstDueOn" DATE NOT NULL,
    "enrolmentId" UUID,
    "attempt" INTEGER,
    "attemptStatus" "EnrolmentStatus",
    "completedOn" DATE,
    "expiresOn" DATE,

    CONSTRAINT "RequiredAssignment_pkey" PRIMARY KEY ("schoolId","courseId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CourseAttempt_enrolmentId_number_key" ON "CourseAttempt"("enrolmentId", "number");

-- CreateIndex
CREATE INDEX "Requirement_courseId_idx" ON "Requirement"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Requirement_organisationId_courseId_key" ON "Requirement"("organisationId", "courseId");

-- CreateIndex
CREATE INDEX "RequiredAssignment_userId_idx" ON "RequiredAssignment"("userId");

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
-- expires: the last day that completion is in date, NULL for ever. Due soon from 30 days before the expiry,
-- expired after it. Never completed: overdue after the due date, due soon from 30 days before it, otherwise as
-- far as the attempt got. Called with plain columns, so PostgreSQL inlines it (STABLE, not IMMUTABLE: reading an
-- enum label is stable, and a function declared stricter than its body is never inlined).
CREATE FUNCTION "required_status"(due date, completed date, expires date, attempt "EnrolmentStatus", today date)
RETURNS "RequiredStatus" LANGUAGE sql STABLE PARALLEL SAFE AS E'
  SELECT (CASE
    WHEN completed IS NOT NULL THEN CASE
      WHEN expires IS NULL THEN ''COMPLETED''
      WHEN today > expires THEN ''EXPIRED''
      WHEN today >= expires - 30 THEN ''DUE_SOON''
      ELSE ''COMPLETED'' END
    WHEN today > due THEN ''OVERDUE''
    WHEN today >= due - 30 THEN ''DUE_SOON''
    WHEN attempt = ''IN_PROGRESS'' THEN ''IN_PROGRESS''
    ELSE ''NOT_STARTED'' END)::"RequiredStatus"
';

-- Who must do what, worked out from scratch: for each member (any role) of each school and each course
-- required of that school (its own requirements, and those of the trust it has chosen while that trust is a
-- Trust designated Academies), when the first attempt falls due and the latest completion. A course required
-- twice takes the earlier due date and the shorter renewal. A rule "within N days" counts from the later of
-- joining the school and the requirement starting to apply to it (set, or the trust chosen). The triggers
-- below keep "RequiredAssignment" equal to this view, a few people at a time.
CREATE VIEW "required_assignment_source" AS
  SELECT a."schoolId", a."userId", a."courseId", a."requiredBy", a."renewalYears", a."firstDueOn",
         e.id AS "enrolmentId", e.attempt, e.status AS "attemptStatus", c.completed AS "completedOn",
         (c.completed + make_interval(years => a."renewalYears"))::date AS "expiresOn"
    FROM (SELECT s.id AS "schoolId", m."userId", r."courseId",
                 min(CASE r."dueKind" WHEN 'BY_DATE' THEN r."dueOn"
                     ELSE london_date(GREATEST(m."createdAt", r."createdAt", CASE WHEN r."organisationId" <> s.id THEN s."trustChosenAt" END)) + r."dueDays" END) AS "firstDueOn",
                 min(r."renewalYears") AS "renewalYears",
                 array_agg(r."organisationId" ORDER BY r."organisationId" = s.id, r."organisationId") AS "requiredBy"
            FROM "Organisation" s
            LEFT JOIN "Organisation" t ON t.id = s."trustId" AND t.kind = 'TRUST' AND t.designation = 'ACADEMIES'
            JOIN "Requirement" r ON r."organisationId" IN (s.id, t.id)
            JOIN "Membership" m ON m."organisationId" = s.id
           WHERE s.kind = 'SCHOOL'
           GROUP BY s.id, m."userId", r."courseId") a
    LEFT JOIN "Enrolment" e ON e."userId" = a."userId" AND e."courseId" = a."courseId"
    CROSS JOIN LATERAL (SELECT london_date(COALESCE(e."completedAt", e."previousCompletedAt")) AS completed) c;

-- Required training on a date, for the given schools: one row per (school, member, required course) with the
-- dates that matter and the status, read from "RequiredAssignment" (a trust of 60 schools is one index range
-- per school, never its enrolments). "dueOn" is the first due date until a completion, then its expiry.
-- Who may read this for which school is lib/access.ts's decision: callers pass only schools a scope holds.
CREATE FUNCTION "required_training"(schools uuid[], today date)
RETURNS TABLE ("schoolId" uuid, "userId" uuid, "courseId" uuid, "requiredBy" uuid[], "renewalYears" int,
               "enrolmentId" uuid, "attempt" int, "completedOn" date, "expiresOn" date, "dueOn" date,
               "status" "RequiredStatus", "inDate" boolean)
LANGUAGE sql STABLE AS E'
  SELECT ra."schoolId", ra."userId", ra."courseId", ra."requiredBy", ra."renewalYears",
         ra."enrolmentId", ra.attempt, ra."completedOn", ra."expiresOn",
         CASE WHEN ra."completedOn" IS NULL THEN ra."firstDueOn" ELSE ra."expiresOn" END,
         required_status(ra."firstDueOn", ra."completedOn", ra."expiresOn", ra."attemptStatus", today),
         ra."completedOn" IS NOT NULL AND (ra."expiresOn" IS NULL OR today <= ra."expiresOn")
    FROM "RequiredAssignment" ra
   WHERE ra."schoolId" = ANY(schools)
';

-- Brings the people's rows of "RequiredAssignment" up to date: the people locked in id order first (as the
-- progress tally does, so the two never deadlock and a concurrent change is read once it has committed), then
-- their rows replaced by the view's, in one statement each.
CREATE FUNCTION "required_refresh_people"(people uuid[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  IF people IS NULL OR cardinality(people) = 0 THEN RETURN\073 END IF\073
  PERFORM progress_lock_people(people)\073
  DELETE FROM "RequiredAssignment" WHERE "userId" = ANY(people)\073
  INSERT INTO "RequiredAssignment" ("schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn",
                                    "enrolmentId", "attempt", "attemptStatus", "completedOn", "expiresOn")
  SELECT "schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn",
         "enrolmentId", "attempt", "attemptStatus", "completedOn", "expiresOn"
    FROM required_assignment_source WHERE "userId" = ANY(people)
   ORDER BY "schoolId", "courseId", "userId"\073
END';

-- The people of the given schools (and anyone with rows there still), whose rows a change of the schools'
-- rules refreshes.
CREATE FUNCTION "required_people_of"(schools uuid[]) RETURNS uuid[] LANGUAGE sql STABLE AS E'
  SELECT ARRAY(SELECT "userId" FROM "Membership" WHERE "organisationId" = ANY(schools)
               UNION SELECT "userId" FROM "RequiredAssignment" WHERE "schoolId" = ANY(schools))
';

-- Keeping "RequiredAssignment" exact, with the progress tally's lock order (migration progress_tally): a
-- statement changes its rows first, then locks its people, in id order, in one go, then writes the figures.
-- These triggers add: (1) an organisation whose rules change (a requirement set, changed or removed, a trust
-- chosen or left, a designation changed) is locked before any person, and (2) they never change a row of
-- Enrolment or Membership themselves once they hold people (enrolling people on their required training is
-- the app's next statement, lib/requirements/assign.ts, a statement like any other). The triggers on
-- Membership and Enrolment are named "<table>_training_…" so that they fire after the tally's ("<table>_tally_…")
-- and "<table>_lock_people_…" first: PostgreSQL fires a table's triggers for one event in name order.

-- One lock batch per statement: a change to memberships or enrolments locks everyone in it, in id order,
-- before the tally's triggers and these run. The later triggers then lock only people already held (the tally
-- alone locks only people whose figures change, these triggers people whose required training might).
CREATE FUNCTION "lock_changed_people"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    PERFORM progress_lock_people(ARRAY(SELECT DISTINCT "userId" FROM new_rows))\073
  ELSIF TG_OP = ''UPDATE'' THEN
    PERFORM progress_lock_people(ARRAY(SELECT "userId" FROM old_rows UNION SELECT "userId" FROM new_rows))\073
  ELSE
    PERFORM progress_lock_people(ARRAY(SELECT DISTINCT "userId" FROM old_rows))\073
  END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER "Enrolment_lock_people_added" AFTER INSERT ON "Enrolment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lock_changed_people"();
CREATE TRIGGER "Enrolment_lock_people_changed" AFTER UPDATE ON "Enrolment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lock_changed_people"();
CREATE TRIGGER "Enrolment_lock_people_removed" AFTER DELETE ON "Enrolment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "lock_changed_people"();
CREATE TRIGGER "Membership_lock_people_added" AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lock_changed_people"();
CREATE TRIGGER "Membership_lock_people_changed" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "lock_changed_people"();
CREATE TRIGGER "Membership_lock_people_removed" AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "lock_changed_people"();

-- A requirement set, changed or removed: the people of the schools concerned (its school, or every school that
-- chose its trust), locked in one go, then their rows refreshed.
CREATE FUNCTION "requirement_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  owners uuid[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    owners := ARRAY(SELECT DISTINCT "organisationId" FROM new_rows)\073
  ELSIF TG_OP = ''UPDATE'' THEN
    -- Only rows whose rule changed (not, say, createdById set to NULL as its author is deleted).
    owners := ARRAY(SELECT n."organisationId" FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE (n."organisationId", n."courseId", n."dueKind", n."dueOn", n."dueDays", n."renewalYears")
                           IS DISTINCT FROM (o."organisationId", o."courseId", o."dueKind", o."dueOn", o."dueDays", o."renewalYears")
                    UNION
                    SELECT o."organisationId" FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE (n."organisationId", n."courseId", n."dueKind", n."dueOn", n."dueDays", n."renewalYears")
                           IS DISTINCT FROM (o."organisationId", o."courseId", o."dueKind", o."dueOn", o."dueDays", o."renewalYears"))\073
    IF cardinality(owners) = 0 THEN RETURN NULL\073 END IF\073
  ELSE
    owners := ARRAY(SELECT DISTINCT "organisationId" FROM old_rows)\073
  END IF\073
  PERFORM required_refresh_people(required_people_of(ARRAY(
    SELECT s.id FROM "Organisation" s WHERE s.id = ANY(owners) OR s."trustId" = ANY(owners))))\073
  RETURN NULL\073
END';
CREATE TRIGGER "Requirement_added" AFTER INSERT ON "Requirement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "requirement_changed"();
CREATE TRIGGER "Requirement_changed" AFTER UPDATE ON "Requirement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "requirement_changed"();
CREATE TRIGGER "Requirement_removed" AFTER DELETE ON "Requirement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "requirement_changed"();
-- A requirement's organisation is locked FOR UPDATE before its row is written (and before the foreign key's
-- KEY SHARE on it): two changes of one organisation's rules queue here instead of each upgrading a shared lock
-- the other holds, and a joiner (FOR SHARE, below) waits for the change to commit, and the change for it.
CREATE FUNCTION "requirement_locks_organisation"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' AND (NEW."organisationId", NEW."courseId", NEW."dueKind", NEW."dueOn", NEW."dueDays", NEW."renewalYears")
                           IS NOT DISTINCT FROM (OLD."organisationId", OLD."courseId", OLD."dueKind", OLD."dueOn", OLD."dueDays", OLD."renewalYears") THEN
    RETURN NEW\073 -- no rule changed (its author deleted, say): nothing to lock or refresh
  END IF\073
  IF TG_OP = ''DELETE'' THEN
    PERFORM 1 FROM "Organisation" WHERE id = OLD."organisationId" FOR UPDATE\073
    RETURN OLD\073
  END IF\073
  PERFORM 1 FROM "Organisation" WHERE id = NEW."organisationId" FOR UPDATE\073
  RETURN NEW\073
END';
CREATE TRIGGER "Requirement_locks_organisation" BEFORE INSERT OR UPDATE OR DELETE ON "Requirement"
  FOR EACH ROW EXECUTE FUNCTION "requirement_locks_organisation"();

-- Whoever joins a school reads its rules (the school's and its trust's requirements, the trust chosen, the
-- trust's designation) only after any change to them has committed, and a change to them waits for joiners to
-- commit: a membership locks the school and its trust FOR SHARE before its row is written, which conflicts with
-- an update of the school's or the trust's row and with a requirement change (FOR UPDATE, above). Without it, a
-- person joining while a requirement is set would be missed by both (each reading the other's world before it
-- committed). Organisations come before people here too.
CREATE FUNCTION "membership_locks_rules"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  chosen uuid\073
BEGIN
  SELECT "trustId" INTO chosen FROM "Organisation" WHERE id = NEW."organisationId" FOR SHARE\073
  IF chosen IS NOT NULL THEN
    PERFORM 1 FROM "Organisation" WHERE id = chosen FOR SHARE\073
  END IF\073
  RETURN NEW\073
END';
CREATE TRIGGER "Membership_training_locks" BEFORE INSERT OR UPDATE OF "organisationId" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION "membership_locks_rules"();

-- A membership or an enrolment changed: those people's rows again (already locked by "<table>_lock_people_…").
CREATE FUNCTION "required_people_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    PERFORM required_refresh_people(ARRAY(SELECT DISTINCT "userId" FROM old_rows))\073
  ELSIF TG_OP = ''UPDATE'' THEN
    PERFORM required_refresh_people(ARRAY(SELECT "userId" FROM old_rows UNION SELECT "userId" FROM new_rows))\073
  ELSE
    PERFORM required_refresh_people(ARRAY(SELECT DISTINCT "userId" FROM new_rows))\073
  END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER "Membership_training_joined" AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "required_people_changed"();
CREATE TRIGGER "Membership_training_left" AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "required_people_changed"();
CREATE TRIGGER "Membership_training_changed" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "required_people_changed"();
-- Only enrolments on a course someone is required to do matter: a lesson completed elsewhere costs one lookup.
CREATE FUNCTION "required_enrolments_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''DELETE'' THEN
    PERFORM required_refresh_people(ARRAY(SELECT DISTINCT o."userId" FROM old_rows o WHERE EXISTS (SELECT 1 FROM "RequiredAssignment" ra WHERE ra."userId" = o."userId" AND ra."courseId" = o."courseId")))\073
  ELSIF TG_OP = ''UPDATE'' THEN
    PERFORM required_refresh_people(ARRAY(SELECT x."userId" FROM (SELECT "userId", "courseId" FROM old_rows UNION SELECT "userId", "courseId" FROM new_rows) x
      WHERE EXISTS (SELECT 1 FROM "RequiredAssignment" ra WHERE ra."userId" = x."userId" AND ra."courseId" = x."courseId")))\073
  ELSE
    PERFORM required_refresh_people(ARRAY(SELECT DISTINCT n."userId" FROM new_rows n WHERE EXISTS (SELECT 1 FROM "RequiredAssignment" ra WHERE ra."userId" = n."userId" AND ra."courseId" = n."courseId")))\073
  END IF\073
  RETURN NULL\073
END';
CREATE TRIGGER "Enrolment_training_added" AFTER INSERT ON "Enrolment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "required_enrolments_changed"();
CREATE TRIGGER "Enrolment_training_changed" AFTER UPDATE ON "Enrolment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "required_enrolments_changed"();
CREATE TRIGGER "Enrolment_training_removed" AFTER DELETE ON "Enrolment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "required_enrolments_changed"();

-- A school choosing or leaving a trust, a trust's designation or an organisation's kind changing: the trust
-- chosen is locked (before any person: its foreign-key check would otherwise come after them, while a
-- requirement being set by that trust holds it and waits for the same people), then the schools' people.
CREATE FUNCTION "organisation_required_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."trustId" IS NOT NULL THEN
    PERFORM 1 FROM "Organisation" WHERE id = NEW."trustId" FOR SHARE\073
  END IF\073
  PERFORM required_refresh_people(required_people_of(ARRAY(
    SELECT id FROM "Organisation" WHERE id = NEW.id OR "trustId" = NEW.id OR id = OLD.id OR "trustId" = OLD.id)))\073
  RETURN NULL\073
END';
CREATE TRIGGER "Organisation_required_changed" AFTER UPDATE OF "trustId", "trustChosenAt", "designation", "kind" ON "Organisation"
  FOR EACH ROW WHEN (NEW."trustId" IS DISTINCT FROM OLD."trustId" OR NEW."trustChosenAt" IS DISTINCT FROM OLD."trustChosenAt"
                     OR NEW."designation" IS DISTINCT FROM OLD."designation" OR NEW."kind" IS DISTINCT FROM OLD."kind")
  EXECUTE FUNCTION "organisation_required_changed"();

-- A deletion's cascades change many people's rows in several statements (memberships, then a school's trust
-- or a person's current organisation set to NULL, then requirements): everyone they will touch is locked first,
-- in one go, by a BEFORE DELETE trigger named to fire before the tally's ("<table>_lock_people_…").
CREATE FUNCTION "organisation_deleted_locks_people"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  -- A trust: the schools that chose it (their choice is set to NULL by cascade) before any person.
  PERFORM 1 FROM "Organisation" WHERE "trustId" = OLD.id ORDER BY id FOR UPDATE\073
  PERFORM progress_lock_people(ARRAY(
    SELECT "userId" FROM "Membership" WHERE "organisationId" = OLD.id
    UNION SELECT id FROM "User" WHERE "currentOrganisationId" = OLD.id
    UNION SELECT unnest(required_people_of(ARRAY(SELECT id FROM "Organisation" WHERE id = OLD.id OR "trustId" = OLD.id)))))\073
  RETURN OLD\073
END';
CREATE TRIGGER "Organisation_lock_people_deleted" BEFORE DELETE ON "Organisation" FOR EACH ROW EXECUTE FUNCTION "organisation_deleted_locks_people"();
CREATE FUNCTION "course_deleted_locks_people"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  -- The organisations requiring it (its requirements go by cascade), then the people, then its own rows.
  PERFORM 1 FROM "Organisation" WHERE id IN (SELECT "organisationId" FROM "Requirement" WHERE "courseId" = OLD.id) ORDER BY id FOR UPDATE\073
  PERFORM progress_lock_people(ARRAY(
    SELECT "userId" FROM "Enrolment" WHERE "courseId" = OLD.id
    UNION SELECT unnest(required_people_of(ARRAY(
      SELECT s.id FROM "Requirement" r JOIN "Organisation" s ON s.id = r."organisationId" OR s."trustId" = r."organisationId"
       WHERE r."courseId" = OLD.id)))))\073
  DELETE FROM "RequiredAssignment" WHERE "courseId" = OLD.id\073
  RETURN OLD\073
END';
CREATE TRIGGER "Course_lock_people_deleted" BEFORE DELETE ON "Course" FOR EACH ROW EXECUTE FUNCTION "course_deleted_locks_people"();

