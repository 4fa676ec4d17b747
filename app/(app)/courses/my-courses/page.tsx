import type { Metadata } from "next";
import { ProgressBar } from "@/components/progress-bar";
import { requireViewer } from "@/lib/auth";
import { listMyEnrolments, statusLabels } from "@/lib/enrolments";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "My Courses" };

export default async function MyCoursesPage() {
  const viewer = await requireViewer();
  const enrolments = await listMyEnrolments(viewer.id);
  return (
    <section aria-labelledby="my-courses">
      <h2 id="my-courses" className="text-xl font-semibold">My Courses</h2>
      {enrolments.length === 0 ? (
        <p className="mt-3 text-slate-700">You are not enrolled on any course yet.</p>
      ) : (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {enrolments.map((enrolment) => (
            <li key={enrolment.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="enrolment">
              <p className="text-sm text-slate-600">{enrolment.category}</p>
              <h3 className="mt-1 font-semibold">{enrolment.courseTitle}</h3>
              <div className="mt-3 flex items-center gap-3">
                <ProgressBar percent={enrolment.percent} label={`${enrolment.courseTitle} progress`} />
                <span className="w-12 text-right text-sm font-medium tabular-nums">{enrolment.percent}%</span>
              </div>
              <p className="mt-2 text-sm text-slate-700">
                {statusLabels[enrolment.status]} · {enrolment.completedLessons} of {enrolment.lessonCount} lessons
              </p>
              <p className="mt-1 text-sm text-slate-600">
                Enrolled {formatDate(enrolment.enrolledAt)}
                {enrolment.completedAt ? ` · Completed ${formatDate(enrolment.completedAt)}` : enrolment.lastActivityAt ? ` · Last activity ${formatDate(enrolment.lastActivityAt)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
