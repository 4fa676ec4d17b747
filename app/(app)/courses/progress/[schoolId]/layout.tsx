import { notFound } from "next/navigation";
import { findSchoolProgressScope } from "@/lib/access";
import { requireViewer } from "@/lib/auth";

// Decides not-found outside this segment's loading boundary: should the page ever stream (slower than the
// skeleton's server hold), its status would be fixed at 200, and a school the viewer may not see, like one that does not exist, must answer a real 404.
// The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ schoolId: string }> }) {
  const viewer = await requireViewer();
  if (!(await findSchoolProgressScope(viewer.id, (await params).schoolId))) notFound();
  return children;
}
