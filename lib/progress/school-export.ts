import "server-only";
import type { SchoolProgressScope } from "../access";
import { csvLine, csvStream, fileSlug, isoDate } from "../csv";
import { db } from "../db";
import { csvFields, csvHeader, type ProgressRow } from "./columns";
import { readAllSchoolProgress } from "./school";
import { describeFilters, type ProgressQuery } from "./query";

function rowLine(row: ProgressRow): string {
  return csvLine(csvFields(row));
}

function fileNameFor(schoolName: string): string {
  return `course-progress-${fileSlug(schoolName, "school")}-${isoDate(new Date())}.csv`;
}

/**
 * The CSV of exactly the rows the page shows for these filters (every page of them, in the same order,
 * with the table's columns), as a stream read a batch at a time. The export is recorded in the audit log,
 * with the viewer the scope was granted to, before the first byte: every started export is on record.
 */
export async function startProgressExport(school: SchoolProgressScope, query: ProgressQuery): Promise<{ fileName: string; body: ReadableStream<Uint8Array> }> {
  await db.auditLog.create({
    data: { actorId: school.viewerId, action: "progress.exported", organisationId: school.schoolId, targetType: "Organisation", targetId: school.schoolId, after: describeFilters(query) },
  });
  const onError = (error: unknown) => console.error("Progress export failed", { viewerId: school.viewerId, schoolId: school.schoolId, error });
  const body = csvStream(csvHeader, readAllSchoolProgress(school, query), rowLine, onError);
  return { fileName: fileNameFor(school.schoolName), body };
}
