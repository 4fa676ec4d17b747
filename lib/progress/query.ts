// A school's progress view keeps all of its state in the URL (filters, sort, page size and the keyset
// cursor), so a view can be shared and the back button works. This module reads that state leniently
// (anything malformed falls back to the default rather than failing) and writes it back into links.
// Pure: used by the page, the export route, the benchmark and unit tests alike.
import { z } from "zod";
import { londonToday, requiredStatusOfSlug, requiredStatusSlug, type IsoDate, type RequiredStatus } from "../requirements/status";
import { readSearchParam } from "../search-params";
import { isColumnKey, sortKeysOf, type ColumnKey, type KeyKind } from "./columns";
import { enrolmentStatuses, statusOfSlug, statusSlug, type EnrolmentStatus } from "./status";

/** The sorts: one per column of lib/progress/columns.ts, keyed as the column. */
export type ProgressSort = ColumnKey;

export const pageSizes = [10, 25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

export type Cursor = { keys: string[]; id: string };

/**
 * The Required training filter (`?required=`): any course required of the school, or a required standing
 * the school acts on. The standings are the status table's (lib/requirements/status.ts), by slug.
 */
export const requiredFilters = ["required", "OVERDUE", "DUE_SOON", "EXPIRED"] as const satisfies readonly ("required" | RequiredStatus)[];
export type RequiredFilter = (typeof requiredFilters)[number];

export function requiredFilterSlug(filter: RequiredFilter): string {
  return filter === "required" ? "required" : requiredStatusSlug(filter);
}

/** The filter a URL value names, or undefined (anything else reads as no filter). */
export function requiredFilterOfSlug(slug: string | undefined): RequiredFilter | undefined {
  if (slug === "required") return "required";
  const status = requiredStatusOfSlug(slug);
  return (requiredFilters as readonly string[]).includes(status ?? "") ? (status as RequiredFilter) : undefined;
}

export type ProgressFilters = {
  course?: string;
  status?: EnrolmentStatus;
  q?: string;
  required?: RequiredFilter;
  /**
   * Today's date in England, which required-training standings are worked out on: set per request by
   * parseProgressQuery (never read from the URL). A caller that leaves it out gets today's date when its
   * statement is built.
   */
  today?: IsoDate;
};

export type ProgressQuery = ProgressFilters & {
  sort: ProgressSort;
  dir: "asc" | "desc";
  size: number;
  after?: Cursor;
  before?: Cursor;
  /** The last page: the sort read backwards from the end (no cursor needed, exact with ties). */
  last?: boolean;
  /**
   * The trust overview the view was opened from (a matrix cell), for a way back. Only an id that looks
   * like one is kept here; the page asks lib/access.ts whether the viewer may open that overview.
   */
  from?: string;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

// A repeated, over-long or control-character value reads as absent (lib/search-params.ts).
const read = readSearchParam;

const timestampText = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;

/**
 * A timestamp as PostgreSQL writes one (`::text`) that also names a real moment: PostgreSQL rejects
 * 2026-02-30 or year 0 with an error, so a hand-made cursor holding one must read as no cursor at all.
 */
export function isTimestampKey(value: string): boolean {
  if (value === "infinity" || value === "-infinity") return true;
  const match = timestampText.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

/** A date as PostgreSQL writes one (`::text`), a real day, or the end marker an empty date sorts by. */
export function isDateKey(value: string): boolean {
  return value === "infinity" || value === "-infinity" || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isTimestampKey(`${value} 00:00:00`));
}

const keyChecks: Record<KeyKind, (value: string) => boolean> = {
  // A NUL or a lone surrogate is no name PostgreSQL could have written, and it refuses to read one back.
  text: (value) => value.length <= 400 && !value.includes("\u0000") && value.isWellFormed(),
  int: (value) => /^-?\d{1,9}$/.test(value),
  timestamp: isTimestampKey,
  status: (value) => enrolmentStatuses.some((s) => s.key === value),
  date: isDateKey,
  // A rank of "RequiredStatus", or the end markers an empty standing sorts by (lib/progress/sql.ts).
  required: (value) => /^-?\d{1,2}$/.test(value),
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([...cursor.keys, cursor.id]), "utf8").toString("base64url");
}

/** A cursor is valid only for the sort it was made for: its keys must have that sort's kinds. */
export function decodeCursor(value: string | undefined, sort: ProgressSort): Cursor | undefined {
  if (!value || value.length > 2000) return undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    const kinds = sortKeysOf(sort).map((key) => key.kind);
    if (!Array.isArray(parts) || parts.length !== kinds.length + 1 || !parts.every((p) => typeof p === "string")) return undefined;
    const id = parts[kinds.length] as string;
    const keys = parts.slice(0, kinds.length) as string[];
    if (!z.uuid().safeParse(id).success || !keys.every((key, i) => keyChecks[kinds[i]!](key))) return undefined;
    return { keys, id };
  } catch {
    return undefined;
  }
}

