import "server-only";
import { db } from "./db";

/** The person's own enrolments for Courses › My Courses, newest activity first. One query. */
export async function listMyEnrolments(userId: string) {
  const rows = await db.enrolment.findMany({
    where: { userId },
    select: {
      id: true,
      courseId: true,
      enrolledAt: true,
      lastActivityAt: true,
      completedAt: true,
      completedLessons: true,
      status: true,
      percent: true,
      completions: { select: { lessonId: true } },
      course: { select: { slug: true, title: true, category: true, lessons: { select: { id: true, position: true }, orderBy: { position: "asc" } } } },
    },
    orderBy: [{ lastActivityAt: { sort: "desc", nulls: "last" } }, { enrolledAt: "desc" }],
  });
  return rows.map((row) => {
    const completed = new Set(row.completions.map((c) => c.lessonId));
    const lessons = row.course.lessons;
    return {
      id: row.id,
      courseId: row.courseId,
      courseSlug: row.course.slug,
      courseTitle: row.course.title,
      category: row.course.category,
      lessonCount: lessons.length,
      completedLessons: row.completedLessons,
      enrolledAt: row.enrolledAt,
      lastActivityAt: row.lastActivityAt,
      completedAt: row.completedAt,
      /** Where Start/Continue/Review goes: the first lesson not yet completed, or the first lesson once all are. */
      nextPosition: lessons.find((lesson) => !completed.has(lesson.id))?.position ?? 1,
      status: row.status,
      percent: row.percent,
    };
  });
}
