import type { NextRequest } from "next/server";
import { z } from "zod";
import { findSchoolProgressScope } from "@/lib/access";
import { getViewer } from "@/lib/auth";
import { signInFirst } from "@/lib/csv-download";
import { startSchoolPack } from "@/lib/evidence-pack/pack";
import { notFoundResponse } from "@/lib/not-found-html";
import { pdfDownload } from "@/lib/pdf/document";

export const maxDuration = 60;

const params = z.object({ schoolId: z.uuid() });

/**
 * A school's evidence pack (PDF), made now. It asks lib/access.ts exactly as the progress view does: a school
 * the viewer may not see reads like one that does not exist. The generation is audited and the school's facts
 * loaded before the first byte, so a failure there is an error status, not a broken file.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ schoolId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return signInFirst(request);
  const parsed = params.safeParse(await context.params);
  const school = parsed.success ? await findSchoolProgressScope(viewer.id, parsed.data.schoolId) : null;
  if (!school) return notFoundResponse();
  const { fileName, body } = await startSchoolPack(school);
  return pdfDownload(fileName, body);
}
