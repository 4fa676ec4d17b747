import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { getMyTicket } from "@/lib/tickets";

// Decides not-found outside this segment's loading boundary: should the page ever stream (slower than the
// skeleton's server hold), its status would be fixed at 200, and someone else's ticket, like one that does not exist, must answer a real 404.
// The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ ticketId: string }> }) {
  const viewer = await requireViewer();
  if (!(await getMyTicket(viewer.id, (await params).ticketId))) notFound();
  return children;
}
