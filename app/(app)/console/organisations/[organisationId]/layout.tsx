import { notFound } from "next/navigation";
import { getConsoleOrganisation } from "@/lib/designations";
import { requireSupportViewer } from "@/lib/support";

// Decides not-found outside this segment's loading boundary: should the page ever stream (slower than the
// skeleton's server hold), its status would be fixed at 200, and an unknown organisation must answer a real 404.
// The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ organisationId: string }> }) {
  const viewer = await requireSupportViewer();
  if (!(await getConsoleOrganisation(viewer.id, (await params).organisationId))) notFound();
  return children;
}
