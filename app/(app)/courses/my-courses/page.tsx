import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/components/progress-bar";
import { listProgressScopes } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { listMyEnrolments } from "@/lib/enrolments";
import { nextStepLabel, statusLabel } from "@/lib/progress/status";
import { formatDate } from "@/lib/format";
import { listTrustAccessGaps } from "@/lib/trust";
import { ProgressSelector } from "../_components/progress-selector";
import { TrustAccessGaps } from "./trust-access-gaps";
import { listMyRequiredTraining } from "@/lib/requirements/mine";
import { RequiredTraining } from "./required-training";
import { certificateHref, latestCompleted, listMyCertificates } from "@/lib/certificates/links";
import { CertificateLink } from "../_components/certificate-link";

export const metadata: Metadata = { title: "My Courses" };

export default async function MyCoursesPage() {
  const viewer = await requireViewer();
  const [scopes, allEnrolments, gaps, required, certificates] = await Promise.all([
    listProgressScopes(viewer.id),
    listMyEnrolments(viewer.id),
    listTrustAccessGaps(viewer.id),
    listMyRequiredTraining(viewer.id),
    listMyCertificates(viewer.id),
  ]);
  /** The latest completion's certificate of a course (a renewal under way keeps the earlier attempt's), or null. */
  const certificateOf = (courseId: string) => {
    const completed = certificates.get(courseId);
    const attempt = latestCompleted(completed);
    return completed && attempt !== null ? certificateHref(completed.enrolmentId, attempt) : null;
  };
  // Required courses are listed once, in their own section first; the other courses keep their look below.
  const requiredIds = new Set(required.map((r) => r.course.id));
  const byCourse = new Map(allEnrolments.map((e) => [e.courseId, e]));
  const requiredItems = required.map((r) => {
    const e = byCourse.get(r.course.id);
    return { ...r, enrolment: e ? { status: e.status, nextPosition: e.nextPosition } : null, certificateHref: certificateOf(r.course.id) };
  });
  const enrolments = allEnrolments.filter((e) => !requiredIds.has(e.courseId));
  return (
    <>
      <ProgressSelector scopes={scopes} selected="self" />
      <TrustAccessGaps gaps={gaps} />
      <RequiredTraining items={requiredItems} />
      <section aria-labelledby="my-courses">
        <h2 id="my-courses" className="text-xl font-semibold">My Courses</h2>
        {enrolments.length === 0 && requiredItems.length > 0 ? (
          <p className="mt-3 text-slate-700">
            You have no other courses.{" "}
            <Link href="/courses/all" className="font-medium text-brand-700 underline underline-offset-4">Browse All Courses</Link>
          </p>
        ) : enrolments.length === 0 ? (
          <p className="mt-3 text-slate-700">
            You are not enrolled on any course yet.{" "}
            <Link href="/courses/all" className="font-medium text-brand-700 underline underline-offset-4">Browse All Courses</Link>
          </p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {enrolments.map((enrolment) => (
              <li key={enrolment.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4" data-testid="enrolment">
                <p className="text-sm text-slate-600">{enrolment.category}</p>
                <h3 className="mt-1 font-semibold">
                  <Link href={`/courses/${enrolment.courseSlug}`} className="underline-offset-4 hover:underline">{enrolment.courseTitle}</Link>
                </h3>
                <div className="mt-3 flex items-center gap-3">
                  <ProgressBar percent={enrolment.percent} label={`${enrolment.courseTitle} progress`} />
                  <span className="w-12 text-right text-sm font-medium tabular-nums" data-testid="percent">{enrolment.percent}%</span>
                </div>
                <p className="mt-2 text-sm text-slate-700">
                  {statusLabel(enrolment.status)} · {enrolment.completedLessons} of {enrolment.lessonCount} lessons
                </p>
                <p className="mt-1 flex-1 text-sm text-slate-600">
                  Enrolled {formatDate(enrolment.enrolledAt)}
                  {enrolment.completedAt ? ` · Completed ${formatDate(enrolment.completedAt)}` : enrolment.lastActivityAt ? ` · Last activity ${formatDate(enrolment.lastActivityAt)}` : ""}
                </p>
                <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
                  <Link
                    href={`/courses/${enrolment.courseSlug}/lessons/${enrolment.nextPosition}`}
                    className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
                  >
                    {nextStepLabel(enrolment.status)}
                    <span className="sr-only"> {enrolment.courseTitle}</span>
                  </Link>
                  <CertificateLink href={certificateOf(enrolment.courseId)} course={enrolment.courseTitle} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
