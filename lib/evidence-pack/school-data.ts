// What a school's section of the evidence pack says, read at the moment of download for one school at a time
// (the trust pack reads and draws its schools one by one, so memory never holds the trust): the school and its
// trust choice, the required courses with their figures (the very figures of the progress view, from
// summariseSchoolCompliance), the requirement changes and trust choices of the period, who can see the staff's
// training (lib/access.ts's transparency list), and every member's standing on each required course, read by
// a cursor a batch at a time. Everything takes a SchoolProgressScope: only lib/access.ts makes one.
import "server-only";
import { listSchoolProgressViewers, type SchoolProgressScope, type SchoolViewer } from "../access";
import { db } from "../db";
import { describeDueRule, describeRenewal, describeRequirementChange } from "../requirements/manage";
import { summariseSchoolCompliance, type SchoolCompliance } from "../requirements/school-compliance";
import { requiredTrainingOf } from "../requirements/sql";
import { isoDateOf, londonDate, type IsoDate, type RequiredStatus } from "../requirements/status";

/** The 12 months to the moment of generation: from the day after the same date a year before, to today (England). */
export type Period = { now: Date; from: IsoDate; to: IsoDate };

export type RequiredCourseRule = { courseId: string; organisationName: string; due: string; renewalYears: number | null };

export type SchoolFacts = {
  scope: SchoolProgressScope;
  urn: string | null;
  /** The Multi Academy Trust the school has chosen now, or null. */
  trust: { name: string; chosenAt: Date | null; chosenByName: string | null } | null;
  compliance: SchoolCompliance;
  /** The rules that make each required course required here (by the trust, by the school, or both). */
  rules: RequiredCourseRule[];
  /** Requirement changes of the school and of its trust in the period, oldest first. */
  history: { sentence: string; organisationName: string; at: Date }[];
  viewers: SchoolViewer[];
  /** Choices and removals of a Multi Academy Trust by the school in the period, oldest first. */
  trustEvents: { action: "CHOSEN" | "REMOVED"; at: Date; trustName: string; byName: string | null }[];
};

/** "By 1 Sep 2026" or "Within 30 days of joining": the requirement pages' words, as a table cell. */
const dueWords = (kind: string, dueOn: Date | null, dueDays: number | null) => {
  const words = describeDueRule(kind === "BY_DATE" ? { kind: "BY_DATE", dueOn: isoDateOf(dueOn!) } : { kind: "WITHIN_DAYS", days: dueDays! });
  return words.replace(/^Due (\w)/, (_, first: string) => first.toUpperCase());
};

/** "Every 2 years", "Every year" or "No renewal". */
export const renewalWords = (years: number | null) => describeRenewal(years).replace(/^Renewed every/, "Every");

