// The status table (lib/progress/status.ts) and the database's rule (enrolment_progress(), which stores each
// enrolment's status and percentage) are one definition in two halves: this holds them together.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enrolmentStatuses } from "@/lib/progress/status";
import { makeCourse, makeUser } from "./helpers";

async function enrol(lessons: number, completedLessons: number) {
  const [course, user] = await Promise.all([makeCourse(lessons), makeUser()]);
  return db.enrolment.create({ data: { userId: user.id, courseId: course.id, completedLessons }, select: { id: true, courseId: true, status: true, percent: true } });
}

describe("the status table and the database", () => {
  it("lists the statuses in the order of the PostgreSQL enum, so ORDER BY status sorts by rank", async () => {
    const rows = await db.$queryRaw<{ key: string }[]>`SELECT unnest(enum_range(NULL::"EnrolmentStatus"))::text AS key`;
    expect(rows.map((r) => r.key)).toEqual(enrolmentStatuses.map((s) => s.key));
  });

  it.each([
    [0, 5, "NOT_STARTED", 0],
    [1, 5, "IN_PROGRESS", 20],
    [2, 3, "IN_PROGRESS", 67],
    [1, 3, "IN_PROGRESS", 33],
    [199, 200, "IN_PROGRESS", 100], // rounds like Math.round, yet is not complete
    [5, 5, "COMPLETED", 100],
    [7, 5, "COMPLETED", 100],
    [0, 0, "NOT_STARTED", 0],
    [3, 0, "NOT_STARTED", 0], // a course with no lessons is never started
  ] as const)("%i of %i lessons: %s, %i%%", async (done, lessons, status, percent) => {
    const enrolment = await enrol(lessons, done);
    expect({ status: enrolment.status, percent: enrolment.percent }).toEqual({ status, percent });
  });

  it("works the status out again when completed lessons change, and ignores a status written by hand", async () => {
    const enrolment = await enrol(4, 0);
    const done = await db.enrolment.update({ where: { id: enrolment.id }, data: { completedLessons: 4 }, select: { status: true, percent: true } });
    expect(done).toEqual({ status: "COMPLETED", percent: 100 });
    const forged = await db.enrolment.update({ where: { id: enrolment.id }, data: { status: "NOT_STARTED", percent: 3 }, select: { status: true, percent: true } });
    expect(forged).toEqual({ status: "COMPLETED", percent: 100 });
  });

  it("reopens a completed course when a lesson is added, and completes it again when the lesson goes", async () => {
    const enrolment = await enrol(2, 2);
    expect(enrolment.status).toBe("COMPLETED");
    const lesson = await db.lesson.create({ data: { courseId: enrolment.courseId, position: 3, title: "Lesson 3", body: "New." } });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true, percent: true } })).toEqual({ status: "IN_PROGRESS", percent: 67 });
    await db.lesson.delete({ where: { id: lesson.id } });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { status: true, percent: true } })).toEqual({ status: "COMPLETED", percent: 100 });
  });

  it("counts a removed lesson's completions out: the progress follows what is still there", async () => {
    const course = await makeCourse(3);
    const user = await makeUser();
    const lessons = await db.lesson.findMany({ where: { courseId: course.id }, orderBy: { position: "asc" } });
    const enrolment = await db.enrolment.create({ data: { userId: user.id, courseId: course.id, completedLessons: 2 } });
    await db.lessonCompletion.createMany({ data: [lessons[0]!, lessons[2]!].map((l) => ({ enrolmentId: enrolment.id, lessonId: l.id })) });
    await db.lesson.delete({ where: { id: lessons[2]!.id } });
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { completedLessons: true, status: true, percent: true } }))
      .toEqual({ completedLessons: 1, status: "IN_PROGRESS", percent: 50 });
  });

  it("keeps a lesson in its course: moving it to another is refused", async () => {
    const [from, to] = [await makeCourse(1), await makeCourse(1)];
    const lesson = await db.lesson.findFirstOrThrow({ where: { courseId: from.id } });
    await expect(db.lesson.update({ where: { id: lesson.id }, data: { courseId: to.id, position: 2 } })).rejects.toThrow(/cannot move to another course/);
    await expect(db.lesson.update({ where: { id: lesson.id }, data: { title: "Renamed" } })).resolves.toMatchObject({ title: "Renamed" });
  });
});
