import type { Metadata } from "next";
import Link from "next/link";
import { TicketStatusBadge } from "@/components/ticket-status-badge";
import { requireViewer } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { ticketCategoryLabels, ticketStatusLabels } from "@/lib/ticket-labels";
import { listMyTickets } from "@/lib/tickets";

export const metadata: Metadata = { title: "My tickets" };

export default async function MyTicketsPage() {
  const viewer = await requireViewer();
  const tickets = await listMyTickets(viewer.id);
  return (
    <section aria-labelledby="my-tickets">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="my-tickets" className="text-2xl font-semibold">My tickets</h1>
        <Link href="/support/new" className="rounded-md border border-brand-700 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50">
          Raise another ticket
        </Link>
      </div>
      {tickets.length === 0 ? (
        <p className="mt-4 text-slate-700">You have not raised any support tickets.</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {tickets.map((ticket) => (
            <li key={ticket.id} data-testid="my-ticket" className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="font-semibold">
                  <Link href={`/support/${ticket.id}`} className="text-brand-700 underline underline-offset-4 hover:text-brand-800">
                    {ticket.subject}
                  </Link>
                </h2>
                <TicketStatusBadge status={ticket.status} label={ticketStatusLabels[ticket.status]} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                #{ticket.number} · {ticketCategoryLabels[ticket.category]} · {ticket.organisation.name} · Updated {formatDate(ticket.updatedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
