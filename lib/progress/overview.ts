import "server-only";
import type { TrustOverviewScope } from "../access";
import { BYTE_ORDER_MARK, csvLine, fileSlug, isoDate } from "../csv";
import { db } from "../db";
import { formatDate } from "../format";
import { londonToday, type IsoDate } from "../requirements/status";
import { summariseTrustCompliance, type ComplianceFigures, type TrustCompliance } from "../requirements/trust-compliance";
import { readSearchParam } from "../search-params";
import { sharesOf } from "./percentages";
import { enrolmentStatuses, perStatus, statusOfSlug, type EnrolmentStatus } from "./status";

// The Trust overview's figures, read from the tally the database keeps ("ProgressTally", maintained by
// triggers in the progress_tally migration in the same transaction as every change to an enrolment or a
// membership), never from the enrolments themselves: a render costs the same for 10,000 enrolments as for
// 400,000 (required training is the exception: see below). Three statements per render (schools, required
// training, matrix) whatever the number of schools and courses. Which schools count is lib/access.ts's answer, carried by the TrustOverviewScope: nothing here widens it.
// Every per-status figure is built from the status table (lib/progress/status.ts), so a status added there
// shows up here, in the sort keys (its slug) and in the CSV (its label) without an edit.
// Required training (issue 13): each school's compliance (in date ÷ required) comes from one more statement,
// lib/requirements/trust-compliance.ts over required_training(), on today's date in England; its course ×
// school cells feed the page's "Required training" section and the summary CSV's per-course columns. It reads
// memberships and enrolments (one row per person and required course, by index), as a status that depends on
// today's date cannot be kept in the tally; its cost follows the staff, not their other enrolments.

/** The status whose share the overview leads with ("% completed", the bars, the matrix). */
export const HEADLINE_STATUS: EnrolmentStatus = "COMPLETED";

export type StatusFigures = {
  enrolments: number;
  counts: Record<EnrolmentStatus, number>;
  /** Shares of the enrolments by status, adding up to 100 (lib/progress/percentages.ts), as a school's own view works them out. */
  percent: Record<EnrolmentStatus, number>;
};

export type SchoolSummary = StatusFigures & {
  schoolId: string;
  schoolName: string;
  staff: number;
  lastActivityAt: Date | null;
  /** Required training at the school, over all its (person, required course) pairs; percent null when none. */
  compliance: ComplianceFigures;
};

export type OverviewSort = "name" | "staff" | "compliance" | "enrolments" | (typeof enrolmentStatuses)[number]["slug"] | "activity";

const count = new Intl.NumberFormat("en-GB");

/**
 * The overview's columns, once: the table's headers and cells, the phone cards' details, the Sort by
 * options and the summary CSV are all built from this list. A status's column (one per entry of the status
 * table) shows its share and count; the CSV gives each its count and its share.
 */
export type OverviewColumn = {
  sort: OverviewSort;
  label: string;
  /** The status a column is about, when it is one. */
  status?: EnrolmentStatus;
  /** The value as the screen shows it (the school's name is a link, drawn by the page). */
  screen: (school: SchoolSummary) => string;
  csv: { header: string; value: (school: SchoolSummary) => string | number }[];
};

export const overviewColumns: readonly [OverviewColumn, ...OverviewColumn[]] = [
  { sort: "name", label: "School", screen: (s) => s.schoolName, csv: [{ header: "School", value: (s) => s.schoolName }] },
  { sort: "staff", label: "Staff", screen: (s) => count.format(s.staff), csv: [{ header: "Staff", value: (s) => s.staff }] },
  {
    sort: "compliance",
    label: "Compliance",
    screen: (s) => (s.compliance.percent === null ? "—" : `${s.compliance.percent}%`),
    csv: [{ header: "Compliance %", value: (s) => s.compliance.percent ?? "" }],
  },
  { sort: "enrolments", label: "Enrolments", screen: (s) => count.format(s.enrolments), csv: [{ header: "Enrolments", value: (s) => s.enrolments }] },
  ...enrolmentStatuses.map((status): OverviewColumn => ({
    sort: status.slug,
    label: status.label,
    status: status.key,
    screen: (s) => `${s.percent[status.key]}% (${count.format(s.counts[status.key])})`,
    csv: [
      { header: status.label, value: (s) => s.counts[status.key] },
      { header: `% ${status.label.toLowerCase()}`, value: (s) => s.percent[status.key] },
    ],
  })),
  { sort: "activity", label: "Last activity", screen: (s) => formatDate(s.lastActivityAt), csv: [{ header: "Last activity", value: (s) => isoDate(s.lastActivityAt) }] },
];

export const overviewSorts = overviewColumns.map((c) => c.sort);

/**
 * Schools per page of the overview: its table, cards and course matrix show one page of schools at a time
 * (a page's matrix is 15 × every course on each layout: its size, not the data, is what a render costs).
 */
