// Required training across a trust: the statement and the arithmetic of lib/requirements/trust-compliance.ts,
// free of "server-only" so the benchmark runs the very statement the Trust overview runs.
import { Prisma } from "../generated/prisma/client";
import { requiredTrainingOf } from "./sql";
import type { IsoDate } from "./status";

export type ComplianceFigures = {
  /** (person, required course) pairs. */
  required: number;
  inDate: number;
  dueSoon: number;
  overdue: number;
  expired: number;
  /** inDate ÷ required as a whole percentage, rounded down; null when nothing is required. */
  percent: number | null;
};

export type TrustCompliance = {
  /** The courses required of at least one member of a school of the scope, by title. */
  courses: { courseId: string; title: string }[];
  /** schoolId → the school's figures over all its required courses (every school of the scope, zeros included). */
  schools: Map<string, ComplianceFigures>;
  /** courseId → schoolId → figures; a missing cell means the course is not required of anyone at that school. */
  cells: Map<string, Map<string, ComplianceFigures>>;
};

/** In date ÷ required, as a whole percentage rounded down (100 only when every pair is in date); null for none. */
export function compliancePercent(inDate: number, required: number): number | null {
  return required === 0 ? null : Math.floor((100 * inDate) / required);
}

type Counts = Omit<ComplianceFigures, "percent">;
const figuresOf = (c: Counts): ComplianceFigures => ({ ...c, percent: compliancePercent(c.inDate, c.required) });

export type ComplianceRow = Counts & { schoolId: string; courseId: string; title: string };

/** The statement: one row per school and required course. Exported for the benchmark's floor and EXPLAIN. */
export function complianceSql(schoolIds: readonly string[], today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT r."schoolId", r."courseId", c.title,
           count(*)::int AS required,
           count(*) FILTER (WHERE r."inDate")::int AS "inDate",
           count(*) FILTER (WHERE r.status = 'DUE_SOON')::int AS "dueSoon",
           count(*) FILTER (WHERE r.status = 'OVERDUE')::int AS overdue,
           count(*) FILTER (WHERE r.status = 'EXPIRED')::int AS expired
      FROM ${requiredTrainingOf(schoolIds, today)} r JOIN "Course" c ON c.id = r."courseId"
     GROUP BY r."schoolId", r."courseId", c.title
     ORDER BY c.title, r."courseId"`;
}

/** The figures from the statement's rows (separate from the read, for the tests' oracle and the benchmark). */
export function complianceOf(schoolIds: readonly string[], rows: readonly ComplianceRow[]): TrustCompliance {
  const courses: TrustCompliance["courses"] = [];
  const cells: TrustCompliance["cells"] = new Map();
  const totals = new Map<string, Counts>(schoolIds.map((id) => [id, { required: 0, inDate: 0, dueSoon: 0, overdue: 0, expired: 0 }]));
  for (const { schoolId, courseId, title, ...counts } of rows) {
    let course = cells.get(courseId);
    if (!course) {
      courses.push({ courseId, title });
      cells.set(courseId, (course = new Map()));
    }
    course.set(schoolId, figuresOf(counts));
    const total = totals.get(schoolId);
    if (!total) continue;
    total.required += counts.required;
    total.inDate += counts.inDate;
    total.dueSoon += counts.dueSoon;
    total.overdue += counts.overdue;
    total.expired += counts.expired;
  }
  return { courses, cells, schools: new Map([...totals].map(([id, c]) => [id, figuresOf(c)])) };
}
