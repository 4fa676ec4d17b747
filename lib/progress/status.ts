// The statuses of an enrolment, once. The database works the status out (function enrolment_progress()
// in the enrolment_status migration: completed lessons against the course's lessons now) and stores it on
// the enrolment, so SQL filters, sorts and counts by the stored value; everything a person reads (labels,
// the URL's slugs, the CSV, the overview's columns) comes from this table. Ranks are positions here, which
// are the positions of the PostgreSQL enum "EnrolmentStatus": `ORDER BY status` sorts by rank.
// A new status is one entry here, plus the migration that adds it to the enum and to enrolment_progress()
// (tests/integration/status-table.test.ts holds the two to the same order).
import type { EnrolmentStatus } from "../generated/prisma/enums";
import { statusLookups } from "../status-table";

export type { EnrolmentStatus };

export type StatusEntry = {
  key: EnrolmentStatus;
  /** As shown on screen and in CSV files. */
  label: string;
  /** In the URL (`?status=in-progress`). */
  slug: string;
  /** How the database decides it, in words (for the reader; enrolment_progress() is the rule). */
  when: string;
};

export const enrolmentStatuses = [
  { key: "NOT_STARTED", label: "Not started", slug: "not-started", when: "no lesson completed, or the course has no lessons" },
  { key: "IN_PROGRESS", label: "In progress", slug: "in-progress", when: "some of the course's lessons completed" },
  { key: "COMPLETED", label: "Completed", slug: "completed", when: "every lesson of the course completed" },
] as const satisfies readonly StatusEntry[];

// Every key of the enum, each once: a status added to the schema but not here fails the type check.
type Missing = Exclude<EnrolmentStatus, (typeof enrolmentStatuses)[number]["key"]>;
const everyStatusListed: Missing extends never ? true : Missing = true;
void everyStatusListed;

const lookups = statusLookups<EnrolmentStatus>(enrolmentStatuses);
export const statusLabel = lookups.label;
export const statusSlug = lookups.slug;
/** The status a URL slug names, or undefined (a Map, so `?status=constructor` finds nothing). */
export const statusOfSlug = lookups.ofSlug;

/** A record with one entry per status, in rank order (for counts and shares). */
export function perStatus<T>(value: (status: EnrolmentStatus, rank: number) => T): Record<EnrolmentStatus, T> {
  return Object.fromEntries(enrolmentStatuses.map((entry, rank) => [entry.key, value(entry.key, rank)])) as Record<EnrolmentStatus, T>;
}

/**
 * The words of the button that takes a person into a course: Start until a first lesson is done (and
 * for a course they are not enrolled on, where the button enrols them), Continue part-way, Review once
 * completed. One rule for the course page, My Courses and anywhere else the button appears.
 */
export function nextStepLabel(status: EnrolmentStatus | null): "Start" | "Continue" | "Review" {
  return status === "COMPLETED" ? "Review" : status === "IN_PROGRESS" ? "Continue" : "Start";
}