export const OVERVIEW_PAGE_SIZE = 15;

export type OverviewView = { sort: OverviewSort; dir: "asc" | "desc"; page: number };

/** The overview's sort and page from its URL, leniently: anything unknown is the default (name, A to Z, page 1). */
export function overviewViewOf(params: URLSearchParams | Record<string, string | string[] | undefined>): OverviewView {
  const read = (name: string) => readSearchParam(params, name) ?? "";
  const sort = read("sort");
  const page = /^[1-9]\d{0,3}$/.test(read("page")) ? Number(read("page")) : 1;
  return { sort: (overviewSorts as readonly string[]).includes(sort) ? (sort as OverviewSort) : "name", dir: read("dir") === "desc" ? "desc" : "asc", page };
}

/** One page of the sorted schools (a page past the end shows the last), with where it sits among them. */
export function overviewPage<T>(schools: readonly T[], page: number): { shown: T[]; page: number; pages: number; first: number; last: number } {
  const pages = Math.max(1, Math.ceil(schools.length / OVERVIEW_PAGE_SIZE));
  const current = Math.min(page, pages);
  const start = (current - 1) * OVERVIEW_PAGE_SIZE;
  const shown = schools.slice(start, start + OVERVIEW_PAGE_SIZE);
  return { shown, page: current, pages, first: shown.length ? start + 1 : 0, last: start + shown.length };
}

/** Counts by status in, the figures a page shows out (total and shares). */
export function statusFigures(counts: Record<EnrolmentStatus, number>): StatusFigures {
  const shares = sharesOf(enrolmentStatuses.map((s) => counts[s.key]));
  return { enrolments: enrolmentStatuses.reduce((sum, s) => sum + counts[s.key], 0), counts, percent: perStatus((_, rank) => shares[rank]!) };
}

const noCounts = () => perStatus(() => 0);

type SchoolRow = { schoolId: string; status: EnrolmentStatus | null; n: number; lastActivityAt: Date | null };

/**
 * One row per school of the trust (those with no member or no enrolment too), in the requested order,
 * and the trust's required training. Two statements, at once: the tally summed per school and status with
 * the staff (members of any role) per school; and required training per school and course.
 */
export async function summariseTrustOverview(
  trust: TrustOverviewScope,
  sort: OverviewSort = "name",
  dir: "asc" | "desc" = "asc",
  today: IsoDate = londonToday(),
): Promise<{ schools: SchoolSummary[]; compliance: TrustCompliance }> {
  const ids = trust.schools.map((s) => s.schoolId);
  const [rows, compliance] = await Promise.all([
    ids.length === 0 ? Promise.resolve([]) : tallyRows(ids),
    summariseTrustCompliance(trust, today),
  ]);
  const bySchool = new Map(trust.schools.map((s) => [s.schoolId, { staff: 0, counts: noCounts(), lastActivityAt: null as Date | null }]));
  for (const row of rows) {
    const school = bySchool.get(row.schoolId)!;
    if (row.status === null) school.staff = row.n;
    else {
      school.counts[row.status] = row.n;
      if (row.lastActivityAt && (!school.lastActivityAt || row.lastActivityAt > school.lastActivityAt)) school.lastActivityAt = row.lastActivityAt;
    }
  }
  const summaries = trust.schools.map(({ schoolId, schoolName }) => {
    const { staff, counts, lastActivityAt } = bySchool.get(schoolId)!;
    return { schoolId, schoolName, staff, lastActivityAt, compliance: compliance.schools.get(schoolId)!, ...statusFigures(counts) };
  });
  return { schools: sortSchools(summaries, trust, sort, dir), compliance };
}

/** The schools alone (summariseTrustOverview's), for callers that need no course figures. */
export async function summariseSchools(trust: TrustOverviewScope, sort: OverviewSort = "name", dir: "asc" | "desc" = "asc", today?: IsoDate): Promise<SchoolSummary[]> {
  return (await summariseTrustOverview(trust, sort, dir, today)).schools;
}

function tallyRows(ids: string[]) {
  return db.$queryRaw<SchoolRow[]>`
    SELECT "organisationId" AS "schoolId", NULL::"EnrolmentStatus" AS status, count(*)::int AS n, NULL::timestamp(3) AS "lastActivityAt"
      FROM "Membership" WHERE "organisationId" = ANY(${ids}::uuid[]) GROUP BY "organisationId"
    UNION ALL
    SELECT "schoolId", status, sum(enrolments)::int, max("lastActivityAt")
      FROM "ProgressTally" WHERE "schoolId" = ANY(${ids}::uuid[]) GROUP BY "schoolId", status`;
}

/** The schools by compliance, worst first, those with nothing required last (the overview's "Required training"). */
export function worstFirst(summaries: SchoolSummary[], trust: TrustOverviewScope): SchoolSummary[] {
  return sortSchools(summaries, trust, "compliance", "asc");
}

