// What an enrolment's status and percentage must be, written here from the product's words and nothing
// of the app's (neither lib/progress/status.ts nor the database's enrolment_progress()), so the tests that
// compare against it can catch either: no lesson done (or a course without lessons) is not started, every
// lesson done is completed, anything between is in progress at the rounded share of lessons done.
import type { EnrolmentStatus } from "@/lib/progress/status";

export function expectedProgress(completedLessons: number, lessons: number): { status: EnrolmentStatus; percent: number } {
  if (lessons === 0 || completedLessons <= 0) return { status: "NOT_STARTED", percent: 0 };
  if (completedLessons >= lessons) return { status: "COMPLETED", percent: 100 };
  return { status: "IN_PROGRESS", percent: Math.round((100 * completedLessons) / lessons) };
}

export const expectedLabels: Record<EnrolmentStatus, string> = { NOT_STARTED: "Not started", IN_PROGRESS: "In progress", COMPLETED: "Completed" };
