import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { getCourseForViewer } from "@/lib/courses";
import { formatDate } from "@/lib/format";
import { CourseBreadcrumb } from "../course-breadcrumb";
import { readPathParam } from "@/lib/search-params";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const viewer = await requireViewer();
  const slug = readPathParam((await params).slug);
  const course = slug ? await getCourseForViewer(viewer.id, slug) : null;
  return { title: course ? `Course completed · ${course.title}` : "Page not found" };
}

/**
 * Where the lesson that finishes a course lands: the moment, its date, and where to go next. Only a
 * completed course has one; anyone else is sent to the course page, which says how far they are.
 */
export default async function CourseCompletedPage({ params }: Props) {
  const viewer = await requireViewer();
  const slug = readPathParam((await params).slug);
  const course = slug ? await getCourseForViewer(viewer.id, slug) : null;
  if (!course) notFound();
  const { enrolment } = course;
  if (enrolment?.status !== "COMPLETED") redirect(`/courses/${course.slug}`);
  const completedOn = formatDate(enrolment.completedAt ?? enrolment.lastActivityAt);

  return (
    <div className="space-y-6">
      <CourseBreadcrumb course={course} linked={true} />
      <section aria-labelledby="course-completed" className="rounded-lg border border-green-200 bg-green-50 p-6 text-center sm:p-10" data-testid="course-completed-moment">
        <p aria-hidden="true" className="mx-auto flex size-14 items-center justify-center rounded-full bg-green-700 text-3xl text-white">✓</p>
        <h2 id="course-completed" className="mt-4 text-2xl font-semibold text-green-950">Course completed</h2>
        <p className="mt-2 text-lg text-slate-800">
          You completed <strong className="font-semibold">{course.title}</strong> on{" "}
          <time dateTime={(enrolment.completedAt ?? enrolment.lastActivityAt)?.toISOString()} data-testid="completed-on">{completedOn}</time>.
        </p>
        <p className="mt-1 text-slate-700">All {course.lessons.length} lessons are done. Your school&apos;s Administrators see this in its course progress.</p>
        <div className="mt-6 flex flex-col items-stretch justify-center gap-3 sm:flex-row sm:items-center">
          <Link href="/courses/my-courses" className="inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800">
            Back to My Courses
          </Link>
          <Link href="/courses/all" className="inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-5 py-2.5 font-medium text-slate-800 hover:bg-slate-100">
            Find another course in All Courses
          </Link>
        </div>
        <p className="mt-4 text-sm">
          <Link href={`/courses/${course.slug}/lessons/1`} className="font-medium text-brand-700 underline underline-offset-4">Review the lessons</Link>
        </p>
      </section>
    </div>
  );
}
