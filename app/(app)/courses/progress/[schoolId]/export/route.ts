import type { NextRequest } from "next/server";
import { findSchoolProgressScope } from "@/lib/access";
import { getViewer } from "@/lib/auth";
import { csvDownload, signInFirst } from "@/lib/csv-download";
import { notFoundResponse } from "@/lib/not-found-html";
import { startProgressExport } from "@/lib/progress/school-export";
import { parseProgressQuery } from "@/lib/progress/query";

/**
 * The CSV of a school's progress with the page's filters and sort. It asks lib/access.ts once, as the
 * page does, on every request, and hands the export the scope it answers with: a school the viewer may
 * not see, or one that does not exist, gets the same 404 as the page, with the same words.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ schoolId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return signInFirst(request);
  const school = await findSchoolProgressScope(viewer.id, (await params).schoolId);
  if (!school) return notFoundResponse();
  const { fileName, body } = await startProgressExport(school, parseProgressQuery(request.nextUrl.searchParams));
  return csvDownload(fileName, body);
}
