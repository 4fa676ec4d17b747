import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { getMyTicket } from "@/lib/tickets";

// Decides not-found before this segment's loading skeleton streams: once streaming starts the status is
// fixed at 200, and someone else's ticket, like one that does not exist, must answer a real 404. The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ ticketId: string }> }) {
  const viewer = await requireViewer();
  if (!(await getMyTicket(viewer.id, (await params).ticketId))) notFound();
  return children;
}
