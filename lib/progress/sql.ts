// The SQL of a school's progress view, built here and run by lib/progress/school.ts (which checks access first).
// Kept apart and free of "server-only" so that the benchmark (scripts/bench-progress.ts) EXPLAINs the very
// statements the page runs. Everything user-supplied is a bound parameter; only the whitelisted sort
// expressions and directions are spliced in.
import { Prisma } from "../generated/prisma/client";
import type { EnrolmentStatus } from "../enrolments";
import { sortKeyKinds, type Cursor, type KeyKind, type ProgressFilters, type ProgressQuery, type ProgressSort } from "./query";

export type ProgressRowRecord = {
  id: string;
  name: string;
  email: string;
  courseTitle: string;
  enrolledAt: Date;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  completedLessons: number;
  lessonCount: number;
  sortKeys: string[];
};

// The same definitions as progressOf() in lib/enrolments.ts, in SQL, so filters and sorting agree with what is shown.
const lessonCount = Prisma.raw(`COALESCE(lc.n, 0)`);
const statusRank = Prisma.sql`(CASE WHEN ${lessonCount} = 0 OR e."completedLessons" <= 0 THEN 0 WHEN e."completedLessons" >= lc.n THEN 2 ELSE 1 END)`;
const percent = Prisma.sql`(CASE WHEN ${lessonCount} = 0 THEN 0 ELSE round(100.0 * LEAST(e."completedLessons", lc.n) / lc.n)::int END)`;
const statusRanks: Record<EnrolmentStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 1, COMPLETED: 2 };

/** Empty dates sort last in both directions. */
function nullsLast(column: string, dir: "asc" | "desc") {
  return Prisma.raw(`COALESCE(${column}, '${dir === "asc" ? "infinity" : "-infinity"}'::timestamp(3))`);
}

function sortKeys(sort: ProgressSort, dir: "asc" | "desc"): Prisma.Sql[] {
  const name = Prisma.raw(`u.name`);
  const title = Prisma.raw(`c.title`);
  switch (sort) {
    case "name": return [name, title];
    case "email": return [Prisma.raw(`u.email`), title];
    case "course": return [title, name];
    case "status": return [statusRank, name];
    case "progress": return [percent, name];
    case "enrolled": return [Prisma.raw(`e."enrolledAt"`)];
    case "activity": return [nullsLast(`e."lastActivityAt"`, dir)];
    case "completed": return [nullsLast(`e."completedAt"`, dir)];
  }
}

const casts: Record<KeyKind, Prisma.Sql> = { text: Prisma.raw("::text"), int: Prisma.raw("::int"), timestamp: Prisma.raw("::timestamp(3)") };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * FROM and WHERE shared by the rows, the summary and the exports: one school (or, for a trust's export,
 * the schools lib/access.ts granted), then the filters.
 */
