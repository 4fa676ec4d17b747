import { notFound } from "next/navigation";
import { getConsoleOrganisation } from "@/lib/designations";
import { requireSupportViewer } from "@/lib/support";

// Decides not-found before this segment's loading skeleton streams: once streaming starts the status is
// fixed at 200, and an unknown organisation must answer a real 404. The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ organisationId: string }> }) {
  const viewer = await requireSupportViewer();
  if (!(await getConsoleOrganisation(viewer.id, (await params).organisationId))) notFound();
  return children;
}
