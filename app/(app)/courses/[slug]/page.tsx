import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressBar } from "@/components/progress-bar";
import { requireViewer } from "@/lib/auth";
import { getCourseForViewer } from "@/lib/courses";
import { nextStepLabel, statusLabel } from "@/lib/progress/status";
import { formatDate } from "@/lib/format";
import { EnrolButton } from "./enrol-button";
import { CourseBreadcrumb } from "./course-breadcrumb";
import { readPathParam } from "@/lib/search-params";
import { findMyRequiredCourse } from "@/lib/requirements/mine";
import { listAttempts } from "@/lib/requirements/renewal";
import { RequiredTrainingBox } from "./required-training-box";
import { EarlierAttempts } from "./earlier-attempts";
import { certificateHref, listMyCertificates, type MyCertificates } from "@/lib/certificates/links";
import { CertificateLink } from "../_components/certificate-link";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const slug = readPathParam((await params).slug);
  const course = slug ? await getCourseForViewer(viewer.id, slug) : null;
  return { title: course?.title ?? "Page not found" };
}

export default async function CoursePage({ params }: Props) {
  const viewer = await requireViewer();
  const slug = readPathParam((await params).slug);
  const course = slug ? await getCourseForViewer(viewer.id, slug) : null;
  if (!course) notFound();
  const { enrolment } = course;
  const [required, attempts, certificates] = await Promise.all([
    findMyRequiredCourse(viewer.id, course.id),
    enrolment ? listAttempts(viewer.id, course.id) : [],
    enrolment ? listMyCertificates(viewer.id, course.id) : new Map<string, MyCertificates>(),
  ]);
  const completed = certificates.get(course.id);
  const enrolmentId = completed?.enrolmentId ?? null;

  return (
    <article aria-labelledby="course-title" className="space-y-6">
      <CourseBreadcrumb course={course} linked={false} />
      <header className="rounded-lg border border-slate-200 bg-white p-5">
        <p className="text-sm text-slate-600">{course.category}</p>
        <h2 id="course-title" className="mt-1 text-2xl font-semibold">{course.title}</h2>
        <p className="mt-3 text-slate-700">{course.summary}</p>
        <p className="mt-3 text-sm text-slate-600">{course.lessons.length} lessons · about {course.estimatedMinutes} minutes</p>
        <div className="mt-4">
          {enrolment?.status === "COMPLETED" ? (
            <div className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-green-900">
              <p className="font-medium" data-testid="course-completed">
                <span aria-hidden="true">✓ </span>Course completed on {formatDate(enrolment.completedAt ?? enrolment.lastActivityAt)}
              </p>
              {completed?.current ? (
                <p className="mt-1">
                  <CertificateLink href={certificateHref(completed.enrolmentId, completed.current)} course={course.title} />
                </p>
              ) : null}
            </div>
          ) : null}
          {enrolment ? (
            <div className="space-y-3">
              <div className="flex items-center gap-3 sm:max-w-md">
                <ProgressBar percent={enrolment.percent} label={`${course.title} progress`} />
                <span className="w-12 text-right text-sm font-medium tabular-nums">{enrolment.percent}%</span>
              </div>
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <div><dt className="text-slate-600">Status</dt><dd className="font-medium">{statusLabel(enrolment.status)}</dd></div>
                <div><dt className="text-slate-600">Enrolled</dt><dd>{formatDate(enrolment.enrolledAt)}</dd></div>
                <div><dt className="text-slate-600">Last activity</dt><dd>{formatDate(enrolment.lastActivityAt)}</dd></div>
                <div><dt className="text-slate-600">Completed</dt><dd>{formatDate(enrolment.completedAt)}</dd></div>
              </dl>
              <Link
                href={`/courses/${course.slug}/lessons/${enrolment.nextPosition}`}
                className="inline-block rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
              >
                {nextStepLabel(enrolment.status)}
              </Link>
            </div>
          ) : (
            <EnrolButton slug={course.slug} />
          )}
        </div>
      </header>
      {required ? <RequiredTrainingBox required={required} attempts={attempts} enrolmentId={enrolmentId} /> : attempts.length ? <EarlierAttempts attempts={attempts} course={course} enrolmentId={enrolmentId} /> : null}
      <section aria-labelledby="lessons" className="rounded-lg border border-slate-200 bg-white p-5">
        <h3 id="lessons" className="text-lg font-semibold">Lessons</h3>
        <ol className="mt-3 space-y-2">
          {course.lessons.map((lesson) => (
            <li key={lesson.position} className="flex gap-3">
              <span className="w-6 shrink-0 text-right text-slate-600 tabular-nums">{lesson.position}.</span>
              {enrolment ? (
                <Link href={`/courses/${course.slug}/lessons/${lesson.position}`} className="text-brand-800 underline underline-offset-4">
                  {lesson.title}
                </Link>
              ) : (
                <span>{lesson.title}</span>
              )}
              {lesson.completed ? <span className="text-sm text-green-800">Completed</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