function scopedEnrolments(schools: string | string[], filters: ProgressFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    typeof schools === "string" ? Prisma.sql`m."organisationId" = ${schools}::uuid` : Prisma.sql`m."organisationId" = ANY(${schools}::uuid[])`,
  ];
  if (filters.course) conditions.push(Prisma.sql`e."courseId" = ${filters.course}::uuid`);
  if (filters.status) conditions.push(Prisma.sql`${statusRank} = ${statusRanks[filters.status]}::int`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(Prisma.sql`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  return Prisma.sql`
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      JOIN "Enrolment" e ON e."userId" = m."userId"
      JOIN "Course" c ON c.id = e."courseId"
      LEFT JOIN (SELECT "courseId", count(*)::int AS n FROM "Lesson" GROUP BY "courseId") lc ON lc."courseId" = e."courseId"
     WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** `(sort keys, id) <op> (cursor)`: the keyset comparison, with the cursor's parts cast to their kinds. */
function compareToCursor(query: Pick<ProgressQuery, "sort" | "dir">, cursor: Cursor, op: "<" | "<=" | ">" | ">="): Prisma.Sql {
  const kinds = sortKeyKinds[query.sort];
  return Prisma.sql`(${Prisma.join(sortKeys(query.sort, query.dir), ", ")}, e.id) ${Prisma.raw(op)} (${Prisma.join(
    cursor.keys.map((key, i) => Prisma.sql`${key}${casts[kinds[i]!]}`),
    ", ",
  )}, ${cursor.id}::uuid)`;
}

/**
 * One page of rows after (or before) a cursor, plus one extra row that says whether there is more; the
 * last page reads the order backwards from the end (ties stay exact: the id breaks them both ways); with
 * no limit, every row in order (the export).
 */
export function progressRowsSql(schoolId: string, query: Omit<ProgressQuery, "size">, limit: number | null): { sql: Prisma.Sql; backwards: boolean } {
  const keys = sortKeys(query.sort, query.dir);
  const cursor = query.after ?? query.before;
  const backwards = !query.after && (!!query.before || !!query.last);
  // Walking backwards (from a `before` cursor, or from the end) reads the reverse order; the caller turns the page round.
  const ascending = (query.dir === "asc") !== backwards;
  const order = Prisma.raw(ascending ? "ASC" : "DESC");
  const seek = cursor ? Prisma.sql`AND ${compareToCursor(query, cursor, ascending ? ">" : "<")}` : Prisma.empty;
  const sql = Prisma.sql`
    SELECT e.id, u.name, u.email, c.title AS "courseTitle", e."enrolledAt", e."lastActivityAt", e."completedAt",
           e."completedLessons", ${lessonCount} AS "lessonCount",
           ARRAY[${Prisma.join(keys.map((key) => Prisma.sql`(${key})::text`), ", ")}] AS "sortKeys"
    ${scopedEnrolments(schoolId, query)} ${seek}
     ORDER BY ${Prisma.join(keys.map((key) => Prisma.sql`${key} ${order}`), ", ")}, e.id ${order}
     ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit + 1}::int`}`;
  return { sql, backwards };
}

/**
 * The summary figures of the same filtered rows, in one statement. Counting per person first (a hash
 * aggregate over the school's staff) avoids count(DISTINCT), which would sort every enrolment. With a
 * cursor it also counts the rows that come before it in the view's order (`preceding`: up to and
 * including an `after` cursor, strictly before a `before` one), so a keyset page can say "41–60 of 1,240"
 * without another statement.
 */
export function progressSummarySql(schoolId: string, query: ProgressFilters & Partial<Pick<ProgressQuery, "sort" | "dir" | "after" | "before">>): Prisma.Sql {
  const view = { sort: query.sort ?? "name", dir: query.dir ?? "asc" } as const;
  const asc = view.dir === "asc";
  const preceding = query.after
    ? compareToCursor(view, query.after, asc ? "<=" : ">=")
    : query.before
      ? compareToCursor(view, query.before, asc ? "<" : ">")
      : null;
  return Prisma.sql`
    SELECT count(*)::int AS staff, COALESCE(sum(n), 0)::int AS enrolments,
           COALESCE(sum(completed), 0)::int AS completed, COALESCE(sum(not_started), 0)::int AS "notStarted",
           COALESCE(sum(preceding), 0)::int AS preceding
      FROM (SELECT count(*) AS n,
                   count(*) FILTER (WHERE ${statusRank} = 2) AS completed,
                   count(*) FILTER (WHERE ${statusRank} = 0) AS not_started,
                   ${preceding ? Prisma.sql`count(*) FILTER (WHERE ${preceding})` : Prisma.raw("0")} AS preceding
            ${scopedEnrolments(schoolId, query)}
             GROUP BY e."userId") per_person`;
}

export type TrustEnrolmentRecord = Omit<ProgressRowRecord, "sortKeys" | "id"> & { schoolName: string };

/**
 * Every enrolment of every school in `schoolIds` (already granted by lib/access.ts), with the school
 * view's filters, schools in the order given (the overview's), then person, course and id: the trust's
 * enrolment export, read under a cursor.
 */
export function trustEnrolmentsSql(schoolIds: string[], filters: ProgressFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT (SELECT o.name FROM "Organisation" o WHERE o.id = m."organisationId") AS "schoolName", u.name, u.email, c.title AS "courseTitle", e."enrolledAt", e."lastActivityAt", e."completedAt",
           e."completedLessons", ${lessonCount} AS "lessonCount"
    ${scopedEnrolments(schoolIds, filters)}
     ORDER BY array_position(${schoolIds}::uuid[], m."organisationId"), u.name, u.email, c.title, e.id`;
}
