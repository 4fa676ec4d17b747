import { NextResponse, type NextRequest } from "next/server";
import { findTrustOverview } from "@/lib/access";
import { NotFoundError } from "@/lib/errors";
import { getViewer } from "@/lib/auth";
import { notFoundResponse } from "@/lib/not-found-html";
import { overviewViewOf } from "@/lib/progress/overview";
import { startTrustEnrolmentsExport } from "@/lib/progress/overview-export";
import { parseProgressQuery } from "@/lib/progress/query";

/**
 * Every enrolment of every school in the trust as CSV, streamed. It asks lib/access.ts exactly as the
 * overview page does (and lib/progress/overview-export.ts asks again for the schools): a trust whose overview the
 * viewer may not open reads exactly like one that does not exist.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ trustId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  const { trustId } = await params;
  if (!(await findTrustOverview(viewer.id, trustId))) return notFoundResponse();
  const search = request.nextUrl.searchParams;
  const { course, status, q } = parseProgressQuery(search); // the same lenient, validated filters as a school's view
  try {
    const { fileName, body } = await startTrustEnrolmentsExport(viewer.id, trustId, { ...overviewViewOf(search), course, status, q });
    return new Response(body, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse(); // access removed between the two checks
    throw error;
  }
}
