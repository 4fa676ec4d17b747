// The SQL of a school's progress view, built from the column list (lib/progress/columns.ts) and run by
// lib/progress/school.ts. Kept apart and free of "server-only" so that the benchmark (scripts/bench-progress.ts)
// EXPLAINs the very statements the page runs. Every builder takes a scope object that only lib/access.ts
// makes, so no statement can be built for a school nobody checked. Everything user-supplied is a bound
// parameter; only the columns' own SQL and whitelisted directions are spliced in.
import type { SchoolProgressScope, TrustOverviewScope } from "../access";
import { Prisma } from "../generated/prisma/client";
import { requiredTrainingOf } from "../requirements/sql";
import { londonToday } from "../requirements/status";
import { schoolColumns, sortKeysOf, type KeyKind, type ProgressRow, type SortKey } from "./columns";
import { enrolmentStatuses } from "./status";
import type { Cursor, ProgressFilters, ProgressQuery } from "./query";

export type ProgressRowRecord = ProgressRow & { sortKeys: string[] };

/** Every column, selected under its key: what a row of the view (and of either CSV) is read from. */
const selectColumns = Prisma.raw(schoolColumns.map((c) => `${c.sql} AS "${c.key}"`).join(", "));

/**
 * A sort key as compared and ordered: an empty date sorts last in both directions; a required-training status
 * sorts by its rank in the enum (worst first), an empty one (a course not required) last in both directions.
 */
function keySql(key: SortKey, dir: "asc" | "desc"): Prisma.Sql {
  if (key.kind === "required") {
    const rank = `array_position(enum_range(NULL::"RequiredStatus"), ${key.sql})`;
    return Prisma.raw(key.emptyLast ? `COALESCE(${rank}, ${dir === "asc" ? 99 : -1})` : rank);
  }
  const end = dir === "asc" ? "infinity" : "-infinity";
  if (key.kind === "date") return Prisma.raw(key.emptyLast ? `COALESCE(${key.sql}, '${end}'::date)` : key.sql);
  return Prisma.raw(key.emptyLast ? `COALESCE(${key.sql}, '${end}'::timestamp(3))` : key.sql);
}

function sortKeys(sort: ProgressQuery["sort"], dir: "asc" | "desc"): Prisma.Sql[] {
  return sortKeysOf(sort).map((key) => keySql(key, dir));
}

