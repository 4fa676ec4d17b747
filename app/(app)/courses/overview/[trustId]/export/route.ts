import { NextResponse, type NextRequest } from "next/server";
import { findTrustOverview } from "@/lib/access";
import { getViewer } from "@/lib/auth";
import { notFoundResponse } from "@/lib/not-found-html";
import { exportTrustOverview } from "@/lib/progress/overview";

/** The Trust overview as CSV. It asks lib/access.ts exactly as the page does: refused, it reads like the page's 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ trustId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname);
    return NextResponse.redirect(signIn);
  }
  const { trustId } = await params;
  const overview = await findTrustOverview(viewer.id, trustId);
  if (!overview) return notFoundResponse();
  const { fileName, csv } = await exportTrustOverview(overview);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
