import { notFound } from "next/navigation";
import { requireSupportViewer } from "@/lib/support";
import { getTicketForSupport } from "@/lib/ticket-console";

// Decides not-found before this segment's loading skeleton streams: once streaming starts the status is
// fixed at 200, and an unknown ticket must answer a real 404. The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ ticketId: string }> }) {
  const viewer = await requireSupportViewer();
  if (!(await getTicketForSupport(viewer.id, (await params).ticketId))) notFound();
  return children;
}
