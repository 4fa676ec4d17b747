import "server-only";
import type { SchoolProgressScope } from "../access";
import { db } from "../db";

// Where the download links point, and which attempts have one: every completed attempt, the current one
// and each earlier one kept by a renewal. The route (app/certificates/…) checks access again on download.

/** The certificate's URL; `schoolId` when downloaded from that school's progress view. */
export function certificateHref(enrolmentId: string, attempt: number, schoolId?: string): string {
  return `/certificates/${enrolmentId}/${attempt}${schoolId ? `?school=${schoolId}` : ""}`;
}

export type MyCertificates = {
  courseId: string;
  enrolmentId: string;
  /** The current attempt's number when it is completed, else null. */
  current: number | null;
  /** Each completed earlier attempt's number, latest first. */
  earlier: number[];
};

/** The person's own completed attempts, per course (one course when `courseId` is given). One query. */
export async function listMyCertificates(viewerId: string, courseId?: string): Promise<Map<string, MyCertificates>> {
  const rows = await db.enrolment.findMany({
    where: { userId: viewerId, ...(courseId ? { courseId } : {}) },
    select: {
      id: true, courseId: true, attempt: true, completedAt: true,
      attempts: { where: { completedAt: { not: null } }, select: { number: true }, orderBy: { number: "desc" } },
    },
  });
  return new Map(
    rows
      .filter((row) => row.completedAt || row.attempts.length)
      .map((row) => [row.courseId, { courseId: row.courseId, enrolmentId: row.id, current: row.completedAt ? row.attempt : null, earlier: row.attempts.map((a) => a.number) }]),
  );
}

/** The latest completed attempt of a course (the current one, else the latest earlier one), or null. */
export function latestCompleted(entry: MyCertificates | undefined): number | null {
  return entry ? (entry.current ?? entry.earlier[0] ?? null) : null;
}

export type RowCertificates = { current?: string; earlier?: string };

/**
 * For a page of a school's progress view: the certificate links of each enrolment shown (the current
 * attempt when completed; the latest earlier completion, the one the view shows, when there is one). Only
 * enrolments of the scope's own members are answered, whatever ids are asked about.
 */
export async function listRowCertificates(scope: SchoolProgressScope, enrolmentIds: string[]): Promise<Record<string, RowCertificates>> {
  if (enrolmentIds.length === 0) return {};
  const rows = await db.$queryRaw<{ id: string; attempt: number; completed: boolean; earlier: number | null }[]>`
    SELECT e.id, e.attempt, e."completedAt" IS NOT NULL AS completed,
           (SELECT max(a.number) FROM "CourseAttempt" a WHERE a."enrolmentId" = e.id AND a."completedAt" IS NOT NULL) AS earlier
      FROM "Enrolment" e
      JOIN "Membership" m ON m."userId" = e."userId" AND m."organisationId" = ${scope.schoolId}::uuid
     WHERE e.id = ANY(${enrolmentIds}::uuid[])`;
  const links: Record<string, RowCertificates> = {};
  for (const row of rows) {
    const entry: RowCertificates = {};
    if (row.completed) entry.current = certificateHref(row.id, row.attempt, scope.schoolId);
    if (row.earlier !== null) entry.earlier = certificateHref(row.id, row.earlier, scope.schoolId);
    if (entry.current || entry.earlier) links[row.id] = entry;
  }
  return links;
}
