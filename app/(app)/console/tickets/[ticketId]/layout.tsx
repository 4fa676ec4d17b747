import { notFound } from "next/navigation";
import { requireSupportViewer } from "@/lib/support";
import { getTicketForSupport } from "@/lib/ticket-console";

// Decides not-found outside this segment's loading boundary: should the page ever stream (slower than the
// skeleton's server hold), its status would be fixed at 200, and an unknown ticket must answer a real 404.
// The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ ticketId: string }> }) {
  const viewer = await requireSupportViewer();
  if (!(await getTicketForSupport(viewer.id, (await params).ticketId))) notFound();
  return children;
}