/** The view's state from the URL; `today` (England) is the request's, for required-training standings. */
export function parseProgressQuery(params: Params, today: IsoDate = londonToday()): ProgressQuery {
  const sortParam = read(params, "sort");
  const sort = isColumnKey(sortParam) ? sortParam : "name";
  const course = read(params, "course");
  const q = read(params, "q")?.trim().slice(0, 100);
  const size = Number(read(params, "size"));
  const after = decodeCursor(read(params, "after"), sort);
  const before = after ? undefined : decodeCursor(read(params, "before"), sort);
  const from = read(params, "from");
  return {
    course: course && z.uuid().safeParse(course).success ? course : undefined,
    status: statusOfSlug(read(params, "status")),
    q: q || undefined,
    required: requiredFilterOfSlug(read(params, "required")),
    today,
    sort,
    dir: read(params, "dir") === "desc" ? "desc" : "asc",
    size: (pageSizes as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    after,
    before,
    last: !after && !before && read(params, "page") === "last" ? true : undefined,
    from: from && z.uuid().safeParse(from).success ? from : undefined,
  };
}

/**
 * The URL search string of a view: only what differs from the defaults, in a stable order. Changing a
 * filter, the sort or the page size starts again at the first page, so `changes` drops the cursor.
 */
export function progressSearch(query: ProgressQuery, changes: Partial<ProgressQuery> = {}): string {
  const next = { ...query, after: undefined, before: undefined, last: undefined, ...changes };
  const params = new URLSearchParams();
  if (next.course) params.set("course", next.course);
  if (next.status) params.set("status", statusSlug(next.status));
  if (next.q) params.set("q", next.q);
  if (next.required) params.set("required", requiredFilterSlug(next.required));
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.size !== DEFAULT_PAGE_SIZE) params.set("size", String(next.size));
  if (next.after) params.set("after", encodeCursor(next.after));
  else if (next.before) params.set("before", encodeCursor(next.before));
  else if (next.last) params.set("page", "last");
  if (next.from) params.set("from", next.from);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The filters as the audit log records them: only what narrows the rows, plus the order they came in. */
export function describeFilters(query: ProgressQuery) {
  return { course: query.course ?? null, status: query.status ?? null, q: query.q ?? null, required: query.required ?? null, sort: query.sort, dir: query.dir };
}

export function countActiveFilters(query: ProgressFilters): number {
  return [query.course, query.status, query.q, query.required].filter(Boolean).length;
}

/**
 * Where the shown rows sit among all matching rows (1-based, inclusive), for "41–60 of 1,240". Keyset
 * pages carry no offset, so `preceding` is counted by the summary statement: the rows before an `after`
 * cursor (inclusive) or before a `before` cursor (exclusive). A last page ends at the total.
 */
export function pageRange(query: Pick<ProgressQuery, "after" | "before" | "last">, shown: number, total: number, preceding: number): { first: number; last: number } {
  if (shown === 0) return { first: 0, last: 0 };
  let first = 1;
  if (query.last) first = total - shown + 1;
  else if (query.after) first = preceding + 1;
  else if (query.before) first = preceding - shown + 1;
  first = Math.max(1, Math.min(first, Math.max(1, total - shown + 1)));
  return { first, last: first + shown - 1 };
}

const count = new Intl.NumberFormat("en-GB");

/** "41–60 of 1,240": en-GB digits, an en dash. */
export function formatPageRange(range: { first: number; last: number }, total: number): string {
  return `${count.format(range.first)}–${count.format(range.last)} of ${count.format(total)}`;
}
