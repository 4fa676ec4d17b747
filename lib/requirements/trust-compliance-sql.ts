// Required training across a trust: the statement and the arithmetic of lib/requirements/trust-compliance.ts,
// free of "server-only" so the benchmark runs the very statement the Trust overview runs.
import { Prisma } from "../generated/prisma/client";
import { requiredTrainingOf } from "./sql";
import type { IsoDate, RequiredStatus } from "./status";

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
const noCounts = (): Counts => ({ required: 0, inDate: 0, dueSoon: 0, overdue: 0, expired: 0 });

/** One row of the statement: how many (person, course) pairs of a school and course stand at a status. */
export type ComplianceRow = { schoolId: string; courseId: string; title: string; status: RequiredStatus; inDate: boolean; n: number };

/**
 * The statement: per school, required course, status and in date, how many pairs. Grouping by the status
 * works it out once a row (a FILTER per figure would work it out once per figure, three times slower at
 * 36,000 pairs). Exported for the benchmark's floor and EXPLAIN.
 */
export function complianceSql(schoolIds: readonly string[], today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT r."schoolId", r."courseId", c.title, r.status, r."inDate", count(*)::int AS n
      FROM ${requiredTrainingOf(schoolIds, today)} r JOIN "Course" c ON c.id = r."courseId"
     GROUP BY r."schoolId", r."courseId", c.title, r.status, r."inDate"
     ORDER BY c.title, r."courseId"`;
}

/** The figures from the statement's rows (separate from the read, for the tests and the benchmark). */
export function complianceOf(schoolIds: readonly string[], rows: readonly ComplianceRow[]): TrustCompliance {
  const courses: TrustCompliance["courses"] = [];
  const counts = new Map<string, Map<string, Counts>>();
  const totals = new Map<string, Counts>(schoolIds.map((id) => [id, noCounts()]));
  for (const { schoolId, courseId, title, status, inDate, n } of rows) {
    let course = counts.get(courseId);
    if (!course) {
      courses.push({ courseId, title });
      counts.set(courseId, (course = new Map()));
    }
    const cell = course.get(schoolId) ?? noCounts();
    course.set(schoolId, cell);
    for (const into of [cell, totals.get(schoolId)]) {
      if (!into) continue;
      into.required += n;
      if (inDate) into.inDate += n;
      if (status === "DUE_SOON") into.dueSoon += n;
      if (status === "OVERDUE") into.overdue += n;
      if (status === "EXPIRED") into.expired += n;
    }
  }
  const cells: TrustCompliance["cells"] = new Map([...counts].map(([courseId, schools]) => [courseId, new Map([...schools].map(([id, c]) => [id, figuresOf(c)]))]));
  return { courses, cells, schools: new Map([...totals].map(([id, c]) => [id, figuresOf(c)])) };
}
