import { HEADLINE_STATUS, type CourseMatrix, type StatusFigures } from "@/lib/progress/overview";
import { statusLabel } from "@/lib/progress/status";

type School = { schoolId: string; schoolName: string };

const headline = statusLabel(HEADLINE_STATUS).toLowerCase();
const shareOf = (cell: StatusFigures) => cell.percent[HEADLINE_STATUS];

/** Light shading only, so the dark figures on top stay above 4.5:1 contrast at every value. */
export function shade(percent: number) {
  return { backgroundColor: `color-mix(in srgb, var(--color-brand-600) ${Math.round(4 + percent * 0.36)}%, white)` };
}

// Plain <a>, not next/link: a page of 15 schools has 450 cells on each layout, and a Link apiece is a client
// component serialised into the page and hydrated with its prefetching, a cost per cell (bench:trust). A
// cell opens a school's page in full, which is rendered on the server anyway.

/** A school's view filtered to the course, told where it came from so it can offer the way back. */
const cellHref = (trustId: string, schoolId: string, courseId: string) => `/courses/progress/${schoolId}?course=${courseId}&from=${trustId}`;

/** % completed for each course at each school: a real table on wide screens, a list per course on phones. */
export function CourseMatrixView({ trustId, matrix, schools }: { trustId: string; matrix: CourseMatrix; schools: School[] }) {
  if (matrix.courses.length === 0) return null;
  return (
    <section aria-labelledby="matrix-heading">
      <h3 id="matrix-heading" className="text-lg font-semibold">Courses by school</h3>
      <p className="text-sm text-slate-700">Percentage of enrolments {headline}. Select a figure to see that school&apos;s staff on that course.</p>

      <div className="mt-3 hidden overflow-x-auto md:block">
        <table className="w-full border-collapse bg-white text-sm" data-testid="course-matrix">
          <caption className="sr-only">Percentage {headline}, by course and school</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="px-3 py-2 font-semibold">Course</th>
              {schools.map((s) => <th key={s.schoolId} scope="col" className="px-3 py-2 font-semibold">{s.schoolName}</th>)}
            </tr>
          </thead>
          <tbody>
            {matrix.courses.map((course) => (
              <tr key={course.courseId} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-medium">{course.title}</th>
                {schools.map((s) => {
                  const cell = matrix.cells.get(course.courseId)?.get(s.schoolId);
                  return (
                    <td key={s.schoolId} className="px-1 py-1" style={cell ? shade(shareOf(cell)) : undefined}>
                      {cell ? (
                        <a href={cellHref(trustId, s.schoolId, course.courseId)} className="block rounded px-2 py-1 font-medium text-slate-900 tabular-nums underline-offset-4 hover:underline" aria-label={`${course.title} at ${s.schoolName}: ${shareOf(cell)}% ${headline} (${cell.counts[HEADLINE_STATUS]} of ${cell.enrolments})`}>
                          {shareOf(cell)}%
                        </a>
                      ) : (
                        <span className="block px-2 py-1 text-slate-600"><span aria-hidden="true">—</span><span className="sr-only">No enrolments</span></span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="mt-3 space-y-3 md:hidden" data-testid="course-matrix-list">
        {matrix.courses.map((course) => (
          <li key={course.courseId} className="rounded-lg border border-slate-200 bg-white p-4">
            <h4 className="font-semibold">{course.title}</h4>
            <ul className="mt-2 space-y-1 text-sm">
              {schools.map((s) => {
                const cell = matrix.cells.get(course.courseId)?.get(s.schoolId);
                return (
                  <li key={s.schoolId} className="flex items-center justify-between gap-3 rounded px-2 py-1" style={cell ? shade(shareOf(cell)) : undefined}>
                    <span>{s.schoolName}</span>
                    {cell ? (
                      <a href={cellHref(trustId, s.schoolId, course.courseId)} className="inline-flex min-h-6 min-w-6 items-center justify-end font-medium text-slate-900 tabular-nums underline underline-offset-4">
                        {shareOf(cell)}%<span className="sr-only"> {headline} ({cell.counts[HEADLINE_STATUS]} of {cell.enrolments})</span>
                      </a>
                    ) : (
                      <span className="text-slate-600">No enrolments</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
