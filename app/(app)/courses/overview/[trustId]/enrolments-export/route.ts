import type { NextRequest } from "next/server";
import { findTrustOverview } from "@/lib/access";
import { getViewer } from "@/lib/auth";
import { csvDownload, signInFirst } from "@/lib/csv-download";
import { notFoundResponse } from "@/lib/not-found-html";
import { overviewViewOf } from "@/lib/progress/overview";
import { startTrustEnrolmentsExport } from "@/lib/progress/overview-export";
import { parseProgressQuery } from "@/lib/progress/query";

/**
 * Every enrolment of every school in the trust as CSV, streamed. It asks lib/access.ts once, exactly as
 * the overview page does, and hands the export the scope it answers with (the schools that count): a
 * trust whose overview the viewer may not open reads exactly like one that does not exist.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ trustId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return signInFirst(request);
  const trust = await findTrustOverview(viewer.id, (await params).trustId);
  if (!trust) return notFoundResponse();
  const search = request.nextUrl.searchParams;
  const { course, status, q, required, today } = parseProgressQuery(search); // the same lenient, validated filters as a school's view
  const { fileName, body } = await startTrustEnrolmentsExport(trust, { ...overviewViewOf(search), course, status, q, required, today });
  return csvDownload(fileName, body);
}
