import "server-only";
import type { SchoolProgressScope } from "../access";
import { db } from "../db";
import { readByCursor } from "../db-cursor";
import type { ProgressRow } from "./columns";
import { sharesOf } from "./percentages";
import { perStatus, type EnrolmentStatus } from "./status";
import { progressRowsSql, progressSummarySql, statusCountColumn, type ProgressRowRecord, type SummaryRecord } from "./sql";
import type { Cursor, ProgressFilters, ProgressQuery } from "./query";

/*
 * A school's progress: every enrolment of every member (any role) of the school. Two statements per
 * page whatever its size: one for the rows (keyset pagination on the sort key plus the enrolment id,
 * never OFFSET; the last page reads the order backwards), one for the summary figures and the page's
 * position among the rows. Both start from the Membership(organisationId) index and reach enrolments
 * through the Enrolment(userId, courseId) index, so they read only this school's rows; status and
 * percentage are the ones the database stores on each enrolment. The required-training standing and due
 * date come from required_training() for this school on the query's `today` (England, per request), joined
 * in the same statements (lib/progress/sql.ts), so the Required columns and filter add no statement.
 *
 * Every function takes the school's scope, which only lib/access.ts makes (after deciding the viewer may
 * see the school, on this request): nothing here can be called with a bare school id.
 */

export type { ProgressRow };

export type ProgressPage = { rows: ProgressRow[]; nextCursor?: Cursor; previousCursor?: Cursor };

export type ProgressSummary = {
  staff: number;
  enrolments: number;
  /** Enrolments per status, in the status table's order. */
  counts: Record<EnrolmentStatus, number>;
  /** Shares of the enrolments by status, adding up to 100 (lib/progress/percentages.ts); all 0 with no enrolment. */
  percent: Record<EnrolmentStatus, number>;
  /** Matching rows before the page's cursor in the view's order (see progressSummarySql), 0 without one. */
  preceding: number;
};

function toRow(record: ProgressRowRecord): ProgressRow {
  const row: Partial<ProgressRowRecord> = { ...record };
  delete row.sortKeys; // the cursor's keys stay on the server
  return row as ProgressRow;
}

/** One page of a school's progress, as the page shows it. */
export async function listSchoolProgress(school: SchoolProgressScope, query: ProgressQuery): Promise<ProgressPage> {
  const { sql, backwards } = progressRowsSql(school, query, query.size);
  const records = await db.$queryRaw<ProgressRowRecord[]>(sql);
  const more = records.length > query.size;
  const page = records.slice(0, query.size);
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

/**
 * Every matching row in the page's order, from one run of the page's query under a server-side cursor,
 * a batch at a time, so memory stays flat however many rows there are. Nothing runs until the first
 * batch is asked for.
 */
export async function* readAllSchoolProgress(school: SchoolProgressScope, query: ProgressQuery, batchSize = 1000): AsyncGenerator<ProgressRow[]> {
  const { sql } = progressRowsSql(school, { ...query, after: undefined, before: undefined, last: undefined }, null);
  for await (const records of readByCursor<ProgressRowRecord>(sql, batchSize)) yield records.map(toRow);
}

/**
 * The figures above the table, for the same filtered rows; given the page's sort and cursor, also where
 * the page starts (`preceding`), in the same statement.
 */
export async function summariseSchoolProgress(
  school: SchoolProgressScope,
  query: ProgressFilters & Partial<Pick<ProgressQuery, "sort" | "dir" | "after" | "before">>,
): Promise<ProgressSummary> {
  const [row] = await db.$queryRaw<SummaryRecord[]>(progressSummarySql(school, query));
  const counts = perStatus((_, rank) => row?.[statusCountColumn(rank)] ?? 0);
  const shares = sharesOf(Object.values(counts));
  return {
    staff: row?.staff ?? 0,
    enrolments: row?.enrolments ?? 0,
    counts,
    percent: perStatus((_, rank) => shares[rank]!),
    preceding: row?.preceding ?? 0,
  };
}

/** The courses the Course filter offers. */
export async function listCourseOptions(): Promise<{ id: string; title: string }[]> {
  return db.course.findMany({ select: { id: true, title: true }, orderBy: { title: "asc" } });
}
