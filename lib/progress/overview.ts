import "server-only";
import type { TrustOverviewScope } from "../access";
import { Prisma } from "../generated/prisma/client";
import { BYTE_ORDER_MARK, csvLine, fileSlug, isoDate } from "../csv";
import { db } from "../db";
import { sharesOf } from "./percentages";

// The Trust overview's figures, aggregated in SQL: two queries whatever the number of schools and
// courses. Which schools may contribute is decided by lib/access.ts before these are called: the
// functions take the already-granted school ids and never widen them.
// Status follows the progress view: completed lessons against the course's lessons now.

export type SchoolSummary = {
  schoolId: string;
  schoolName: string;
  staff: number;
  enrolments: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  percentCompleted: number;
  lastActivityAt: Date | null;
};

export const overviewSorts = ["name", "staff", "enrolments", "completed", "in-progress", "not-started", "activity"] as const;
export type OverviewSort = (typeof overviewSorts)[number];

/** The overview's sort from its URL, leniently: anything unknown is the default (name, A to Z). */
export function overviewViewOf(params: URLSearchParams | Record<string, string | string[] | undefined>): { sort: OverviewSort; dir: "asc" | "desc" } {
  const read = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const sort = read("sort");
  return { sort: (overviewSorts as readonly string[]).includes(sort) ? (sort as OverviewSort) : "name", dir: read("dir") === "desc" ? "desc" : "asc" };
}

const sortColumns: Record<OverviewSort, string> = {
  name: `"schoolName"`,
  staff: `staff`,
  enrolments: `enrolments`,
  completed: `"completedRatio"`,
  "in-progress": `"inProgress"`,
  "not-started": `"notStarted"`,
  activity: `"lastActivityAt"`,
};

const lessonCounts = Prisma.sql`(SELECT "courseId", count(*)::int AS n FROM "Lesson" GROUP BY "courseId")`;

// TODO(issue-12 merge): a bridge for the school-view branch; issue-12-trust makes this take the scope only.
export async function summariseSchools(schools: TrustOverviewScope | string[], sort: OverviewSort = "name", dir: "asc" | "desc" = "asc"): Promise<SchoolSummary[]> {
  const schoolIds = Array.isArray(schools) ? schools : schools.schools.map((s) => s.schoolId);
  if (schoolIds.length === 0) return [];
  // Whitelisted column and direction: nothing from the URL reaches the SQL text.
  const order = Prisma.raw(`${sortColumns[sort]} ${dir === "desc" ? "DESC" : "ASC"} NULLS LAST, "schoolName" ASC`);
  const rows = await db.$queryRaw<(Omit<SchoolSummary, "percentCompleted"> & { completedRatio: number })[]>`
    WITH e AS (
      SELECT m."organisationId" AS school_id, m."userId" AS user_id, en."completedLessons" AS done, COALESCE(lc.n, 0) AS lessons, en."lastActivityAt"
        FROM "Membership" m
        JOIN "Enrolment" en ON en."userId" = m."userId"
        LEFT JOIN ${lessonCounts} lc ON lc."courseId" = en."courseId"
       WHERE m."organisationId" = ANY(${schoolIds}::uuid[])
    ), staff AS (
      SELECT "organisationId" AS school_id, count(*)::int AS n FROM "Membership" WHERE "organisationId" = ANY(${schoolIds}::uuid[]) GROUP BY 1
    )
    SELECT o.id AS "schoolId", o.name AS "schoolName",
           COALESCE(staff.n, 0) AS staff,
           count(e.school_id)::int AS enrolments,
           (count(*) FILTER (WHERE e.lessons > 0 AND e.done >= e.lessons))::int AS completed,
           (count(*) FILTER (WHERE e.lessons > 0 AND e.done > 0 AND e.done < e.lessons))::int AS "inProgress",
           (count(*) FILTER (WHERE e.school_id IS NOT NULL AND (e.lessons = 0 OR e.done <= 0)))::int AS "notStarted",
           CASE WHEN count(e.school_id) = 0 THEN 0
                ELSE (count(*) FILTER (WHERE e.lessons > 0 AND e.done >= e.lessons))::float8 / count(e.school_id) END AS "completedRatio",
           max(e."lastActivityAt") AS "lastActivityAt"
      FROM "Organisation" o
      LEFT JOIN staff ON staff.school_id = o.id
      LEFT JOIN e ON e.school_id = o.id
     WHERE o.id = ANY(${schoolIds}::uuid[])
     GROUP BY o.id, o.name, staff.n
     ORDER BY ${order}`;
  // The share completed as a school's own view shows it (lib/progress/percentages.ts), so the two never differ by a point.
  return rows.map((s) => ({
    schoolId: s.schoolId, schoolName: s.schoolName, staff: s.staff, enrolments: s.enrolments, completed: s.completed,
    inProgress: s.inProgress, notStarted: s.notStarted, percentCompleted: completedShare(s), lastActivityAt: s.lastActivityAt,
  }));
}

