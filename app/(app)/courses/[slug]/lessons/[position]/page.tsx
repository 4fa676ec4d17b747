import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ProgressBar } from "@/components/progress-bar";
import { requireViewer } from "@/lib/auth";
import { getCourseForViewer, type CourseForViewer } from "@/lib/courses";
import { statusLabel } from "@/lib/progress/status";
import { CompleteButton } from "./complete-button";
import { CourseBreadcrumb } from "../../course-breadcrumb";
import { readPathParam } from "@/lib/search-params";

type Props = { params: Promise<{ slug: string; position: string }> };

async function loadLesson(params: Props["params"]) {
  const viewer = await requireViewer();
  const { slug: rawSlug, position } = await params;
  const slug = readPathParam(rawSlug);
  // Only a plain lesson number is looked up: 99999999999999999999, -1 or 1e3 is no lesson.
  const course = slug && /^\d{1,5}$/.test(position) ? await getCourseForViewer(viewer.id, slug) : null;
  const lesson = course?.lessons.find((l) => l.position === Number(position));
  return course && lesson ? { course, lesson } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadLesson(params);
  return { title: found ? `${found.lesson.title} · ${found.course.title}` : "Page not found" };
}

export default async function LessonPage({ params }: Props) {
  const found = await loadLesson(params);
  if (!found) notFound();
  const { course, lesson } = found;
  const enrolment = course.enrolment;
  // Lessons are for enrolled staff: the course page explains the course and offers Enrol.
  if (!enrolment) redirect(`/courses/${course.slug}`);

  const index = course.lessons.indexOf(lesson);
  const previous = course.lessons[index - 1];
  const next = course.lessons[index + 1];

  return (
    <div className="space-y-6">
      <CourseBreadcrumb course={course} linked={true} />

      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <article aria-labelledby="lesson-title" className="rounded-lg border border-slate-200 bg-white p-5">
          <p className="text-sm text-slate-600">Lesson {lesson.position} of {course.lessons.length}</p>
          <h2 id="lesson-title" className="mt-1 text-2xl font-semibold">{lesson.title}</h2>
          <div className="mt-4 max-w-prose space-y-4 leading-relaxed text-slate-800">
            {lesson.body.split(/\n{2,}/).map((paragraph, i) => <p key={i}>{paragraph}</p>)}
          </div>

          {/* One live region that outlives the button, so the change to "completed" is announced. */}
          <div aria-live="polite" className="mt-6 border-t border-slate-200 pt-4">
            {lesson.completed ? (
              <p className="font-medium text-green-800" data-testid="lesson-completed">You have completed this lesson.</p>
            ) : (
              <CompleteButton slug={course.slug} position={lesson.position} />
            )}
          </div>

          <nav aria-label="Lessons" className="mt-6 flex flex-wrap justify-between gap-3">
            {previous ? (
              <Link href={`/courses/${course.slug}/lessons/${previous.position}`} rel="prev" className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-100">
                ← Previous<span className="sr-only"> lesson: {previous.title}</span>
              </Link>
            ) : <span />}
            {next ? (
              <Link href={`/courses/${course.slug}/lessons/${next.position}`} rel="next" className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-100">
                Next<span className="sr-only"> lesson: {next.title}</span> →
              </Link>
            ) : (
              <Link href="/courses/my-courses" className="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-100">
                Back to My Courses
              </Link>
            )}
          </nav>
        </article>

        <CourseOutline course={course} enrolment={enrolment} current={lesson.position} />
      </div>
    </div>
  );
}

function CourseOutline({ course, enrolment, current }: { course: CourseForViewer; enrolment: NonNullable<CourseForViewer["enrolment"]>; current: number }) {
  return (
    <aside aria-labelledby="course-outline" className="h-fit rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="course-outline" className="font-semibold">{course.title}</h3>
      <div className="mt-3 flex items-center gap-3">
        <ProgressBar percent={enrolment.percent} label={`${course.title} progress`} />
        <span className="w-12 text-right text-sm font-medium tabular-nums" data-testid="course-percent">{enrolment.percent}%</span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {statusLabel(enrolment.status)} · {enrolment.completedLessons} of {course.lessons.length} lessons
      </p>
      <ol className="mt-3 space-y-1 text-sm">
        {course.lessons.map((l) => (
          <li key={l.position}>
            <Link
              href={`/courses/${course.slug}/lessons/${l.position}`}
              aria-current={l.position === current ? "page" : undefined}
              className="flex gap-2 rounded px-2 py-1 text-slate-800 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-800"
            >
              <span aria-hidden="true" className="w-4 shrink-0 text-green-800">{l.completed ? "✓" : ""}</span>
              <span>
                {l.position}. {l.title}
                {l.completed ? <span className="sr-only"> (completed)</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </aside>
  );
}
