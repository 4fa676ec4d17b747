import "server-only";
import { findSchoolProgressScope, type SchoolProgressScope } from "./access";
import { NotFoundError } from "./errors";
import { db } from "./db";
import { progressOf, type EnrolmentStatus } from "./enrolments";
import { Prisma } from "./generated/prisma/client";
import { sortKeyKinds, type Cursor, type KeyKind, type ProgressFilters, type ProgressQuery, type ProgressSort } from "./progress-query";

/*
 * A school's progress: every enrolment of every member (any role) of the school. Two statements per
 * page whatever its size: one for the rows (keyset pagination on the sort key plus the enrolment id,
 * never OFFSET), one for the summary figures. Both start from the Membership(organisationId) index and
 * reach enrolments through the Enrolment(userId, courseId) index, so they read only this school's rows.
 *
 * Every exported function takes the viewer's id and asks lib/access.ts first (the cached answer the
 * page's selector uses), failing with NotFoundError for a school the viewer may not see.
 */

export type ProgressRow = {
  id: string;
  name: string;
  email: string;
  courseTitle: string;
  status: EnrolmentStatus;
  percent: number;
  enrolledAt: Date;
  lastActivityAt: Date | null;
  completedAt: Date | null;
};

export type ProgressPage = { rows: ProgressRow[]; nextCursor?: Cursor; previousCursor?: Cursor };

export type ProgressSummary = { staff: number; enrolments: number; completed: number; notStarted: number; percentCompleted: number };

async function requireScope(viewerId: string, schoolId: string): Promise<SchoolProgressScope> {
  const scope = await findSchoolProgressScope(viewerId, schoolId);
  if (!scope) throw new NotFoundError();
  return scope;
}

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

/** FROM and WHERE shared by the rows, the summary and the export: one school, then the filters. */
function scopedEnrolments(schoolId: string, filters: ProgressFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`m."organisationId" = ${schoolId}::uuid`];
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

type RowRecord = Omit<ProgressRow, "status" | "percent"> & { completedLessons: number; lessonCount: number; sortKeys: string[] };

/**
 * One page of rows after (or before) a cursor, plus one extra row that says whether there is more.
 * Exported for the benchmark's EXPLAIN; pages and exports go through the functions below.
 */
export function progressRowsSql(schoolId: string, query: Omit<ProgressQuery, "size">, limit: number): { sql: Prisma.Sql; backwards: boolean } {
  const keys = sortKeys(query.sort, query.dir);
  const cursor = query.after ?? query.before;
  const backwards = !query.after && !!query.before;
  // Walking backwards from a `before` cursor reads the reverse order; the caller turns the page round.
  const ascending = (query.dir === "asc") !== backwards;
  const order = Prisma.raw(ascending ? "ASC" : "DESC");
  const kinds = sortKeyKinds[query.sort];
  const seek = cursor
    ? Prisma.sql`AND (${Prisma.join(keys, ", ")}, e.id) ${Prisma.raw(ascending ? ">" : "<")} (${Prisma.join(
        cursor.keys.map((key, i) => Prisma.sql`${key}${casts[kinds[i]!]}`),
        ", ",
      )}, ${cursor.id}::uuid)`
    : Prisma.empty;
  const sql = Prisma.sql`
    SELECT e.id, u.name, u.email, c.title AS "courseTitle", e."enrolledAt", e."lastActivityAt", e."completedAt",
           e."completedLessons", ${lessonCount} AS "lessonCount",
           ARRAY[${Prisma.join(keys.map((key) => Prisma.sql`(${key})::text`), ", ")}] AS "sortKeys"
    ${scopedEnrolments(schoolId, query)} ${seek}
     ORDER BY ${Prisma.join(keys.map((key) => Prisma.sql`${key} ${order}`), ", ")}, e.id ${order}
     LIMIT ${limit + 1}::int`;
  return { sql, backwards };
}

function toRow(record: RowRecord): ProgressRow {
  return {
    id: record.id,
    name: record.name,
    email: record.email,
    courseTitle: record.courseTitle,
    enrolledAt: record.enrolledAt,
    lastActivityAt: record.lastActivityAt,
    completedAt: record.completedAt,
    ...progressOf(record.completedLessons, record.lessonCount),
  };
}

/** Rows of one page, without the access check: callers below have made it. */
async function readPage(schoolId: string, query: Omit<ProgressQuery, "size">, size: number): Promise<ProgressPage> {
  const { sql, backwards } = progressRowsSql(schoolId, query, size);
  const records = await db.$queryRaw<RowRecord[]>(sql);
  const more = records.length > size;
  const page = records.slice(0, size);
  if (backwards) page.reverse();
  const cursorOf = (record: RowRecord | undefined): Cursor | undefined => (record ? { keys: record.sortKeys, id: record.id } : undefined);
  const first = cursorOf(page[0]);
  const last = cursorOf(page[page.length - 1]);
  const cameFromCursor = !!(query.after ?? query.before);
  return {
    rows: page.map(toRow),
    // Forwards there is a next page when the extra row came back; backwards there always is (we came from it).
    nextCursor: backwards ? last : more ? last : undefined,
    previousCursor: backwards ? (more ? first : undefined) : cameFromCursor ? first : undefined,
  };
}

/** One page of a school's progress, as the page shows it. */
export async function listSchoolProgress(viewerId: string, schoolId: string, query: ProgressQuery): Promise<ProgressPage> {
  await requireScope(viewerId, schoolId);
  return readPage(schoolId, query, query.size);
}

async function* readBatches(schoolId: string, query: ProgressQuery, batchSize: number): AsyncGenerator<ProgressRow[]> {
  let after: Cursor | undefined;
  do {
    const page = await readPage(schoolId, { ...query, after, before: undefined }, batchSize);
    if (page.rows.length) yield page.rows;
    after = page.nextCursor;
  } while (after);
}

/**
 * Every matching row, a batch at a time by the same keyset, so memory stays flat however many rows
 * there are. The access check happens before this resolves, so a refusal never starts a download.
 */
export async function readAllSchoolProgress(
  viewerId: string,
  schoolId: string,
  query: ProgressQuery,
  batchSize = 1000,
): Promise<{ school: SchoolProgressScope; batches: AsyncGenerator<ProgressRow[]> }> {
  const school = await requireScope(viewerId, schoolId);
  return { school, batches: readBatches(schoolId, query, batchSize) };
}

/** The figures above the table, for the same filtered rows. */
export async function summariseSchoolProgress(viewerId: string, schoolId: string, filters: ProgressFilters): Promise<ProgressSummary> {
  await requireScope(viewerId, schoolId);
  const [row] = await db.$queryRaw<{ staff: number; enrolments: number; completed: number; notStarted: number }[]>`
    SELECT count(DISTINCT e."userId")::int AS staff, count(*)::int AS enrolments,
           (count(*) FILTER (WHERE ${statusRank} = 2))::int AS completed,
           (count(*) FILTER (WHERE ${statusRank} = 0))::int AS "notStarted"
    ${scopedEnrolments(schoolId, filters)}`;
  const figures = row ?? { staff: 0, enrolments: 0, completed: 0, notStarted: 0 };
  return { ...figures, percentCompleted: figures.enrolments ? Math.round((figures.completed / figures.enrolments) * 100) : 0 };
}

/** The courses the Course filter offers. */
export async function listCourseOptions(): Promise<{ id: string; title: string }[]> {
  return db.course.findMany({ select: { id: true, title: true }, orderBy: { title: "asc" } });
}
