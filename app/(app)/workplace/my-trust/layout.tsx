import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { listTrustSchools } from "@/lib/trust";

// Decides not-found before this segment's loading skeleton: a person who is not an Administrator of the
// trust must get a real 404. The page asks again; the answer is cached for the request.
export default async function Layout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const organisationId = viewer.currentMembership?.organisation.id;
  if (!organisationId || !(await listTrustSchools(viewer.id, organisationId))) notFound();
  return children;
}