/**
 * Sorted here: a few dozen rows. Names keep lib/access.ts's order (the database's collation), which
 * also breaks every tie; a school with no activity, or nothing required (compliance), comes last either way.
 * Compliance ascending is worst first.
 */
function sortSchools(summaries: SchoolSummary[], trust: TrustOverviewScope, sort: OverviewSort, dir: "asc" | "desc"): SchoolSummary[] {
  const nameRank = new Map(trust.schools.map((s, i) => [s.schoolId, i]));
  const status = statusOfSlug(sort);
  const key = (s: SchoolSummary): number | null =>
    sort === "name" ? nameRank.get(s.schoolId)!
    : sort === "staff" ? s.staff
    : sort === "enrolments" ? s.enrolments
    : sort === "compliance" ? s.compliance.percent
    : sort === "activity" ? s.lastActivityAt?.getTime() ?? null
    : s.percent[status!];
  const sign = dir === "desc" ? -1 : 1;
  return [...summaries].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return sign * (ka - kb);
    }
    return nameRank.get(a.schoolId)! - nameRank.get(b.schoolId)!;
  });
}

export type CourseMatrix = {
  courses: { courseId: string; title: string }[];
  /** courseId → schoolId → figures; a missing cell means nobody at that school is enrolled. */
  cells: Map<string, Map<string, StatusFigures>>;
};

/** For each course, the figures at each school of the trust: one statement over the tally. */
export async function courseBySchoolMatrix(trust: TrustOverviewScope): Promise<CourseMatrix> {
  const ids = trust.schools.map((s) => s.schoolId);
  if (ids.length === 0) return { courses: [], cells: new Map() };
  const rows = await db.$queryRaw<{ courseId: string; title: string; schoolId: string; status: EnrolmentStatus; n: number }[]>`
    SELECT t."courseId", c.title, t."schoolId", t.status, t.enrolments AS n
      FROM "ProgressTally" t JOIN "Course" c ON c.id = t."courseId"
     WHERE t."schoolId" = ANY(${ids}::uuid[]) AND t.enrolments > 0
     ORDER BY c.title, c.id`;
  const courses: CourseMatrix["courses"] = [];
  const counts = new Map<string, Map<string, Record<EnrolmentStatus, number>>>();
  for (const row of rows) {
    let course = counts.get(row.courseId);
    if (!course) {
      courses.push({ courseId: row.courseId, title: row.title });
      counts.set(row.courseId, (course = new Map()));
    }
    const cell = course.get(row.schoolId) ?? noCounts();
    cell[row.status] = row.n;
    course.set(row.schoolId, cell);
  }
  const cells: CourseMatrix["cells"] = new Map(
    [...counts].map(([courseId, schools]) => [courseId, new Map([...schools].map(([schoolId, cell]) => [schoolId, statusFigures(cell)]))]),
  );
  return { courses, cells };
}

/** The summary CSV's fixed header: the overview's columns, a count and a share per status. */
export const trustOverviewCsvHeader = overviewColumns.flatMap((c) => c.csv.map((field) => field.header));

/**
 * The summary CSV's columns per required course, after the fixed ones: for each course required at any
 * school of the trust, its in-date share and its overdue count at each school (empty where not required).
 */
export function requiredCourseCsvColumns(compliance: TrustCompliance): { header: string; value: (school: SchoolSummary) => string | number }[] {
  return compliance.courses.flatMap(({ courseId, title }) => {
    const cell = (s: SchoolSummary) => compliance.cells.get(courseId)?.get(s.schoolId);
    return [
      { header: `${title}: % in date`, value: (s: SchoolSummary) => cell(s)?.percent ?? "" },
      { header: `${title}: overdue`, value: (s: SchoolSummary) => cell(s)?.overdue ?? "" },
    ];
  });
}

/**
 * The overview as CSV (UTF-8 with a byte-order mark, ISO dates), recorded in the audit log as the scope's
 * viewer. A handful of rows, so no streaming.
 */
export async function exportTrustOverview(trust: TrustOverviewScope, today: IsoDate = londonToday()) {
  const { schools, compliance } = await summariseTrustOverview(trust, "name", "asc", today);
  const perCourse = requiredCourseCsvColumns(compliance);
  await db.auditLog.create({
    data: { actorId: trust.viewerId, action: "overview.exported", organisationId: trust.trustId, targetType: "Organisation", targetId: trust.trustId, after: { schools: schools.length } },
  });
  const fields = [...overviewColumns.flatMap((c) => c.csv), ...perCourse];
  const rows = schools.map((s) => csvLine(fields.map((field) => field.value(s))));
  return { fileName: `trust-overview-${fileSlug(trust.trustName, "trust")}-${isoDate(new Date())}.csv`, csv: BYTE_ORDER_MARK + csvLine(fields.map((f) => f.header)) + rows.join("") };
}
