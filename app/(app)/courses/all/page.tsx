import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth";
import { listCatalogue } from "@/lib/courses";
import { statusLabel } from "@/lib/progress/status";

export const metadata: Metadata = { title: "All Courses" };

export default async function AllCoursesPage() {
  const viewer = await requireViewer();
  const courses = await listCatalogue(viewer.id);
  return (
    <section aria-labelledby="all-courses">
      <h2 id="all-courses" className="text-xl font-semibold">All Courses</h2>
      <p className="mt-1 text-slate-700">Professional development for school staff. Open a course to read about it and enrol.</p>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {courses.map((course) => (
          <li key={course.slug} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4" data-testid="course">
            <p className="text-sm text-slate-600">{course.category}</p>
            <h3 className="mt-1 font-semibold">
              <Link href={`/courses/${course.slug}`} className="text-brand-800 underline-offset-4 hover:underline">
                {course.title}
              </Link>
            </h3>
            <p className="mt-2 flex-1 text-sm text-slate-700">{course.summary}</p>
            <p className="mt-3 text-sm text-slate-600">
              {course.lessonCount} lessons · about {course.estimatedMinutes} minutes
            </p>
            {course.progress ? (
              <p className="mt-1 text-sm font-medium text-slate-800">
                Enrolled · {statusLabel(course.progress.status)} · {course.progress.percent}%
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
