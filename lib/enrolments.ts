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

/**
 * The words of the button that takes a person into a course: Start until a first lesson is done (and
 * for a course they are not enrolled on, where the button enrols them), Continue part-way, Review once
 * completed. One rule for the course page, My Courses and anywhere else the button appears.
 */
export function nextStepLabel(status: EnrolmentStatus | null): "Start" | "Continue" | "Review" {
  return status === "COMPLETED" ? "Review" : status === "IN_PROGRESS" ? "Continue" : "Start";
}

/** The person's own enrolments for Courses › My Courses, newest activity first. One query. */
export async function listMyEnrolments(userId: string) {
  const rows = await db.enrolment.findMany({
    where: { userId },
    select: {
      id: true,
      enrolledAt: true,
      lastActivityAt: true,
      completedAt: true,
      completedLessons: true,
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
      ...progressOf(row.completedLessons, lessons.length),
    };
  });
}
