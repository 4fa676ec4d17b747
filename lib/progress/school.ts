import "server-only";
import { findSchoolProgressScope, type SchoolProgressScope } from "../access";
import { NotFoundError } from "../errors";
import { db } from "../db";
import { readByCursor } from "../db-cursor";
import { progressOf, type EnrolmentStatus } from "../enrolments";
import { sharesOf } from "./percentages";
import { progressRowsSql, progressSummarySql, type ProgressRowRecord } from "./sql";
import type { Cursor, ProgressFilters, ProgressQuery } from "./query";

/*
 * A school's progress: every enrolment of every member (any role) of the school. Two statements per
 * page whatever its size: one for the rows (keyset pagination on the sort key plus the enrolment id,
 * never OFFSET; the last page reads the order backwards), one for the summary figures and the page's
 * position among the rows. Both start from the Membership(organisationId) index and
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

export type ProgressSummary = {
  staff: number;
  enrolments: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  /** Shares of the enrolments by status, adding up to 100 (lib/progress/percentages.ts); all 0 with no enrolment. */
  percent: Record<EnrolmentStatus, number>;
  percentCompleted: number;
  /** Matching rows before the page's cursor in the view's order (see progressSummarySql), 0 without one. */
  preceding: number;
};

async function requireScope(viewerId: string, schoolId: string): Promise<SchoolProgressScope> {
  const scope = await findSchoolProgressScope(viewerId, schoolId);
  if (!scope) throw new NotFoundError();
  return scope;
}

function toRow(record: ProgressRowRecord): ProgressRow {
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
  const records = await db.$queryRaw<ProgressRowRecord[]>(sql);
  const more = records.length > size;
  const page = records.slice(0, size);
  if (backwards) page.reverse();
  const cursorOf = (record: ProgressRowRecord | undefined): Cursor | undefined => (record ? { keys: record.sortKeys, id: record.id } : undefined);
  const first = cursorOf(page[0]);
  const last = cursorOf(page[page.length - 1]);
  const cameFromCursor = !!(query.after ?? query.before);
  return {
    rows: page.map(toRow),
    // Forwards there is a next page when the extra row came back; backwards from a cursor there always is
    // (we came from it); the last page has none.
    nextCursor: query.last && backwards ? undefined : backwards ? last : more ? last : undefined,
    previousCursor: backwards ? (more ? first : undefined) : cameFromCursor ? first : undefined,
  };
}

/** One page of a school's progress, as the page shows it. */
export async function listSchoolProgress(viewerId: string, schoolId: string, query: ProgressQuery): Promise<ProgressPage> {
  await requireScope(viewerId, schoolId);
  return readPage(schoolId, query, query.size);
}

async function* readBatches(schoolId: string, query: ProgressQuery, batchSize: number): AsyncGenerator<ProgressRow[]> {
  const { sql } = progressRowsSql(schoolId, { ...query, after: undefined, before: undefined, last: undefined }, null);
  for await (const records of readByCursor<ProgressRowRecord>(sql, batchSize)) yield records.map(toRow);
}

/**
 * Every matching row in the page's order, from one run of the page's query under a server-side cursor,
 * a batch at a time, so memory stays flat however many rows there are. The access check happens before
 * this resolves, so a refusal never starts a download.
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

type SummaryRecord = { staff: number; enrolments: number; completed: number; notStarted: number; preceding: number };

/**
 * The figures above the table, for the same filtered rows; given the page's sort and cursor, also where
 * the page starts (`preceding`), in the same statement.
 */
export async function summariseSchoolProgress(
  viewerId: string,
  schoolId: string,
  query: ProgressFilters & Partial<Pick<ProgressQuery, "sort" | "dir" | "after" | "before">>,
): Promise<ProgressSummary> {
  await requireScope(viewerId, schoolId);
  const [row] = await db.$queryRaw<SummaryRecord[]>(progressSummarySql(schoolId, query));
  const { staff, enrolments, completed, notStarted, preceding } = row ?? { staff: 0, enrolments: 0, completed: 0, notStarted: 0, preceding: 0 };
  const inProgress = enrolments - completed - notStarted;
  const [pNotStarted, pInProgress, pCompleted] = sharesOf([notStarted, inProgress, completed]) as [number, number, number];
  return {
    staff, enrolments, notStarted, inProgress, completed, preceding,
    percent: { NOT_STARTED: pNotStarted, IN_PROGRESS: pInProgress, COMPLETED: pCompleted },
    percentCompleted: pCompleted,
  };
}

/** The courses the Course filter offers. */
export async function listCourseOptions(): Promise<{ id: string; title: string }[]> {
  return db.course.findMany({ select: { id: true, title: true }, orderBy: { title: "asc" } });
}
