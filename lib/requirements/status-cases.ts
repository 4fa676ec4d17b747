// The boundaries of required training's rule, as a table: lib/requirements/status.test.ts checks
// requiredStatus() against each, and tests/integration/required-status.test.ts checks the SQL function
// required_training() against the same cases, so the two implementations cannot drift apart.
import type { DueRule, IsoDate, RequiredFacts, RequiredStanding } from "./status";

export type StatusCase = {
  name: string;
  today: IsoDate;
  /** How the first due date comes about (joining and the requirement starting to apply, as moments). */
  rule: DueRule;
  joinedAt: string;
  appliesSince: string;
  completedAt: string | null;
  renewalYears: number | null;
  attempt: RequiredFacts["attempt"];
  expected: RequiredStanding;
};

const SINCE = "2025-09-01T08:00:00Z";

export const statusCases: StatusCase[] = [
  {
    name: "due today, not done: due soon, not yet overdue",
    today: "2026-11-30", rule: { kind: "BY_DATE", dueOn: "2026-11-30" }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: null, renewalYears: null, attempt: "NOT_STARTED",
    expected: { status: "DUE_SOON", inDate: false, dueOn: "2026-11-30", expiresOn: null },
  },
  {
    name: "one day late: overdue",
    today: "2026-12-01", rule: { kind: "BY_DATE", dueOn: "2026-11-30" }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: null, renewalYears: 1, attempt: "IN_PROGRESS",
    expected: { status: "OVERDUE", inDate: false, dueOn: "2026-11-30", expiresOn: null },
  },
  {
    name: "31 days before the due date: as far as the attempt got",
    today: "2026-10-30", rule: { kind: "BY_DATE", dueOn: "2026-11-30" }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: null, renewalYears: null, attempt: "IN_PROGRESS",
    expected: { status: "IN_PROGRESS", inDate: false, dueOn: "2026-11-30", expiresOn: null },
  },
  {
    name: "30 days before the due date: due soon",
    today: "2026-10-31", rule: { kind: "BY_DATE", dueOn: "2026-11-30" }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: null, renewalYears: null, attempt: null,
    expected: { status: "DUE_SOON", inDate: false, dueOn: "2026-11-30", expiresOn: null },
  },
  {
    name: "completed late: completed, in date for ever without renewal",
    today: "2026-12-20", rule: { kind: "BY_DATE", dueOn: "2026-11-30" }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2026-12-10T15:00:00Z", renewalYears: null, attempt: "COMPLETED",
    expected: { status: "COMPLETED", inDate: true, dueOn: null, expiresOn: null },
  },
  {
    name: "expiring tomorrow: in date, renewal due soon",
    today: "2026-11-29", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2025-11-30T10:00:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "DUE_SOON", inDate: true, dueOn: "2026-11-30", expiresOn: "2026-11-30" },
  },
  {
    name: "expiry day: still in date",
    today: "2026-11-30", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2025-11-30T10:00:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "DUE_SOON", inDate: true, dueOn: "2026-11-30", expiresOn: "2026-11-30" },
  },
  {
    name: "the day after expiry: expired",
    today: "2026-12-01", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2025-11-30T10:00:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "EXPIRED", inDate: false, dueOn: "2026-11-30", expiresOn: "2026-11-30" },
  },
  {
    name: "renewal window opens 30 days before expiry",
    today: "2026-10-31", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2025-11-30T10:00:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "DUE_SOON", inDate: true, dueOn: "2026-11-30", expiresOn: "2026-11-30" },
  },
  {
    name: "the day before the renewal window: completed",
    today: "2026-10-30", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2025-11-30T10:00:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "COMPLETED", inDate: true, dueOn: "2026-11-30", expiresOn: "2026-11-30" },
  },
  {
    name: "renewal started (new attempt in progress) within the window: still in date, due soon",
    today: "2026-11-15", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2025-11-30T10:00:00Z", renewalYears: 1, attempt: "IN_PROGRESS",
    expected: { status: "DUE_SOON", inDate: true, dueOn: "2026-11-30", expiresOn: "2026-11-30" },
  },
  {
    name: "joined yesterday with a 30-day rule: due in 29 days, due soon",
    today: "2026-11-30", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: "2026-11-29T09:00:00Z", appliesSince: SINCE,
    completedAt: null, renewalYears: 1, attempt: "NOT_STARTED",
    expected: { status: "DUE_SOON", inDate: false, dueOn: "2026-12-29", expiresOn: null },
  },
  {
    name: "joined yesterday with a 60-day rule: not started",
    today: "2026-11-30", rule: { kind: "WITHIN_DAYS", days: 60 }, joinedAt: "2026-11-29T09:00:00Z", appliesSince: SINCE,
    completedAt: null, renewalYears: 1, attempt: "NOT_STARTED",
    expected: { status: "NOT_STARTED", inDate: false, dueOn: "2027-01-28", expiresOn: null },
  },
  {
    name: "a rule set after joining counts from when it was set",
    today: "2026-11-30", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: "2024-01-10T09:00:00Z", appliesSince: "2026-11-20T16:00:00Z",
    completedAt: null, renewalYears: null, attempt: null,
    expected: { status: "DUE_SOON", inDate: false, dueOn: "2026-12-20", expiresOn: null },
  },
  {
    name: "leap year: completed on 29 February, a one-year renewal expires on 28 February",
    today: "2029-02-28", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2028-02-29T12:00:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "DUE_SOON", inDate: true, dueOn: "2029-02-28", expiresOn: "2029-02-28" },
  },
  {
    name: "leap year: expired on 1 March",
    today: "2029-03-01", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2028-02-29T12:00:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "EXPIRED", inDate: false, dueOn: "2029-02-28", expiresOn: "2029-02-28" },
  },
  {
    name: "leap year: 30 days counted across 29 February",
    today: "2028-02-15", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: "2028-02-10T09:00:00Z", appliesSince: SINCE,
    completedAt: null, renewalYears: null, attempt: null,
    expected: { status: "DUE_SOON", inDate: false, dueOn: "2028-03-11", expiresOn: null },
  },
  {
    name: "clock change: joined at 00:30 UTC on the night the clocks go back (01:30 BST) is that day in England",
    today: "2026-10-25", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: "2026-10-25T00:30:00Z", appliesSince: SINCE,
    completedAt: null, renewalYears: null, attempt: null,
    expected: { status: "DUE_SOON", inDate: false, dueOn: "2026-11-24", expiresOn: null },
  },
  {
    name: "clock change: completed at 23:30 UTC in summer (00:30 BST) counts from the next day",
    today: "2027-07-01", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2026-06-30T23:30:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "DUE_SOON", inDate: true, dueOn: "2027-07-01", expiresOn: "2027-07-01" },
  },
  {
    name: "clock change: completed at 23:30 UTC in winter (GMT) is that day",
    today: "2027-01-16", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2026-01-15T23:30:00Z", renewalYears: 1, attempt: "COMPLETED",
    expected: { status: "EXPIRED", inDate: false, dueOn: "2027-01-15", expiresOn: "2027-01-15" },
  },
  {
    name: "three-year renewal, two years on: completed",
    today: "2026-11-30", rule: { kind: "WITHIN_DAYS", days: 30 }, joinedAt: SINCE, appliesSince: SINCE,
    completedAt: "2024-11-01T10:00:00Z", renewalYears: 3, attempt: "COMPLETED",
    expected: { status: "COMPLETED", inDate: true, dueOn: "2027-11-01", expiresOn: "2027-11-01" },
  },
];
