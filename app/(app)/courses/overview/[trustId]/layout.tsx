import { requireTrustOverview } from "@/lib/access";
import { requireViewer } from "@/lib/auth";

// Decides not-found outside this segment's loading boundary: should the page ever stream (slower than the
// skeleton's server hold), its status would be fixed at 200, and a trust overview the viewer may not open, like one that does not exist, must answer a real 404.
// The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ trustId: string }> }) {
  const viewer = await requireViewer();
  await requireTrustOverview(viewer.id, (await params).trustId);
  return children;
}
