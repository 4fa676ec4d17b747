import { requireSchoolProgressScope } from "@/lib/access";
import { requireViewer } from "@/lib/auth";

// Decides not-found outside this segment's loading boundary: should the page ever stream (slower than the
// skeleton's server hold), its status would be fixed at 200, and a school the viewer may not see, like one that does not exist, must answer a real 404.
// The page asks again: lib/access.ts's one query, cached for the request, answers both.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ schoolId: string }> }) {
  const viewer = await requireViewer();
  await requireSchoolProgressScope(viewer.id, (await params).schoolId);
  return children;
}
