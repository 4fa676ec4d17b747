-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "percent" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "status" "EnrolmentStatus" NOT NULL DEFAULT 'NOT_STARTED';

-- AlterTable
ALTER TABLE "SignInAttempt" DROP COLUMN "succeeded";

-- Hand-written (semicolons inside function bodies are spelled \073, as in the init migration).
-- An enrolment's status and percentage, worked out here and nowhere else (lib/progress/status.ts holds the
-- labels): completed lessons against the course's lessons now. A course with no lessons is not started.
CREATE FUNCTION "enrolment_progress"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  lessons int\073
BEGIN
  SELECT count(*) INTO lessons FROM "Lesson" WHERE "courseId" = NEW."courseId"\073
  IF lessons = 0 OR NEW."completedLessons" <= 0 THEN
    NEW."status" := ''NOT_STARTED''\073
    NEW."percent" := 0\073
  ELSIF NEW."completedLessons" >= lessons THEN
    NEW."status" := ''COMPLETED''\073
    NEW."percent" := 100\073
  ELSE
    NEW."status" := ''IN_PROGRESS''\073
    NEW."percent" := round(100.0 * NEW."completedLessons" / lessons)\073
  END IF\073
  RETURN NEW\073
END';
CREATE TRIGGER "Enrolment_progress" BEFORE INSERT OR UPDATE OF "completedLessons", "courseId", "status", "percent" ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION "enrolment_progress"();

-- A lesson added to or taken from a course changes every enrolment's progress on it.
CREATE FUNCTION "lesson_changes_progress"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Enrolment" SET "completedLessons" = "completedLessons"
   WHERE "courseId" IN (SELECT "courseId" FROM changed_lessons)\073
  RETURN NULL\073
END';
CREATE TRIGGER "Lesson_added_changes_progress" AFTER INSERT ON "Lesson"
  REFERENCING NEW TABLE AS changed_lessons FOR EACH STATEMENT EXECUTE FUNCTION "lesson_changes_progress"();
CREATE TRIGGER "Lesson_removed_changes_progress" AFTER DELETE ON "Lesson"
  REFERENCING OLD TABLE AS changed_lessons FOR EACH STATEMENT EXECUTE FUNCTION "lesson_changes_progress"();
-- A lesson stays in its course: moving it would leave its completions on enrolments of the other course.
CREATE FUNCTION "lesson_stays_in_course"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''A lesson cannot move to another course: add it there and remove it here'' USING ERRCODE = ''23514''\073
END';
CREATE TRIGGER "Lesson_stays_in_course" BEFORE UPDATE OF "courseId" ON "Lesson"
  FOR EACH ROW WHEN (NEW."courseId" IS DISTINCT FROM OLD."courseId") EXECUTE FUNCTION "lesson_stays_in_course"();

-- A completion removed (its lesson removed from the course, or the row deleted by hand) is counted out of
-- its enrolment, which works its progress out again. The app adds completions and counts them in itself
-- (lib/courses.ts completeLesson), in the same transaction.
CREATE FUNCTION "completion_removed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Enrolment" e SET "completedLessons" = GREATEST(0, e."completedLessons" - d.n)
    FROM (SELECT "enrolmentId", count(*)::int AS n FROM removed GROUP BY "enrolmentId") d
   WHERE e.id = d."enrolmentId"\073
  RETURN NULL\073
END';
CREATE TRIGGER "LessonCompletion_removed" AFTER DELETE ON "LessonCompletion"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "completion_removed"();

-- Existing enrolments: worked out once by the same function.
UPDATE "Enrolment" SET "completedLessons" = "completedLessons";
