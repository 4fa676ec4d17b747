import "server-only";
import { db } from "./db";

export type EnrolmentStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED";

export const statusLabels: Record<EnrolmentStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
};

/** Progress is completed lessons over lessons; a course with no lessons counts as not started. */
export function progressOf(completedLessons: number, lessonCount: number): { percent: number; status: EnrolmentStatus } {
  if (lessonCount <= 0 || completedLessons <= 0) return { percent: 0, status: "NOT_STARTED" };
  const done = Math.min(completedLessons, lessonCount);
  return { percent: Math.round((done / lessonCount) * 100), status: done === lessonCount ? "COMPLETED" : "IN_PROGRESS" };
}

/** The person's own enrolments for Courses › My Courses, newest activity first. */
export async function listMyEnrolments(userId: string) {
  const rows = await db.enrolment.findMany({
    where: { userId },
    select: {
      id: true,
      enrolledAt: true,
      lastActivityAt: true,
      completedAt: true,
      completedLessons: true,
      course: { select: { slug: true, title: true, category: true, _count: { select: { lessons: true } } } },
    },
    orderBy: [{ lastActivityAt: { sort: "desc", nulls: "last" } }, { enrolledAt: "desc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    courseSlug: row.course.slug,
    courseTitle: row.course.title,
    category: row.course.category,
    lessonCount: row.course._count.lessons,
    completedLessons: row.completedLessons,
    enrolledAt: row.enrolledAt,
    lastActivityAt: row.lastActivityAt,
    completedAt: row.completedAt,
    ...progressOf(row.completedLessons, row.course._count.lessons),
  }));
}
