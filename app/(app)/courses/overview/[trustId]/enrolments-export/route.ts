import { NextResponse, type NextRequest } from "next/server";
import { NotFoundError } from "@/lib/errors";
import { getViewer } from "@/lib/auth";
import { notFoundResponse } from "@/lib/not-found-html";
import { overviewViewOf } from "@/lib/overview";
import { startTrustEnrolmentsExport } from "@/lib/overview-export";
import { parseProgressQuery } from "@/lib/progress-query";

/**
 * Every enrolment of every school in the trust as CSV, streamed. lib/overview-export.ts asks
 * lib/access.ts on every request: a trust whose overview the viewer may not open reads exactly like one
 * that does not exist.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ trustId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  const { trustId } = await params;
  const search = request.nextUrl.searchParams;
  const { course, status, q } = parseProgressQuery(search); // the same lenient, validated filters as a school's view
  try {
    const { fileName, body } = await startTrustEnrolmentsExport(viewer.id, trustId, { ...overviewViewOf(search), course, status, q });
    return new Response(body, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundResponse();
    throw error;
  }
}