const casts: Record<KeyKind, Prisma.Sql> = {
  text: Prisma.raw("::text"),
  int: Prisma.raw("::int"),
  timestamp: Prisma.raw("::timestamp(3)"),
  status: Prisma.raw(`::"EnrolmentStatus"`),
  date: Prisma.raw("::date"),
  required: Prisma.raw("::int"),
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * FROM and WHERE shared by the rows, the summary and the exports: the schools of a scope (one school, or
 * every school a trust's overview was granted), then the filters. Status is the stored e.status. Each
 * enrolment meets its required-training row (rt) at the same school, when the course is required of it
 * there: required_training() for the scope's schools on the filters' date (lib/requirements/sql.ts). The
 * rows and the exports always join it (its columns are in the list); the summary only when it filters by it.
 */
function scopedEnrolments(schools: SchoolProgressScope | TrustOverviewScope, filters: ProgressFilters, joinRequired = true): Prisma.Sql {
  const schoolIds = "schoolId" in schools ? [schools.schoolId] : schools.schools.map((s) => s.schoolId);
  const conditions: Prisma.Sql[] = [
    "schoolId" in schools
      ? Prisma.sql`m."organisationId" = ${schools.schoolId}::uuid`
      : Prisma.sql`m."organisationId" = ANY(${schoolIds}::uuid[])`,
  ];
  if (filters.course) conditions.push(Prisma.sql`e."courseId" = ${filters.course}::uuid`);
  if (filters.status) conditions.push(Prisma.sql`e.status = ${filters.status}::"EnrolmentStatus"`);
  if (filters.required === "required") conditions.push(Prisma.sql`rt.status IS NOT NULL`);
  else if (filters.required) conditions.push(Prisma.sql`rt.status = ${filters.required}::"RequiredStatus"`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q)}%`;
    conditions.push(Prisma.sql`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  return Prisma.sql`
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      JOIN "Enrolment" e ON e."userId" = m."userId"
      JOIN "Course" c ON c.id = e."courseId"
      ${joinRequired || filters.required ? Prisma.sql`LEFT JOIN ${requiredTrainingOf(schoolIds, filters.today ?? londonToday())} rt
        ON rt."schoolId" = m."organisationId" AND rt."userId" = e."userId" AND rt."courseId" = e."courseId"` : Prisma.empty}
     WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** `(sort keys, id) <op> (cursor)`: the keyset comparison, with the cursor's parts cast to their kinds. */
function compareToCursor(query: Pick<ProgressQuery, "sort" | "dir">, cursor: Cursor, op: "<" | "<=" | ">" | ">="): Prisma.Sql {
  const kinds = sortKeysOf(query.sort).map((key) => key.kind);
  return Prisma.sql`(${Prisma.join(sortKeys(query.sort, query.dir), ", ")}, e.id) ${Prisma.raw(op)} (${Prisma.join(
    cursor.keys.map((key, i) => Prisma.sql`${key}${casts[kinds[i]!]}`),
    ", ",
  )}, ${cursor.id}::uuid)`;
}

/** Whether a column (or sort key) reads the required-training row rt rather than the enrolment. */
const readsRequired = (sql: string) => sql.startsWith("rt.");

/**
 * One page of rows after (or before) a cursor, plus one extra row that says whether there is more; the
 * last page reads the order backwards from the end (ties stay exact: the id breaks them both ways); with
 * no limit, every row in order (the export).
 *
 * When neither the sort nor a filter reads required training, a page is chosen first and only its rows
 * meet required_training(), one (school, person, course) at a time (its conditions reach inside the
 * function, so each is a few index lookups), rather than working it out for the whole school. Otherwise
 * (and for the export, which reads every row anyway) every enrolment meets it in one join.
 */
export function progressRowsSql(school: SchoolProgressScope, query: Omit<ProgressQuery, "size">, limit: number | null): { sql: Prisma.Sql; backwards: boolean } {
  const keys = sortKeys(query.sort, query.dir);
  const cursor = query.after ?? query.before;
  const backwards = !query.after && (!!query.before || !!query.last);
  // Walking backwards (from a `before` cursor, or from the end) reads the reverse order; the caller turns the page round.
  const ascending = (query.dir === "asc") !== backwards;
  const order = Prisma.raw(ascending ? "ASC" : "DESC");
  const seek = cursor ? Prisma.sql`AND ${compareToCursor(query, cursor, ascending ? ">" : "<")}` : Prisma.empty;
  const sortKeyTexts = Prisma.sql`ARRAY[${Prisma.join(keys.map((key) => Prisma.sql`(${key})::text`), ", ")}] AS "sortKeys"`;
  const orderBy = Prisma.sql`ORDER BY ${Prisma.join(keys.map((key) => Prisma.sql`${key} ${order}`), ", ")}, e.id ${order}`;
  const limitSql = limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit + 1}::int`;

  const pageFirst = limit !== null && !query.required && !sortKeysOf(query.sort).some((key) => readsRequired(key.sql));
  if (!pageFirst) {
    const sql = Prisma.sql`
    SELECT e.id, ${selectColumns}, ${sortKeyTexts}
    ${scopedEnrolments(school, query)} ${seek}
     ${orderBy}
     ${limitSql}`;
    return { sql, backwards };
  }
  const inner = Prisma.raw(schoolColumns.filter((c) => !readsRequired(c.sql)).map((c) => `${c.sql} AS "${c.key}"`).join(", "));
  const outer = Prisma.raw(schoolColumns.map((c) => (readsRequired(c.sql) ? `${c.sql} AS "${c.key}"` : `p."${c.key}"`)).join(", "));
  const sql = Prisma.sql`
    SELECT p.id, ${outer}, p."sortKeys"
      FROM (SELECT e.id, m."organisationId" AS school_id, e."userId" AS user_id, e."courseId" AS course_id, ${inner}, ${sortKeyTexts},
                   ${Prisma.join(keys.map((key, i) => Prisma.sql`${key} AS ${Prisma.raw(`k${i}`)}`), ", ")}
            ${scopedEnrolments(school, query, false)} ${seek}
             ${orderBy}
             ${limitSql}) p
      LEFT JOIN LATERAL (
        SELECT r.status, r."dueOn" FROM ${requiredTrainingOf([school.schoolId], query.today ?? londonToday())} r
         WHERE r."schoolId" = p.school_id AND r."userId" = p.user_id AND r."courseId" = p.course_id
         LIMIT 1 -- one row at most; it also keeps the planner from flattening this into a join over the whole school
      ) rt ON true
     ORDER BY ${Prisma.join(keys.map((_, i) => Prisma.raw(`p.k${i} ${ascending ? "ASC" : "DESC"}`)), ", ")}, p.id ${order}`;
  return { sql, backwards };
}

/** The summary's count of each status is selected as "s<rank>" (the status table's order). */
export const statusCountColumn = (rank: number) => `s${rank}`;

export type SummaryRecord = { staff: number; enrolments: number; preceding: number } & Record<string, number>;

/**
 * The summary figures of the same filtered rows, in one statement: staff, enrolments and a count per
 * status of the status table. Counting per person first (a hash aggregate over the school's staff)
 * avoids count(DISTINCT), which would sort every enrolment. With a cursor it also counts the rows that
 * come before it in the view's order (`preceding`: up to and including an `after` cursor, strictly
 * before a `before` one), so a keyset page can say "41–60 of 1,240" without another statement.
 * It joins required training only when it needs it: to filter by it, or to place a cursor (whose sort may
 * be by a Required column).
 */
export function progressSummarySql(school: SchoolProgressScope, query: ProgressFilters & Partial<Pick<ProgressQuery, "sort" | "dir" | "after" | "before">>): Prisma.Sql {
  const view = { sort: query.sort ?? "name", dir: query.dir ?? "asc" } as const;
  const asc = view.dir === "asc";
  const preceding = query.after
    ? compareToCursor(view, query.after, asc ? "<=" : ">=")
    : query.before
      ? compareToCursor(view, query.before, asc ? "<" : ">")
      : null;
  const statuses = enrolmentStatuses.map((s, rank) => ({ status: s.key, name: Prisma.raw(`"${statusCountColumn(rank)}"`) }));
  return Prisma.sql`
    SELECT count(*)::int AS staff, COALESCE(sum(n), 0)::int AS enrolments,
           ${Prisma.join(statuses.map((s) => Prisma.sql`COALESCE(sum(${s.name}), 0)::int AS ${s.name}`), ", ")},
           COALESCE(sum(preceding), 0)::int AS preceding
      FROM (SELECT count(*) AS n,
                   ${Prisma.join(statuses.map((s) => Prisma.sql`count(*) FILTER (WHERE e.status = ${s.status}::"EnrolmentStatus") AS ${s.name}`), ", ")},
                   ${preceding ? Prisma.sql`count(*) FILTER (WHERE ${preceding})` : Prisma.raw("0")} AS preceding
            ${scopedEnrolments(school, query, preceding !== null)}
             GROUP BY e."userId") per_person`;
}

export type TrustEnrolmentRecord = Omit<ProgressRow, "id"> & { schoolName: string };

/**
 * Every enrolment of every school of the trust's overview, with the school view's filters: schools in
 * the order given (the overview's, a permutation of the scope's schools: it orders, never widens), then
 * person, course and id. The trust's every-enrolment export, read under a cursor.
 */
export function trustEnrolmentsSql(trust: TrustOverviewScope, schoolOrder: string[], filters: ProgressFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT (SELECT o.name FROM "Organisation" o WHERE o.id = m."organisationId") AS "schoolName", ${selectColumns}
    ${scopedEnrolments(trust, filters)}
     ORDER BY array_position(${schoolOrder}::uuid[], m."organisationId"), u.name, u.email, c.title, e.id`;
}
