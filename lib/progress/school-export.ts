import "server-only";
import { csvLine, csvStream, fileSlug, isoDate } from "../csv";
import { db } from "../db";
import { statusLabels } from "../enrolments";
import { readAllSchoolProgress, type ProgressRow } from "./school";
import { describeFilters, type ProgressQuery } from "./query";

export const progressCsvHeader = ["Name", "Email", "Course", "Status", "Progress %", "Enrolled", "Last activity", "Completed"];

function rowLine(row: ProgressRow): string {
  return csvLine([row.name, row.email, row.courseTitle, statusLabels[row.status], row.percent, isoDate(row.enrolledAt), isoDate(row.lastActivityAt), isoDate(row.completedAt)]);
}

function fileNameFor(schoolName: string): string {
  return `course-progress-${fileSlug(schoolName, "school")}-${isoDate(new Date())}.csv`;
}

/**
 * The CSV of exactly the rows the page shows for these filters (every page of them, in the same order),
 * as a stream read a batch at a time. Access is checked and the export recorded in the audit log before
 * the first byte, so a refused export never starts and every started one is on record.
 */
export async function startProgressExport(viewerId: string, schoolId: string, query: ProgressQuery): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  const { school, batches } = await readAllSchoolProgress(viewerId, schoolId, query);
  await db.auditLog.create({
    data: { actorId: viewerId, action: "progress.exported", organisationId: schoolId, targetType: "Organisation", targetId: schoolId, after: describeFilters(query) },
  });

  const body = csvStream(progressCsvHeader, batches, rowLine, (error) => console.error("Progress export failed", { viewerId, schoolId, error }));
  return { fileName: fileNameFor(school.schoolName), body };
}