/** The share completed, from the three counts, exactly as a school's progress view works it out. */
export function completedShare(figures: { notStarted: number; inProgress: number; completed: number }): number {
  return sharesOf([figures.notStarted, figures.inProgress, figures.completed])[2]!;
}

export type CourseMatrix = {
  courses: { courseId: string; title: string }[];
  /** courseId → schoolId → figures; a missing cell means nobody at that school is enrolled. */
  cells: Map<string, Map<string, { enrolments: number; completed: number; percent: number }>>;
};

/** For each course, % completed at each school: one query. */
export async function courseBySchoolMatrix(schoolIds: string[]): Promise<CourseMatrix> {
  if (schoolIds.length === 0) return { courses: [], cells: new Map() };
  const rows = await db.$queryRaw<{ courseId: string; title: string; schoolId: string; enrolments: number; completed: number; notStarted: number }[]>`
    SELECT c.id AS "courseId", c.title, m."organisationId" AS "schoolId",
           count(*)::int AS enrolments,
           (count(*) FILTER (WHERE COALESCE(lc.n, 0) > 0 AND en."completedLessons" >= lc.n))::int AS completed,
           (count(*) FILTER (WHERE COALESCE(lc.n, 0) = 0 OR en."completedLessons" <= 0))::int AS "notStarted"
      FROM "Membership" m
      JOIN "Enrolment" en ON en."userId" = m."userId"
      JOIN "Course" c ON c.id = en."courseId"
      LEFT JOIN ${lessonCounts} lc ON lc."courseId" = c.id
     WHERE m."organisationId" = ANY(${schoolIds}::uuid[])
     GROUP BY c.id, c.title, m."organisationId"
     ORDER BY c.title`;
  const courses: CourseMatrix["courses"] = [];
  const cells: CourseMatrix["cells"] = new Map();
  for (const row of rows) {
    if (!cells.has(row.courseId)) {
      courses.push({ courseId: row.courseId, title: row.title });
      cells.set(row.courseId, new Map());
    }
    cells.get(row.courseId)!.set(row.schoolId, {
      enrolments: row.enrolments,
      completed: row.completed,
      percent: completedShare({ notStarted: row.notStarted, inProgress: row.enrolments - row.completed - row.notStarted, completed: row.completed }),
    });
  }
  return { courses, cells };
}

/**
 * The overview as CSV (UTF-8 with a byte-order mark, ISO dates), recorded in the audit log. The caller
 * passes the school ids lib/access.ts granted for this trust; it is a handful of rows, so no streaming.
 */
export async function exportTrustOverview(viewerId: string, trust: { trustId: string; trustName: string }, schoolIds: string[]) {
  const schools = await summariseSchools(schoolIds);
  await db.auditLog.create({
    data: { actorId: viewerId, action: "overview.exported", organisationId: trust.trustId, targetType: "Organisation", targetId: trust.trustId, after: { schools: schools.length } },
  });
  const header = csvLine(["School", "Staff", "Enrolments", "% completed", "Completed", "In progress", "Not started", "Last activity"]);
  const rows = schools.map((s) => csvLine([s.schoolName, s.staff, s.enrolments, s.percentCompleted, s.completed, s.inProgress, s.notStarted, isoDate(s.lastActivityAt)]));
  return { fileName: `trust-overview-${fileSlug(trust.trustName, "trust")}-${isoDate(new Date())}.csv`, csv: BYTE_ORDER_MARK + header + rows.join("") };
}
