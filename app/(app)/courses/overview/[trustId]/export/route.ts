import type { NextRequest } from "next/server";
import { findTrustOverview } from "@/lib/access";
import { getViewer } from "@/lib/auth";
import { csvDownload, signInFirst } from "@/lib/csv-download";
import { notFoundResponse } from "@/lib/not-found-html";
import { exportTrustOverview } from "@/lib/progress/overview";

/** The Trust overview as CSV. It asks lib/access.ts exactly as the page does: refused, it reads like the page's 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ trustId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return signInFirst(request);
  const overview = await findTrustOverview(viewer.id, (await params).trustId);
  if (!overview) return notFoundResponse();
  const { fileName, csv } = await exportTrustOverview(overview);
  return csvDownload(fileName, csv);
}
