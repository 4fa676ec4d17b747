import type { NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { certificateFor } from "@/lib/certificates/issue";
import { renderCertificate } from "@/lib/certificates/render";
import { fileSlug } from "@/lib/csv";
import { signInFirst } from "@/lib/csv-download";
import { env } from "@/lib/env";
import { notFoundResponse } from "@/lib/not-found-html";
import { pdfDownload } from "@/lib/pdf/document";
import { readSearchParam } from "@/lib/search-params";

const certificateParams = z.object({
  enrolmentId: z.uuid(),
  attempt: z.string().regex(/^[1-9]\d{0,3}$/).transform(Number),
  school: z.uuid().optional(),
});

/**
 * A certificate of one completed attempt, as a PDF. lib/certificates/issue.ts decides, from the database on
 * every request, whether the viewer may have it (the person, or, with ?school=, anyone lib/access.ts lets see
 * that school's progress); anything else, a malformed id included, is the same 404 as an unknown enrolment.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ enrolmentId: string; attempt: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return signInFirst(request);
  const input = certificateParams.safeParse({ ...(await params), school: readSearchParam(request.nextUrl.searchParams, "school") });
  if (!input.success) return notFoundResponse();
  const { enrolmentId, attempt, school } = input.data;
  const certificate = await certificateFor(viewer.id, enrolmentId, attempt, school);
  if (!certificate) return notFoundResponse();
  const appUrl = (env().APP_URL ?? request.nextUrl.origin).replace(/\/+$/, "");
  const fileName = `certificate-${certificate.courseSlug}-${fileSlug(certificate.personName.normalize("NFKD"), "person")}-${attempt}.pdf`;
  return pdfDownload(fileName, renderCertificate(certificate, appUrl));
}