/** Everything of a school's section but its staff rows: six statements (five when `known` is the compliance), run together. */
export async function loadSchoolFacts(scope: SchoolProgressScope, period: Period, known?: SchoolCompliance): Promise<SchoolFacts> {
  const schoolId = scope.schoolId;
  const [school, compliance, rules, history, viewers, trustEvents] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: schoolId },
      select: { urn: true, trustChosenAt: true, trust: { select: { name: true } }, trustChosenBy: { select: { name: true } } },
    }),
    known ?? summariseSchoolCompliance(scope, period.to),
    db.$queryRaw<{ courseId: string; organisationName: string; dueKind: string; dueOn: Date | null; dueDays: number | null; renewalYears: number | null }[]>`
      SELECT r."courseId", o.name AS "organisationName", r."dueKind"::text AS "dueKind", r."dueOn", r."dueDays", r."renewalYears"
        FROM "Requirement" r
        JOIN "Organisation" o ON o.id = r."organisationId"
       WHERE (r."courseId", r."organisationId") IN (
               SELECT DISTINCT rt."courseId", unnest(rt."requiredBy") FROM ${requiredTrainingOf([schoolId], period.to)} rt)
       ORDER BY r."courseId", r."organisationId" = ${schoolId}::uuid, o.name`,
    // The school's own changes, and its current trust's since the school chose it (when they started to apply), in the period.
    db.$queryRaw<{ action: string; before: unknown; after: unknown; createdAt: Date; actorName: string | null; organisationName: string | null }[]>`
      SELECT a.action, a.before, a.after, a."createdAt", u.name AS "actorName", o.name AS "organisationName"
        FROM "AuditLog" a
        LEFT JOIN "User" u ON u.id = a."actorId"
        LEFT JOIN "Organisation" o ON o.id = a."organisationId"
       WHERE (a."organisationId" = ${schoolId}::uuid
              OR a."organisationId" = (SELECT s."trustId" FROM "Organisation" s WHERE s.id = ${schoolId}::uuid)
                 AND a."createdAt" >= (SELECT s."trustChosenAt" FROM "Organisation" s WHERE s.id = ${schoolId}::uuid))
         AND a.action LIKE 'requirement.%'
         AND london_date(a."createdAt") BETWEEN ${period.from}::date AND ${period.to}::date
       ORDER BY a.id`,
    listSchoolProgressViewers(scope),
    db.trustChoiceEvent.findMany({
      where: { schoolId, createdAt: { lte: period.now } },
      select: { action: true, createdAt: true, trust: { select: { name: true } }, byUser: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    scope,
    urn: school.urn,
    trust: school.trust ? { name: school.trust.name, chosenAt: school.trustChosenAt, chosenByName: school.trustChosenBy?.name ?? null } : null,
    compliance,
    rules: rules.map((r) => ({ courseId: r.courseId, organisationName: r.organisationName, due: dueWords(r.dueKind, r.dueOn, r.dueDays), renewalYears: r.renewalYears })),
    history: history.map((row) => ({
      sentence: describeRequirementChange({ action: row.action, actorName: row.actorName, before: row.before, after: row.after }),
      organisationName: row.organisationName ?? "",
      at: row.createdAt,
    })),
    viewers,
    trustEvents: trustEvents
      .filter((e) => londonDate(e.createdAt) >= period.from)
      .map((e) => ({ action: e.action, at: e.createdAt, trustName: e.trust.name, byName: e.byUser?.name ?? null })),
  };
}

/** One member's standing on one required course; a member with none has one row of nulls. */
export type StaffRow = {
  userId: string;
  name: string;
  course: string | null;
  status: RequiredStatus | null;
  dueOn: Date | null;
  completedOn: Date | null;
  expiresOn: Date | null;
};

/**
 * Every member of the school (any role), by name, with a row per required course (by title), in one statement,
 * handed out `batchSize` rows at a time for the drawing. One plain query per school rather than a cursor: a
 * cursor keeps a transaction (and a pooled connection) open for as long as the client takes to read the pack,
 * so a few slow downloads could hold every connection. A school's rows are small (5,000 staff × 5 required
 * courses is about 5 MB) and a trust's pack reads one school at a time, so memory stays flat in the schools.
 */
export async function* readStaffRows(scope: SchoolProgressScope, today: IsoDate, batchSize = 300): AsyncGenerator<StaffRow[]> {
  const rows = await db.$queryRaw<StaffRow[]>`
      SELECT u.id AS "userId", u.name, c.title AS course, rt.status, rt."dueOn", rt."completedOn", rt."expiresOn"
        FROM "Membership" m
        JOIN "User" u ON u.id = m."userId"
        LEFT JOIN (SELECT * FROM ${requiredTrainingOf([scope.schoolId], today)}) rt ON rt."userId" = m."userId"
        LEFT JOIN "Course" c ON c.id = rt."courseId"
       WHERE m."organisationId" = ${scope.schoolId}::uuid
       ORDER BY u.name, u.id, c.title, c.id`;
  for (let at = 0; at < rows.length; at += batchSize) yield rows.slice(at, at + batchSize);
}
