import type { SchoolSummary } from "@/lib/progress/overview";
import type { ComplianceFigures, TrustCompliance } from "@/lib/requirements/trust-compliance";
import { shade } from "./course-matrix";

type School = { schoolId: string; schoolName: string };

const number = new Intl.NumberFormat("en-GB");

// Plain <a>, as in the course matrix: a cell per required course and school, no client component apiece.

/** A school's overdue list for one required course (the school's progress view, filtered), with the way back. */
const overdueHref = (trustId: string, schoolId: string, courseId?: string) =>
  `/courses/progress/${schoolId}?required=overdue${courseId ? `&course=${courseId}` : ""}&from=${trustId}`;

const cellName = (course: string, school: string, cell: ComplianceFigures) =>
  `${course} at ${school}: ${cell.percent}% in date, ${number.format(cell.overdue)} overdue`;

/**
 * The trust's required training: every school's compliance, worst first, then a required course × school
 * matrix of the in-date share for the page's schools (a table on wide screens, a card per school on phones).
 * Shown only when something is required of someone at a school of the trust.
 */
export function RequiredTrainingView({ trustId, compliance, ranked, shown }: {
  trustId: string;
  compliance: TrustCompliance;
  /** Every school of the overview, worst first (lib/progress/overview.ts, worstFirst). */
  ranked: readonly SchoolSummary[];
  /** The page's schools (the matrix's columns, as the course matrix's). */
  shown: readonly School[];
}) {
  if (compliance.courses.length === 0) return null;
  return (
    <section aria-labelledby="required-heading" data-testid="required-training">
      <h3 id="required-heading" className="text-lg font-semibold">Required training</h3>
      <p className="text-sm text-slate-700">
        Compliance is the share of each school&apos;s required training that is in date: of every course required of every member of
        staff, how many they have completed and is still in date. Training not yet due counts as not yet in date. A school&apos;s own
        progress page also says how many of its staff are in date on everything.
      </p>

      <h4 className="mt-4 font-semibold">Compliance by school, worst first</h4>
      <ol className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="compliance-list">
        {ranked.map((s) => (
          <li key={s.schoolId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
            <a href={overdueHref(trustId, s.schoolId)} className="inline-flex min-h-6 items-center font-medium text-brand-800 underline underline-offset-4">
              {s.schoolName}
            </a>
            <span className="flex items-center gap-4 tabular-nums">
              {s.compliance.percent === null ? (
                <span className="text-slate-600">Nothing required</span>
              ) : (
                <>
                  <span className="font-semibold">{s.compliance.percent}%<span className="sr-only"> in date</span></span>
                  <span className={s.compliance.overdue > 0 ? "font-medium text-red-800" : "text-slate-700"}>{number.format(s.compliance.overdue)} overdue</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>

      <h4 className="mt-6 font-semibold">Required course × school</h4>
      <p className="text-sm text-slate-700">Percentage in date. Select a figure to see who is overdue on that course at that school.</p>

      <div className="mt-3 hidden overflow-x-auto md:block">
        <table className="w-full border-collapse bg-white text-sm" data-testid="required-matrix">
          <caption className="sr-only">Percentage in date, by required course and school</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="px-3 py-2 font-semibold">Required course</th>
              {shown.map((s) => <th key={s.schoolId} scope="col" className="px-3 py-2 font-semibold">{s.schoolName}</th>)}
            </tr>
          </thead>
          <tbody>
            {compliance.courses.map((course) => (
              <tr key={course.courseId} className="border-b border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-medium">{course.title}</th>
                {shown.map((s) => {
                  const cell = compliance.cells.get(course.courseId)?.get(s.schoolId);
                  return (
                    <td key={s.schoolId} className="px-1 py-1" style={cell ? shade(cell.percent ?? 0) : undefined}>
                      {cell ? (
                        <a href={overdueHref(trustId, s.schoolId, course.courseId)} className="block rounded px-2 py-1 font-medium text-slate-900 tabular-nums underline-offset-4 hover:underline" aria-label={cellName(course.title, s.schoolName, cell)}>
                          {cell.percent}%
                        </a>
                      ) : (
                        <span className="block px-2 py-1 text-slate-600"><span aria-hidden="true">—</span><span className="sr-only">Not required</span></span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="mt-3 space-y-3 md:hidden" data-testid="required-matrix-cards">
        {shown.map((s) => (
          <li key={s.schoolId} className="rounded-lg border border-slate-200 bg-white p-4">
            <h5 className="font-semibold">{s.schoolName}</h5>
            <ul className="mt-2 space-y-1 text-sm">
              {compliance.courses.map((course) => {
                const cell = compliance.cells.get(course.courseId)?.get(s.schoolId);
                return (
                  <li key={course.courseId} className="flex items-center justify-between gap-3 rounded px-2 py-1" style={cell ? shade(cell.percent ?? 0) : undefined}>
                    <span>{course.title}</span>
                    {cell ? (
                      <a href={overdueHref(trustId, s.schoolId, course.courseId)} className="inline-flex min-h-6 min-w-6 items-center justify-end font-medium whitespace-nowrap text-slate-900 tabular-nums underline underline-offset-4" aria-label={cellName(course.title, s.schoolName, cell)}>
                        {cell.percent}%
                      </a>
                    ) : (
                      <span className="text-slate-600">Not required</span>
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
