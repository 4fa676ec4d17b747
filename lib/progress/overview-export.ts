import "server-only";
import type { TrustOverviewScope } from "../access";
import { csvLine, csvStream, fileSlug, isoDate } from "../csv";
import { db } from "../db";
import { readByCursor } from "../db-cursor";
import { csvFields, csvHeader } from "./columns";
import { summariseSchools, type OverviewSort } from "./overview";
import { trustEnrolmentsSql, type TrustEnrolmentRecord } from "./sql";
import type { ProgressFilters } from "./query";

/** The school, then the school view's own columns (lib/progress/columns.ts). */
export const trustEnrolmentsCsvHeader = ["School", ...csvHeader];

function rowLine({ schoolName, ...row }: TrustEnrolmentRecord): string {
  return csvLine([schoolName, ...csvFields(row)]);
}

export type TrustEnrolmentsView = ProgressFilters & { sort: OverviewSort; dir: "asc" | "desc" };

/**
 * Every enrolment of every school of the trust's overview scope, as CSV, streamed a batch at a time from
 * one statement under a server-side cursor (lib/db-cursor.ts), so memory stays flat however large the
 * trust. Schools come in the overview's order for the same sort; the school view's filters narrow the
 * rows. The export is on the audit log, with the viewer the scope was granted to, before the first byte.
 */
export async function startTrustEnrolmentsExport(
  trust: TrustOverviewScope,
  view: TrustEnrolmentsView,
  batchSize = 1000,
): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const ordered = (await summariseSchools(trust, view.sort, view.dir)).map((s) => s.schoolId);
  await db.auditLog.create({
    data: {
      actorId: trust.viewerId,
      action: "overview.enrolments_exported",
      organisationId: trust.trustId,
      targetType: "Organisation",
      targetId: trust.trustId,
      after: { schools: ordered.length, course: view.course ?? null, status: view.status ?? null, q: view.q ?? null, required: view.required ?? null, sort: view.sort, dir: view.dir },
    },
  });
  const batches = readByCursor<TrustEnrolmentRecord>(trustEnrolmentsSql(trust, ordered, view), batchSize);
  const onError = (error: unknown) => console.error("Trust enrolment export failed", { viewerId: trust.viewerId, trustId: trust.trustId, error });
  const body = csvStream(trustEnrolmentsCsvHeader, batches, rowLine, onError);
  return { fileName: `trust-enrolments-${fileSlug(trust.trustName, "trust")}-${isoDate(new Date())}.csv`, body };
}
