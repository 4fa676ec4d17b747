import "server-only";
import { findTrustOverview } from "../access";
import { csvLine, csvStream, fileSlug, isoDate } from "../csv";
import { db } from "../db";
import { readByCursor } from "../db-cursor";
import { progressOf, statusLabels } from "../enrolments";
import { NotFoundError } from "../errors";
import { summariseSchools, type OverviewSort } from "./overview";
import { trustEnrolmentsSql, type TrustEnrolmentRecord } from "./sql";
import type { ProgressFilters } from "./query";

export const trustEnrolmentsCsvHeader = ["School", "Name", "Email", "Course", "Status", "Progress %", "Enrolled", "Last activity", "Completed"];

function rowLine(record: TrustEnrolmentRecord): string {
  const { status, percent } = progressOf(record.completedLessons, record.lessonCount);
  return csvLine([
    record.schoolName, record.name, record.email, record.courseTitle, statusLabels[status], percent,
    isoDate(record.enrolledAt), isoDate(record.lastActivityAt), isoDate(record.completedAt),
  ]);
}

export type TrustEnrolmentsView = ProgressFilters & { sort: OverviewSort; dir: "asc" | "desc" };

/**
 * Every enrolment of every school in the trust, as CSV, streamed a batch at a time from one statement
 * under a server-side cursor (lib/db-cursor.ts), so memory stays flat however large the trust. Which
 * schools count is lib/access.ts's answer for this viewer and trust, asked here (NotFoundError when the
 * viewer may not open the overview). Schools come in the overview's order for the same sort; the school
 * view's filters narrow the rows. The export is on the audit log before the first byte.
 */
export async function startTrustEnrolmentsExport(
  viewerId: string,
  trustId: string,
  view: TrustEnrolmentsView,
  batchSize = 1000,
): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const overview = await findTrustOverview(viewerId, trustId);
  if (!overview) throw new NotFoundError();
  const ordered = (await summariseSchools(overview.schools.map((s) => s.schoolId), view.sort, view.dir)).map((s) => s.schoolId);
  await db.auditLog.create({
    data: {
      actorId: viewerId,
      action: "overview.enrolments_exported",
      organisationId: trustId,
      targetType: "Organisation",
      targetId: trustId,
      after: { schools: ordered.length, course: view.course ?? null, status: view.status ?? null, q: view.q ?? null, sort: view.sort, dir: view.dir },
    },
  });
  const batches = readByCursor<TrustEnrolmentRecord>(trustEnrolmentsSql(ordered, view), batchSize);

  const body = csvStream(trustEnrolmentsCsvHeader, batches, rowLine, (error) => console.error("Trust enrolment export failed", { viewerId, trustId, error }));
  return { fileName: `trust-enrolments-${fileSlug(overview.trustName, "trust")}-${isoDate(new Date())}.csv`, body };
}
