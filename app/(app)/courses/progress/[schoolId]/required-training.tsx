import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { RequiredFilter } from "@/lib/progress/query";
import type { SchoolCompliance } from "@/lib/requirements/school-compliance";

const number = new Intl.NumberFormat("en-GB");
const link = "inline-flex min-h-6 min-w-6 items-center font-medium text-brand-700 underline underline-offset-4";

/** A date column as JSON gives it ("2026-11-03") to "3 Nov 2026". */
const dateOf = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`));

type Props = {
  compliance: SchoolCompliance;
  /** The view filtered to a standing (and a course): the page builds it, keeping the page size and the way back. */
  hrefFor: (required: RequiredFilter, course?: string) => string;
};

type Figure = { key: "dueSoon" | "overdue" | "expired"; label: string; filter: RequiredFilter };

const figures: Figure[] = [
  { key: "dueSoon", label: "Due soon", filter: "DUE_SOON" },
  { key: "overdue", label: "Overdue", filter: "OVERDUE" },
  { key: "expired", label: "Expired", filter: "EXPIRED" },
];

/** A count, linked to the view's rows it counts when there are any (a link to nothing would waste a tap). */
function Count({ value, href, what }: { value: number; href: string; what: string }) {
  if (!value) return <span className="tabular-nums text-slate-700">0</span>;
  return (
    <Link href={href} className={`${link} tabular-nums`}>
      {number.format(value)}
      <span className="sr-only"> {what}</span>
    </Link>
  );
}

/**
 * The school's required training at a glance, above the filters (only when something is required of the
 * school): the headline, then the overdue people first (on a phone, the first thing after the headline),
 * then per required course in date, due soon, overdue and expired, each count a link to those rows.
 */
export function RequiredTraining({ compliance, hrefFor }: Props) {
  const { courses, overduePeople } = compliance;
  return (
    <section aria-labelledby="required-training" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="required-training">
      <div>
        <h3 id="required-training" className="text-lg font-semibold">Required training</h3>
        <p className="text-slate-800" data-testid="compliance-headline">
          <span className="font-semibold tabular-nums">{number.format(compliance.inDateStaff)}</span> of{" "}
          <span className="font-semibold tabular-nums">{number.format(compliance.staff)}</span> staff are in date on every required course
        </p>
      </div>

      {overduePeople.length ? (
        <div className="rounded-md border border-red-300 bg-red-50 p-3" data-testid="overdue-people">
          <h4 className="font-semibold text-red-800">Overdue</h4>
          <ul className="mt-2 divide-y divide-red-200 text-sm">
            {overduePeople.map((person) => (
              <li key={`${person.userId}:${person.courseId}`} className="flex flex-wrap justify-between gap-x-3 py-1.5" data-testid="overdue-person">
                <span className="min-w-0">
                  <span className="font-medium text-slate-900">{person.name}</span>
                  <span className="text-slate-800">, {person.course}</span>
                </span>
                <span className="whitespace-nowrap text-red-800">Due {dateOf(person.dueOn)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link href={hrefFor("OVERDUE")} className={link} data-testid="see-all-overdue">
              See all {number.format(compliance.overdue)} overdue
            </Link>
          </p>
        </div>
      ) : null}

      <div>
        <h4 className="sr-only">Required courses</h4>
        <div className="hidden md:block">
          <table className="w-full text-sm" data-testid="compliance-table">
            <caption className="sr-only">Required courses and how many staff are in date on each</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">Course</th>
                <th scope="col" className="px-3 py-2 text-left font-medium">In date</th>
                {figures.map((f) => <th key={f.key} scope="col" className="px-3 py-2 text-left font-medium">{f.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.courseId} className="border-t border-slate-200" data-testid="compliance-course">
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                    <span className="block font-medium">{course.title}</span>
                    <span className="block text-slate-700">Required by {course.requiredByName}</span>
                  </th>
                  <td className="px-3 py-2 align-top tabular-nums" data-field="inDate">{number.format(course.inDate)} of {number.format(course.required)}</td>
                  {figures.map((f) => (
                    <td key={f.key} className="px-3 py-2 align-top" data-field={f.key}>
                      <Count value={course[f.key]} href={hrefFor(f.filter, course.courseId)} what={`${f.label.toLowerCase()}: ${course.title}`} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="grid gap-3 md:hidden" aria-label="Required courses">
          {courses.map((course) => (
            <li key={course.courseId} className="rounded-md border border-slate-200 p-3" data-testid="compliance-card">
              <p className="font-medium">{course.title}</p>
              <p className="text-sm text-slate-700">Required by {course.requiredByName}</p>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                <div>
                  <dt className="text-slate-600">In date</dt>
                  <dd className="tabular-nums">{number.format(course.inDate)} of {number.format(course.required)}</dd>
                </div>
                {figures.map((f) => (
                  <div key={f.key}>
                    <dt className="text-slate-600">{f.label}</dt>
                    <dd><Count value={course[f.key]} href={hrefFor(f.filter, course.courseId)} what={`${f.label.toLowerCase()}: ${course.title}`} /></dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
