-- CreateTable
CREATE TABLE "ProgressTally" (
    "schoolId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "status" "EnrolmentStatus" NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,
    "lastActivityAt" TIMESTAMP(3),

    CONSTRAINT "ProgressTally_pkey" PRIMARY KEY ("schoolId","courseId","status")
);

-- CreateIndex
CREATE INDEX "ProgressTally_courseId_idx" ON "ProgressTally"("courseId");

-- No foreign keys, on purpose: a foreign-key check on a new tally row locks the school's (or the course's)
-- row after the triggers below have locked the people, the reverse of a deletion's order (the school's row,
-- then its people), which could deadlock a lesson completed while its school is deleted. A deleted school or
-- course takes its tally rows away itself (the BEFORE DELETE triggers at the end).

-- Hand-written (semicolons inside function bodies are spelled \073, as in the init migration).
-- The tally is the trust overview's only source: for each (school, course, status), the enrolments of the
-- school's members (every role) and their latest activity. It is kept by these triggers in the same
-- transaction as each change, so every write path (the app, seeds, the console, a cascade) keeps it exact.
-- Issue 13 (required training) adds statuses that depend on today's date: those are not stored here. A due
-- date would join the key as a column (the day an enrolment falls due, or NULL), and the overview would
-- classify each row as due soon, overdue or expired at read time, so the tally never goes stale overnight.

-- One person's enrolment seen from one school, counted in (+1) or out (-1).
CREATE TYPE "progress_pair" AS (school_id uuid, course_id uuid, status "EnrolmentStatus", activity timestamp(3), sign int);
-- A change on one side of Membership x Enrolment: (person, course or school, status, activity, sign).
CREATE TYPE "progress_change" AS (user_id uuid, other_id uuid, status "EnrolmentStatus", activity timestamp(3), sign int);

