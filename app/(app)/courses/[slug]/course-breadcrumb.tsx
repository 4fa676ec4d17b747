import Link from "next/link";

const link = "inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-4";

/** All Courses › the course: the course's own page names it, its lesson and completed pages link back to it. */
export function CourseBreadcrumb({ course, linked }: { course: { slug: string; title: string }; linked: boolean }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href="/courses/all" className={link}>All Courses</Link>
      <span aria-hidden="true"> › </span>
      {linked ? <Link href={`/courses/${course.slug}`} className={link}>{course.title}</Link> : <span>{course.title}</span>}
    </nav>
  );
}
