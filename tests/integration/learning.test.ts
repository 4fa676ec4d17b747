import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { completeLesson, enrolOnCourse, getCourseForViewer, listCatalogue } from "@/lib/courses";
import { db } from "@/lib/db";
import { listMyEnrolments } from "@/lib/enrolments";
import { makeCourse, makeOrganisation, makeUser } from "./helpers";

async function enrolment(userId: string, courseId: string) {
  return db.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId, courseId } } });
}

describe("learning a course", () => {
  it("lists the catalogue with lesson counts and the viewer's own progress", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(4);
    await enrolOnCourse(user.id, course.slug);
    await completeLesson(user.id, course.slug, 1);
    const catalogue = await listCatalogue(user.id);
    expect(catalogue.length).toBeGreaterThanOrEqual(7);
    const mine = catalogue.find((c) => c.slug === course.slug)!;
    expect(mine).toMatchObject({ lessonCount: 4, progress: { percent: 25, status: "IN_PROGRESS" } });
    expect(catalogue.find((c) => c.slug === "prevent-duty")!.progress).toBeNull();
  });

  it("enrols once: enrolling again changes nothing", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(3);
    expect(await enrolOnCourse(user.id, course.slug)).toEqual({ created: true });
    expect(await enrolOnCourse(user.id, course.slug)).toEqual({ created: false });
    expect(await db.enrolment.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "course.enrolled" } })).toBe(1);
    await expect(enrolOnCourse(user.id, "no-such-course")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("works out progress from completed lessons, with the dates of activity and completion", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(3);
    await enrolOnCourse(user.id, course.slug);
    let mine = await getCourseForViewer(user.id, course.slug);
    expect(mine!.enrolment).toMatchObject({ percent: 0, status: "NOT_STARTED", lastActivityAt: null, completedAt: null, nextPosition: 1 });

    await completeLesson(user.id, course.slug, 2); // out of order is fine
    mine = await getCourseForViewer(user.id, course.slug);
    expect(mine!.enrolment).toMatchObject({ percent: 33, status: "IN_PROGRESS", completedAt: null, nextPosition: 1 });
    expect(mine!.enrolment!.lastActivityAt).toBeInstanceOf(Date);
    expect(mine!.lessons.map((l) => l.completed)).toEqual([false, true, false]);

    await completeLesson(user.id, course.slug, 1);
    expect(await completeLesson(user.id, course.slug, 3)).toEqual({ changed: true, courseCompleted: true });
    mine = await getCourseForViewer(user.id, course.slug);
    expect(mine!.enrolment).toMatchObject({ percent: 100, status: "COMPLETED", completedLessons: 3 });
    expect(mine!.enrolment!.completedAt).toBeInstanceOf(Date);

    const [listed] = await listMyEnrolments(user.id);
    expect(listed).toMatchObject({ courseSlug: course.slug, percent: 100, status: "COMPLETED", lessonCount: 3, nextPosition: 1 });
  });

  it("changes nothing when a lesson is completed twice, even at the same moment", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(4);
    await enrolOnCourse(user.id, course.slug);
    const results = await Promise.all([1, 2, 3].map(() => completeLesson(user.id, course.slug, 1)));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    const first = await enrolment(user.id, course.id);
    expect(first.completedLessons).toBe(1);

    expect(await completeLesson(user.id, course.slug, 1)).toEqual({ changed: false, courseCompleted: false });
    const again = await enrolment(user.id, course.id);
    expect(again).toEqual(first); // not even the last activity moves
    expect(await db.lessonCompletion.count({ where: { enrolmentId: first.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "lesson.completed" } })).toBe(1);
  });

  it("counts different lessons completed at the same moment, and completes the course once", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(5);
    await enrolOnCourse(user.id, course.slug);
    await Promise.all([1, 2, 3, 4, 5].map((position) => completeLesson(user.id, course.slug, position)));
    const row = await enrolment(user.id, course.id);
    expect(row.completedLessons).toBe(5);
    expect(await db.lessonCompletion.count({ where: { enrolmentId: row.id } })).toBe(5);
    expect(row.completedAt).not.toBeNull();
  });

  it("changes nothing for a lesson of a course the person is not enrolled on, or a lesson that does not exist", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(3);
    await expect(completeLesson(user.id, course.slug, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.enrolment.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.lessonCompletion.count({ where: { lesson: { courseId: course.id } } })).toBe(0);

    await enrolOnCourse(user.id, course.slug);
    await expect(completeLesson(user.id, course.slug, 4)).rejects.toBeInstanceOf(NotFoundError);
    await expect(completeLesson(user.id, "no-such-course", 1)).rejects.toBeInstanceOf(NotFoundError);
    expect((await enrolment(user.id, course.id)).completedLessons).toBe(0);

    // Another person's enrolment on the same course is untouched by this person's completions.
    const other = await makeUser((await makeOrganisation()).id);
    await enrolOnCourse(other.id, course.slug);
    await completeLesson(user.id, course.slug, 1);
    expect((await enrolment(other.id, course.id)).completedLessons).toBe(0);
  });
});
