import "server-only";
import { cache } from "react";
import { NotFoundError } from "./errors";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";

/** What every view of a course shows about it. */
const courseFacts = { slug: true, title: true, summary: true, category: true, estimatedMinutes: true } as const satisfies Prisma.CourseSelect;

/** Courses › All Courses: every course, with whether (and how far) the viewer is enrolled. One query. */
export async function listCatalogue(viewerId: string) {
  const courses = await db.course.findMany({
    select: {
      ...courseFacts,
      _count: { select: { lessons: true } },
      enrolments: { where: { userId: viewerId }, select: { status: true, percent: true } },
    },
    orderBy: [{ category: "asc" }, { title: "asc" }],
  });
  return courses.map(({ _count, enrolments, ...course }) => {
    const enrolment = enrolments[0];
    return { ...course, lessonCount: _count.lessons, progress: enrolment ?? null };
  });
}

/**
 * A course with its lessons in order and the viewer's own enrolment (null when not enrolled), for the
 * course page and the lesson player. Lesson bodies come too: a course is a few pages of text.
 */
export const getCourseForViewer = cache(async (viewerId: string, slug: string) => {
  const course = await db.course.findUnique({
    where: { slug },
    select: {
      id: true,
      ...courseFacts,
      lessons: { select: { id: true, position: true, title: true, body: true }, orderBy: { position: "asc" } },
      enrolments: {
        where: { userId: viewerId },
        select: { enrolledAt: true, lastActivityAt: true, completedAt: true, completedLessons: true, status: true, percent: true, completions: { select: { lessonId: true } } },
      },
    },
  });
  if (!course) return null;
  const { enrolments, ...rest } = course;
  const enrolment = enrolments[0];
  const completed = new Set(enrolment?.completions.map((c) => c.lessonId) ?? []);
  const lessons = rest.lessons.map((lesson) => ({ ...lesson, completed: completed.has(lesson.id) }));
  return {
    ...rest,
    lessons,
    enrolment: enrolment
      ? {
          enrolledAt: enrolment.enrolledAt,
          lastActivityAt: enrolment.lastActivityAt,
          completedAt: enrolment.completedAt,
          completedLessons: enrolment.completedLessons,
          status: enrolment.status,
          percent: enrolment.percent,
          /** Where Start/Continue/Review goes: the first lesson not yet completed, or the first lesson once all are. */
          nextPosition: lessons.find((lesson) => !lesson.completed)?.position ?? 1,
        }
      : null,
  };
});

export type CourseForViewer = NonNullable<Awaited<ReturnType<typeof getCourseForViewer>>>;

/** Enrols the person on a course once: enrolling again changes nothing (unique userId + courseId). */
export async function enrolOnCourse(actorId: string, slug: string): Promise<{ created: boolean }> {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { slug }, select: { id: true } });
    if (!course) throw new NotFoundError();
    const { count } = await tx.enrolment.createMany({ data: [{ userId: actorId, courseId: course.id }], skipDuplicates: true });
    if (count) await tx.auditLog.create({ data: { actorId, action: "course.enrolled", targetType: "Course", targetId: course.id } });
    return { created: count > 0 };
  });
}

/**
 * Marks one lesson complete for the person. The completion row is inserted with ON CONFLICT DO NOTHING,
 * and only a row actually inserted moves the enrolment's count, last activity and completion date, all in
 * one transaction: completing twice, or two tabs at once, counts once. A lesson of a course the person is
 * not enrolled on is answered as not found and changes nothing.
 */
export async function completeLesson(actorId: string, slug: string, position: number): Promise<{ changed: boolean; courseCompleted: boolean }> {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { slug }, select: { id: true, lessons: { where: { position }, select: { id: true } } } });
    const lesson = course?.lessons[0];
    if (!course || !lesson) throw new NotFoundError();
    // The person's enrolment, its row locked until the end: it cannot be removed or moved to someone else between
    // the completion and its count. (Its row before its person, the order every enrolment change takes.)
    const [enrolment] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Enrolment" WHERE "userId" = ${actorId}::uuid AND "courseId" = ${course.id}::uuid FOR NO KEY UPDATE`;
    if (!enrolment) throw new NotFoundError();

    const now = new Date();
    const { count } = await tx.lessonCompletion
      .createMany({ data: [{ enrolmentId: enrolment.id, lessonId: lesson.id, completedAt: now }], skipDuplicates: true })
      .catch((error: unknown) => {
        // The lesson was removed since it was read: as if it had not been there.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new NotFoundError();
        throw error;
      });
    if (!count) return { changed: false, courseCompleted: false };

    const updated = await tx.enrolment.update({
      where: { id: enrolment.id, userId: actorId },
      data: { completedLessons: { increment: 1 }, lastActivityAt: now },
      select: { status: true, completedAt: true },
    });
    // Completed as the database works it out (enrolment_progress(), lib/progress/status.ts): not counted again here.
    const courseCompleted = updated.status === "COMPLETED";
    if (courseCompleted && !updated.completedAt) {
      await tx.enrolment.update({ where: { id: enrolment.id, userId: actorId }, data: { completedAt: now } });
    }
    await tx.auditLog.create({ data: { actorId, action: "lesson.completed", targetType: "Lesson", targetId: lesson.id, after: { course: slug, position } } });
    return { changed: true, courseCompleted };
  });
}