-- Locks the people whose enrolments or memberships change, in id order, before the other side is read.
-- Without it an enrolment and a membership of the same person changing at once would each miss the other
-- (each reads the other table without the other's uncommitted row). With it, the second to lock reads in a
-- new snapshot (READ COMMITTED) that holds the first one's committed change. FOR NO KEY UPDATE does not
-- block foreign-key checks (FOR KEY SHARE) on User. This relies on READ COMMITTED (the app's isolation
-- everywhere): a REPEATABLE READ writer would read the other side in its first snapshot.
CREATE FUNCTION "progress_lock_people"(people uuid[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM 1 FROM "User" WHERE id = ANY(people) ORDER BY id FOR NO KEY UPDATE\073
END';

-- Applies pairs to the tally: summed per (school, course, status) and written by ONE statement in key order,
-- so concurrent transactions lock tally rows in the same order (no deadlock between two of them). Rows are
-- never deleted (a zero stays), so there is no insert/delete race. A school or course being deleted
-- (a cascade) has nothing left to count. The latest activity is raised with GREATEST, and recomputed from
-- scratch, in a later statement (a new snapshot, with the rows already locked), for a group whose leaving
-- enrolment held it: one school's members on one course, a small read.
CREATE FUNCTION "progress_tally_apply"(pairs "progress_pair"[]) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  lowered "progress_pair"[]\073
BEGIN
  WITH deltas AS (
    SELECT p.school_id, p.course_id, p.status, sum(p.sign)::int AS n,
           max(p.activity) FILTER (WHERE p.sign > 0) AS raised, max(p.activity) FILTER (WHERE p.sign < 0) AS lowered
      FROM unnest(pairs) p
     WHERE EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = p.school_id)
       AND EXISTS (SELECT 1 FROM "Course" c WHERE c.id = p.course_id)
     GROUP BY p.school_id, p.course_id, p.status
  ), written AS (
    INSERT INTO "ProgressTally" AS t ("schoolId", "courseId", status, enrolments, "lastActivityAt")
    SELECT school_id, course_id, status, n, raised FROM deltas ORDER BY school_id, course_id, status
        ON CONFLICT ("schoolId", "courseId", status) DO UPDATE
       SET enrolments = t.enrolments + excluded.enrolments,
           "lastActivityAt" = GREATEST(t."lastActivityAt", excluded."lastActivityAt")
    RETURNING t."schoolId", t."courseId", t.status, t."lastActivityAt"
  )
  SELECT ARRAY(SELECT ROW(w."schoolId", w."courseId", w.status, NULL, 0)::"progress_pair"
                 FROM written w JOIN deltas d ON (d.school_id, d.course_id, d.status) = (w."schoolId", w."courseId", w.status)
                WHERE d.lowered IS NOT NULL AND (w."lastActivityAt" IS NULL OR w."lastActivityAt" <= d.lowered))
    INTO lowered\073
  IF cardinality(lowered) = 0 THEN
    RETURN\073
  END IF\073
  UPDATE "ProgressTally" t
     SET "lastActivityAt" = (SELECT max(e."lastActivityAt")
                               FROM "Membership" m JOIN "Enrolment" e ON e."userId" = m."userId" AND e."courseId" = t."courseId"
                              WHERE m."organisationId" = t."schoolId" AND e.status = t.status)
    FROM unnest(lowered) g
   WHERE (t."schoolId", t."courseId", t.status) = (g.school_id, g.course_id, g.status)\073
END';

-- Enrolment side: the changed enrolments against the members of every school at this moment.
-- An UPDATE counts only enrolments whose person, course, status or activity changed (the BEFORE trigger
-- "Enrolment_progress" has already set the status).
CREATE FUNCTION "progress_tally_enrolments"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  changes "progress_change"[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    changes := ARRAY(SELECT ROW(n."userId", n."courseId", n.status, n."lastActivityAt", 1)::"progress_change" FROM new_rows n)\073
  ELSIF TG_OP = ''DELETE'' THEN
    changes := ARRAY(SELECT ROW(o."userId", o."courseId", o.status, o."lastActivityAt", -1)::"progress_change" FROM old_rows o)\073
  ELSE
    changes := ARRAY(
      SELECT ROW(x.user_id, x.course_id, x.status, x.activity, x.sign)::"progress_change"
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       CROSS JOIN LATERAL (VALUES (o."userId", o."courseId", o.status, o."lastActivityAt", -1),
                                  (n."userId", n."courseId", n.status, n."lastActivityAt", 1)) x(user_id, course_id, status, activity, sign)
       WHERE (o."userId", o."courseId", o.status, o."lastActivityAt") IS DISTINCT FROM (n."userId", n."courseId", n.status, n."lastActivityAt"))\073
  END IF\073
  IF cardinality(changes) = 0 THEN
    RETURN NULL\073
  END IF\073
  PERFORM "progress_lock_people"(ARRAY(SELECT DISTINCT c.user_id FROM unnest(changes) c))\073
  PERFORM "progress_tally_apply"(ARRAY(
    SELECT ROW(m."organisationId", c.other_id, c.status, c.activity, c.sign)::"progress_pair"
      FROM unnest(changes) c JOIN "Membership" m ON m."userId" = c.user_id))\073
  RETURN NULL\073
END';

-- Membership side: the changed memberships against the person's enrolments at this moment. A role change
-- changes nothing here, and a school changing trust needs nothing (the overview picks its schools by the
-- access rule when it reads).
CREATE FUNCTION "progress_tally_memberships"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  changes "progress_change"[]\073
BEGIN
  IF TG_OP = ''INSERT'' THEN
    changes := ARRAY(SELECT ROW(n."userId", n."organisationId", NULL, NULL, 1)::"progress_change" FROM new_rows n)\073
  ELSIF TG_OP = ''DELETE'' THEN
    changes := ARRAY(SELECT ROW(o."userId", o."organisationId", NULL, NULL, -1)::"progress_change" FROM old_rows o)\073
  ELSE
    changes := ARRAY(
      SELECT ROW(x.user_id, x.school_id, NULL, NULL, x.sign)::"progress_change"
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       CROSS JOIN LATERAL (VALUES (o."userId", o."organisationId", -1), (n."userId", n."organisationId", 1)) x(user_id, school_id, sign)
       WHERE (o."userId", o."organisationId") IS DISTINCT FROM (n."userId", n."organisationId"))\073
  END IF\073
  IF cardinality(changes) = 0 THEN
    RETURN NULL\073
  END IF\073
  PERFORM "progress_lock_people"(ARRAY(SELECT DISTINCT c.user_id FROM unnest(changes) c))\073
  PERFORM "progress_tally_apply"(ARRAY(
    SELECT ROW(c.other_id, e."courseId", e.status, e."lastActivityAt", c.sign)::"progress_pair"
      FROM unnest(changes) c JOIN "Enrolment" e ON e."userId" = c.user_id))\073
  RETURN NULL\073
END';

-- Statement-level with transition tables, so a bulk insert (a seed, the benchmark's data) is one pass.
-- PostgreSQL allows no column list on a trigger with transition tables: the functions skip rows whose
-- counted columns did not change.
CREATE TRIGGER "Enrolment_tally_inserted" AFTER INSERT ON "Enrolment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_tally_enrolments"();
CREATE TRIGGER "Enrolment_tally_updated" AFTER UPDATE ON "Enrolment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_tally_enrolments"();
CREATE TRIGGER "Enrolment_tally_deleted" AFTER DELETE ON "Enrolment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_tally_enrolments"();
CREATE TRIGGER "Membership_tally_inserted" AFTER INSERT ON "Membership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_tally_memberships"();
CREATE TRIGGER "Membership_tally_updated" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_tally_memberships"();
CREATE TRIGGER "Membership_tally_deleted" AFTER DELETE ON "Membership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "progress_tally_memberships"();

-- A person deleted: foreign-key cascades queue their AFTER triggers to the end of the outer DELETE, by
-- which time both the person's memberships and enrolments are gone and neither side finds the other to
-- count out. Their memberships are deleted first, by a statement of their own (whose triggers fire at its
-- end, with the enrolments still there).
CREATE FUNCTION "progress_tally_person_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "Membership" WHERE "userId" = OLD.id\073
  RETURN OLD\073
END';
CREATE TRIGGER "User_tally_deleted" BEFORE DELETE ON "User" FOR EACH ROW EXECUTE FUNCTION "progress_tally_person_deleted"();

-- An organisation deleted: its memberships go first, by a statement of their own (counted out while the
-- organisation still exists), then its tally rows. A course deleted: its enrolments first, then its rows.
CREATE FUNCTION "progress_tally_organisation_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "Membership" WHERE "organisationId" = OLD.id\073
  DELETE FROM "ProgressTally" WHERE "schoolId" = OLD.id\073
  RETURN OLD\073
END';
CREATE TRIGGER "Organisation_tally_deleted" BEFORE DELETE ON "Organisation" FOR EACH ROW EXECUTE FUNCTION "progress_tally_organisation_deleted"();
CREATE FUNCTION "progress_tally_course_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "Enrolment" WHERE "courseId" = OLD.id\073
  DELETE FROM "ProgressTally" WHERE "courseId" = OLD.id\073
  RETURN OLD\073
END';
CREATE TRIGGER "Course_tally_deleted" BEFORE DELETE ON "Course" FOR EACH ROW EXECUTE FUNCTION "progress_tally_course_deleted"();

-- The figures of the rows already there, once.
INSERT INTO "ProgressTally" ("schoolId", "courseId", status, enrolments, "lastActivityAt")
SELECT m."organisationId", e."courseId", e.status, count(*), max(e."lastActivityAt")
  FROM "Membership" m JOIN "Enrolment" e ON e."userId" = m."userId"
 GROUP BY m."organisationId", e."courseId", e.status;
