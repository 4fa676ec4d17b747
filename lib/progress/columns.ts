// The columns of a school's progress view, once. Everything that shows or reads a column is built from
// this list: the SELECT (lib/progress/sql.ts), the sort whitelist, its keys and the kinds its cursors are
// checked against (lib/progress/query.ts), the table's headers and cells and where each value goes on a
// phone card (app/(app)/courses/progress/[schoolId]/progress-rows.tsx), the school's CSV and the trust's
// every-enrolment CSV (School, then these). A new column is one entry here, plus its test.
// Pure data and formatting, no Prisma: lib/progress/query.ts (and through it the benchmark) reads it too.
import { isoDate } from "../csv";
import { formatDate } from "../format";
import { requiredStatusLabel, type RequiredStatus } from "../requirements/status";
import { statusLabel, type EnrolmentStatus } from "./status";

/**
 * The type of a sort key as PostgreSQL writes it with `::text`, so a cursor from the URL is checked before it
 * reaches SQL. "date" is a calendar date; "required" is a required-training status ("RequiredStatus"), sorted
 * worst first by its rank in the enum (lib/requirements/status.ts), so its key is that rank, an integer.
 */
export type KeyKind = "text" | "int" | "timestamp" | "status" | "date" | "required";

/**
 * Where a value goes on a phone card. A card is one person (title, subtitle); inside it one item per
 * enrolment: a heading, the required-training standing straight beneath it (so an overdue course is the
 * first thing read after its name), a meter with a badge beside it, then labelled details.
 */
export type CardSlot = "title" | "subtitle" | "heading" | "standing" | "meter" | "badge" | "detail";

/**
 * How the table cell shows the value: plain text, a bar with the percentage beside it, or a required-training
 * status as a marked label (Overdue and Expired stand out, Due soon less so).
 */
export type CellShows = "text" | "percent" | "required";

/** How a long value wraps in the table: whole words, anywhere (an email is one long word), or never (a date). */
export type CellWrap = "words" | "anywhere" | "none";

type ColumnDefinition<K extends string, V> = {
  /** Also the URL's sort value (`?sort=activity`) and the cell's data-column. */
  key: K;
  /** The table header, the Sort by option, a card detail's label. */
  label: string;
  /** The CSV header, when it says more than the label. */
  csvLabel?: string;
  /**
   * The SQL expression selected as this column (aliases: m Membership, u User, e Enrolment, c Course) and,
   * when sorting by it, its key. A constant of this file, never anything from a request.
   */
  sql: string;
  kind: KeyKind;
  /** An empty value (NULL) sorts last in both directions (a course not required, a date not set). */
  emptyLast?: boolean;
  /** The columns whose keys break ties when sorting by this one, before the enrolment id. */
  ties: readonly string[];
  /** The value as the screen shows it (the page sends the client these strings, nothing else). */
  screen: (value: V) => string;
  /** The value as the CSV writes it. */
  csv: (value: V) => string | number;
  card: CardSlot;
  shows?: CellShows;
  wrap?: CellWrap;
  /** Set in a heavier weight in the table (the person's name, which a reader scans for). */
  strong?: boolean;
  /** On a phone's card, only when it has a value (a detail most rows never have). */
  cardWhenSet?: boolean;
  /**
   * The completion date of an attempt that has a certificate: the table puts that attempt's download beside
   * it ("current": the enrolment's current attempt; "earlier": the latest earlier one). Not in the CSVs.
   */
  certificate?: "current" | "earlier";
};

/** Fixes a column's value type, and lets its key be inferred as a literal. */
const column = <V>() => <const K extends string>(definition: ColumnDefinition<K, V>) => definition;

const text = (value: string) => value;

/** A course not required of the school has no required standing: an empty cell, an empty CSV field. */
const requiredText = (value: RequiredStatus | null) => (value === null ? "" : requiredStatusLabel(value));

/** A calendar date (a PostgreSQL date reads as midnight UTC, the same day in England). */
const dueScreen = (value: Date | null) => (value === null ? "" : formatDate(value));

