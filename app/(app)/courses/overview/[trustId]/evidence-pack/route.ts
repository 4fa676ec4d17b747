import type { NextRequest } from "next/server";
import { z } from "zod";
import { findTrustOverview } from "@/lib/access";
import { getViewer } from "@/lib/auth";
import { signInFirst } from "@/lib/csv-download";
import { startTrustPack } from "@/lib/evidence-pack/pack";
import { notFoundResponse } from "@/lib/not-found-html";
import { pdfDownload } from "@/lib/pdf/document";

export const maxDuration = 60;

const params = z.object({ trustId: z.uuid() });

/**
 * A trust's evidence pack (PDF): a summary of its schools, worst first, then each school's section. Only the
 * schools of the viewer's overview, as lib/access.ts answers now; refused reads like the overview's 404. The
 * generation is audited and the schools' figures loaded before the first byte; the schools' sections are
 * loaded and drawn one at a time as the download is read.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ trustId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return signInFirst(request);
  const parsed = params.safeParse(await context.params);
  const overview = parsed.success ? await findTrustOverview(viewer.id, parsed.data.trustId) : null;
  if (!overview) return notFoundResponse();
  const { fileName, body } = await startTrustPack(overview);
  return pdfDownload(fileName, body);
}
