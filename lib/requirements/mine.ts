import "server-only";
import { formatDay } from "../format";
import { db } from "../db";
import type { EnrolmentStatus, RequiredStatus } from "../generated/prisma/enums";
import { requiredTrainingOf } from "./sql";
import { isoDateOf, londonToday, renewalOpen, requiredStatuses, type IsoDate } from "./status";

// A person's own required training, for My Courses and the course page. The schools are the person's own
// memberships (their own data: no other scope needed).

export type MyRequiredCourse = {
  course: { id: string; slug: string; title: string };
  status: RequiredStatus;
  inDate: boolean;
  dueOn: IsoDate | null;
  expiresOn: IsoDate | null;
  completedOn: IsoDate | null;
  /** The current attempt's number (null: not enrolled). */
  attempt: number | null;
  renewalYears: number | null;
  /** How far the current attempt got (null: not enrolled). */
  attemptStatus: EnrolmentStatus | null;
  /** Whether the current attempt is completed (a renewal under way is not). */
  currentCompleted: boolean;
  /** Whether "Start renewal" may be offered today. */
  renewalOpen: boolean;
  /** The organisations requiring it, the trust's first, each once. */
  requiredBy: string[];
  schools: { id: string; name: string }[];
};

type Row = {
  schoolId: string;
  schoolName: string;
  courseId: string;
  slug: string;
  title: string;
  requiredBy: string[];
  renewalYears: number | null;
  attempt: number | null;
  attemptStatus: EnrolmentStatus | null;
  currentCompleted: boolean;
  completedOn: Date | null;
  expiresOn: Date | null;
  dueOn: Date | null;
  status: RequiredStatus;
  inDate: boolean;
};

const rank = new Map<RequiredStatus, number>(requiredStatuses.map((s, i) => [s.key, i]));

/** Worst status first, then the earliest due date (none last), then the title. */
export function compareRequired(a: Pick<MyRequiredCourse, "status" | "dueOn" | "course">, b: Pick<MyRequiredCourse, "status" | "dueOn" | "course">): number {
  return (
    rank.get(a.status)! - rank.get(b.status)! ||
    (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31") ||
    a.course.title.localeCompare(b.course.title)
  );
}

/**
 * For each course required of the person by any school they are a member of, one entry: a course required
 * by two schools keeps its worst status and earliest due date. Worst first, then by due date. Two statements: the person's schools, then required_training() for them.
 */
export async function listMyRequiredTraining(viewerId: string, today: IsoDate = londonToday()): Promise<MyRequiredCourse[]> {
  const memberships = await db.membership.findMany({ where: { userId: viewerId }, select: { organisationId: true } });
  if (memberships.length === 0) return [];
  const schools = memberships.map((m) => m.organisationId);
  const rows = await db.$queryRaw<Row[]>`
    SELECT rt."schoolId", s.name AS "schoolName", rt."courseId", c.slug, c.title,
           ARRAY(SELECT o.name FROM unnest(rt."requiredBy") WITH ORDINALITY AS r(id, n) JOIN "Organisation" o ON o.id = r.id ORDER BY r.n) AS "requiredBy",
           rt."renewalYears", rt.attempt, e.status AS "attemptStatus", (e."completedAt" IS NOT NULL) AS "currentCompleted",
           rt."completedOn", rt."expiresOn", rt."dueOn", rt.status, rt."inDate"
      FROM ${requiredTrainingOf(schools, today)} rt
      JOIN "Course" c ON c.id = rt."courseId"
      JOIN "Organisation" s ON s.id = rt."schoolId"
      LEFT JOIN "Enrolment" e ON e.id = rt."enrolmentId"
     WHERE rt."userId" = ${viewerId}::uuid
     ORDER BY rt.status, rt."dueOn" NULLS LAST, s.name, s.id`;
  const byCourse = new Map<string, MyRequiredCourse>();
  for (const row of rows) {
    const dueOn = row.dueOn ? isoDateOf(row.dueOn) : null;
    const completedOn = row.completedOn ? isoDateOf(row.completedOn) : null;
    const existing = byCourse.get(row.courseId);
    if (existing) {
      // Rows come worst first: the first row of a course is the one kept; the others add names.
      for (const name of row.requiredBy) if (!existing.requiredBy.includes(name)) existing.requiredBy.push(name);
      existing.schools.push({ id: row.schoolId, name: row.schoolName });
      // The shortest renewal decides when a renewal opens, as startRenewal() checks it.
      if (row.renewalYears !== null && (existing.renewalYears === null || row.renewalYears < existing.renewalYears)) {
        existing.renewalYears = row.renewalYears;
        existing.renewalOpen = existing.currentCompleted && renewalOpen(existing.completedOn, row.renewalYears, today);
      }
      continue;
    }
    byCourse.set(row.courseId, {
      course: { id: row.courseId, slug: row.slug, title: row.title },
      status: row.status,
      inDate: row.inDate,
      dueOn,
      expiresOn: row.expiresOn ? isoDateOf(row.expiresOn) : null,
      completedOn,
      attempt: row.attempt,
      renewalYears: row.renewalYears,
      attemptStatus: row.attemptStatus,
      currentCompleted: row.currentCompleted,
      renewalOpen: row.currentCompleted && renewalOpen(completedOn, row.renewalYears, today),
      requiredBy: [...row.requiredBy],
      schools: [{ id: row.schoolId, name: row.schoolName }],
    });
  }
  return [...byCourse.values()].sort(compareRequired);
}

/** The person's required training on one course, or null when it is not required of them. */
export async function findMyRequiredCourse(viewerId: string, courseId: string, today: IsoDate = londonToday()): Promise<MyRequiredCourse | null> {
  return (await listMyRequiredTraining(viewerId, today)).find((entry) => entry.course.id === courseId) ?? null;
}

/** The line under a required course's title: "Due 30 Nov 2026", "In date until 30 Nov 2027" or "Completed 3 Dec 2026". */
export function requiredDateLine(entry: Pick<MyRequiredCourse, "inDate" | "dueOn" | "expiresOn" | "completedOn">): string {
  if (entry.inDate && entry.expiresOn) return `In date until ${formatDay(entry.expiresOn)}`;
  if (entry.inDate && entry.completedOn) return `Completed ${formatDay(entry.completedOn)}`;
  return `Due ${formatDay(entry.dueOn)}`;
}