export const schoolColumns = [
  column<string>()({ key: "name", label: "Name", sql: "u.name", kind: "text", ties: ["course"], screen: text, csv: text, card: "title", strong: true }),
  column<string>()({ key: "email", label: "Email", sql: "u.email", kind: "text", ties: ["course"], screen: text, csv: text, card: "subtitle", wrap: "anywhere" }),
  column<string>()({ key: "course", label: "Course", sql: "c.title", kind: "text", ties: ["name"], screen: text, csv: text, card: "heading" }),
  column<EnrolmentStatus>()({ key: "status", label: "Status", sql: "e.status", kind: "status", ties: ["name"], screen: statusLabel, csv: statusLabel, card: "badge" }),
  column<number>()({
    key: "progress", label: "Progress", csvLabel: "Progress %", sql: "e.percent", kind: "int", ties: ["name"],
    screen: String, csv: (percent) => percent, card: "meter", shows: "percent",
  }),
  column<Date>()({ key: "enrolled", label: "Enrolled", sql: `e."enrolledAt"`, kind: "timestamp", ties: [], screen: formatDate, csv: isoDate, card: "detail", wrap: "none" }),
  column<Date | null>()({
    key: "activity", label: "Last activity", sql: `e."lastActivityAt"`, kind: "timestamp", emptyLast: true, ties: [],
    screen: formatDate, csv: isoDate, card: "detail", wrap: "none",
  }),
  column<Date | null>()({
    key: "completed", label: "Completed", sql: `e."completedAt"`, kind: "timestamp", emptyLast: true, ties: [],
    screen: formatDate, csv: isoDate, card: "detail", wrap: "none", certificate: "current",
  }),
  // A renewal under way (attempt 2 or later): when the earlier attempt was completed, so the view shows why
  // someone at "Not started" is still in date. Every attempt is kept (CourseAttempt) and listed on the course page.
  column<Date | null>()({
    key: "earlier", label: "Earlier completion", sql: `CASE WHEN e.attempt > 1 THEN e."previousCompletedAt" END`, kind: "timestamp", emptyLast: true, ties: [],
    screen: (date) => (date ? formatDate(date) : ""), csv: isoDate, card: "detail", wrap: "none", cardWhenSet: true, certificate: "earlier",
  }),
  // Required training (rt: the school's required_training() row for the person and course, when the course
  // is required of the school; lib/progress/sql.ts joins it). Worst first, then the earliest due date.
  column<RequiredStatus | null>()({
    key: "required", label: "Required", sql: "rt.status", kind: "required", emptyLast: true, ties: ["due", "name"],
    screen: requiredText, csv: requiredText, card: "standing", shows: "required", wrap: "none",
  }),
  column<Date | null>()({
    key: "due", label: "Due", sql: `rt."dueOn"`, kind: "date", emptyLast: true, ties: ["name"],
    screen: dueScreen, csv: isoDate, card: "standing", wrap: "none",
  }),
] as const;

export type SchoolColumn = (typeof schoolColumns)[number];
export type ColumnKey = SchoolColumn["key"];

type ValueOf<C> = C extends ColumnDefinition<string, infer V> ? V : never;

/** One enrolment as the view reads it: its id and a value per column, typed by the column's entry. */
export type ProgressRow = { id: string } & { [C in SchoolColumn as C["key"]]: ValueOf<C> };

export const columnKeys = schoolColumns.map((c) => c.key) as ColumnKey[];

const byKey = new Map<string, SchoolColumn>(schoolColumns.map((c) => [c.key, c]));

export function isColumnKey(value: string | undefined): value is ColumnKey {
  return value !== undefined && byKey.has(value);
}

function columnOf(key: ColumnKey): SchoolColumn {
  return byKey.get(key)!;
}

// A tie naming no column would be a typo that sorts wrongly; fail when the module loads, not in a query.
for (const c of schoolColumns) {
  for (const tie of c.ties) if (!byKey.has(tie) || tie === c.key) throw new Error(`Column ${c.key} breaks ties by ${tie}, which is no other column`);
}

export type SortKey = { sql: string; kind: KeyKind; emptyLast: boolean };

/** The keys of a sort: the column's own, then those breaking its ties (the enrolment id comes last, in SQL). */
export function sortKeysOf(sort: ColumnKey): SortKey[] {
  const own = columnOf(sort);
  return [own, ...own.ties.map((tie) => byKey.get(tie)!)].map((c) => ({ sql: c.sql, kind: c.kind, emptyLast: c.emptyLast ?? false }));
}

// The one place a column's typed value meets the union of all columns: each entry's functions take its own value.
function valueOf(column: SchoolColumn, row: Omit<ProgressRow, "id">): unknown {
  return row[column.key];
}

/** The row's cells as the screen shows them, in column order. */
export function screenCells(row: ProgressRow): string[] {
  return schoolColumns.map((c) => (c.screen as (value: unknown) => string)(valueOf(c, row)));
}

/** The row's fields as the CSV writes them, in column order. */
export function csvFields(row: Omit<ProgressRow, "id">): (string | number)[] {
  return schoolColumns.map((c) => (c.csv as (value: unknown) => string | number)(valueOf(c, row)));
}

export const csvHeader: string[] = schoolColumns.map((c) => c.csvLabel ?? c.label);
