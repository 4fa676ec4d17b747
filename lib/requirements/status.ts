// Required training's statuses and dates, once. A person's standing on a required course depends on
// today's date in England, so it is never stored: the SQL function required_training() (migration
// required_training) works it out for lists, sorts and counts, and requiredStatus() below is the same rule
// for one person, written out for the reader and the unit tests. tests/integration/required-status.test.ts
// runs every case of lib/requirements/status.test.ts through the SQL function too, so the two cannot part.
// Dates are ISO calendar dates ("2026-11-30"), in Europe/London: a due date is a day, not a moment.
// Pure, no Prisma: pages, the benchmark and client components read it.
import type { EnrolmentStatus, RequiredStatus } from "../generated/prisma/enums";
import { statusLookups } from "../status-table";

export type { RequiredStatus };

export type RequiredStatusEntry = { key: RequiredStatus; label: string; slug: string; when: string };

/** Worst first: the order of the PostgreSQL enum "RequiredStatus", so ORDER BY status puts the overdue first. */
export const requiredStatuses = [
  { key: "OVERDUE", label: "Overdue", slug: "overdue", when: "never completed, and the due date has passed" },
  { key: "EXPIRED", label: "Expired", slug: "expired", when: "completed, but longer ago than the renewal period" },
  { key: "DUE_SOON", label: "Due soon", slug: "due-soon", when: "due within 30 days (a first attempt, or a renewal) and not done" },
  { key: "NOT_STARTED", label: "Not started", slug: "not-started", when: "not due for more than 30 days, no lesson completed" },
  { key: "IN_PROGRESS", label: "In progress", slug: "in-progress", when: "not due for more than 30 days, some lessons completed" },
  { key: "COMPLETED", label: "Completed", slug: "completed", when: "completed, and in date for more than 30 days (or for ever)" },
] as const satisfies readonly RequiredStatusEntry[];

type Missing = Exclude<RequiredStatus, (typeof requiredStatuses)[number]["key"]>;
const everyStatusListed: Missing extends never ? true : Missing = true;
void everyStatusListed;

const lookups = statusLookups<RequiredStatus>(requiredStatuses);
export const requiredStatusLabel = lookups.label;
export const requiredStatusSlug = lookups.slug;
/** The status a URL slug names, or undefined. */
export const requiredStatusOfSlug = lookups.ofSlug;

/** How many days before a due date (or an expiry) a course counts as due soon, and a renewal opens. */
export const DUE_SOON_DAYS = 30;

/** The renewal periods an organisation can choose, in years (none is null). */
export const RENEWAL_YEARS = [1, 2, 3] as const;

// ---- Calendar dates in England -------------------------------------------------------------------

export type IsoDate = string;

const londonParts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in England at a moment (the clock change included: 00:30 UTC on a summer night is 01:30 BST). */
export function londonDate(at: Date): IsoDate {
  return londonParts.format(at);
}

/** Today's date in England. */
export function londonToday(now: Date = new Date()): IsoDate {
  return londonDate(now);
}

/** A date column as the database returns it (midnight UTC) to an ISO date. */
export function isoDateOf(value: Date): IsoDate {
  return value.toISOString().slice(0, 10);
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y!, m!, d!];
}

const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** Years later on the same day, or the month's last day when there is none (29 February + 1 year = 28 February), as PostgreSQL adds an interval. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return fromUtc(Date.UTC(y + years, m - 1, Math.min(d, lastDay)));
}

// ---- The rule ---------------------------------------------------------------------------------------

export type DueRule = { kind: "BY_DATE"; dueOn: IsoDate } | { kind: "WITHIN_DAYS"; days: number };

/**
 * When a person's first attempt falls due: the fixed date, or N days after the later of joining the school
 * and the requirement starting to apply to the school (set by it, or its trust chosen), in England.
 */
export function firstDueOn(rule: DueRule, joinedAt: Date, appliesSince: Date): IsoDate {
  if (rule.kind === "BY_DATE") return rule.dueOn;
  const start = joinedAt > appliesSince ? joinedAt : appliesSince;
  return addDays(londonDate(start), rule.days);
}

export type RequiredFacts = {
  /** When the first attempt falls due (firstDueOn). */
  firstDueOn: IsoDate;
  /** The date of the latest completion of any attempt, or null. */
  completedOn: IsoDate | null;
  /** How long a completion stays in date, null for ever. */
  renewalYears: number | null;
  /** How far the current attempt got (null: not enrolled). */
  attempt: EnrolmentStatus | null;
};

export type RequiredStanding = {
  status: RequiredStatus;
  /** A completion that is still valid today (a renewal due soon is still in date). */
  inDate: boolean;
  /** The date that matters next: the first due date, or the expiry date once completed with a renewal; null when done for good. */
  dueOn: IsoDate | null;
  /** The last day the latest completion is in date, or null (none, or no renewal). */
  expiresOn: IsoDate | null;
};

/** A person's standing on one required course on a date: the rule the SQL function required_status() also follows. */
export function requiredStatus(facts: RequiredFacts, today: IsoDate): RequiredStanding {
  const { completedOn, renewalYears } = facts;
  if (completedOn !== null) {
    if (renewalYears === null) return { status: "COMPLETED", inDate: true, dueOn: null, expiresOn: null };
    const expiresOn = addYears(completedOn, renewalYears);
    const inDate = today <= expiresOn;
    const status: RequiredStatus = !inDate ? "EXPIRED" : today >= addDays(expiresOn, -DUE_SOON_DAYS) ? "DUE_SOON" : "COMPLETED";
    return { status, inDate, dueOn: expiresOn, expiresOn };
  }
  const due = facts.firstDueOn;
  const status: RequiredStatus =
    today > due ? "OVERDUE"
    : today >= addDays(due, -DUE_SOON_DAYS) ? "DUE_SOON"
    : facts.attempt === "IN_PROGRESS" ? "IN_PROGRESS"
    : "NOT_STARTED";
  return { status, inDate: false, dueOn: due, expiresOn: null };
}

/** Whether a renewal may be started now: the latest completion has a renewal period and its window has opened (or it has expired). */
export function renewalOpen(completedOn: IsoDate | null, renewalYears: number | null, today: IsoDate): boolean {
  if (completedOn === null || renewalYears === null) return false;
  return today >= addDays(addYears(completedOn, renewalYears), -DUE_SOON_DAYS);
}
