import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketConversation } from "@/components/ticket-conversation";
import { TicketStatusBadge } from "@/components/ticket-status-badge";
import { requireViewer } from "@/lib/auth";
import { ticketCategoryLabels, ticketStatusLabels } from "@/lib/ticket-labels";
import { getMyTicket } from "@/lib/tickets";
import { ReplyForm } from "./reply-form";
import { readSearchParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Support ticket" };

type Props = { params: Promise<{ ticketId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyTicketPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { ticketId } = await params;
  const ticket = await getMyTicket(viewer.id, ticketId);
  if (!ticket) notFound();
  const justSent = readSearchParam(await searchParams, "sent") === "1";

  return (
    <article aria-labelledby="ticket-subject" className="max-w-3xl space-y-5">
      <p>
        <Link href="/support" className="text-sm font-medium text-brand-700 underline underline-offset-4">
          ← My tickets
        </Link>
      </p>
      {justSent ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          Ticket #{ticket.number} sent. Schoot support will reply here, and you will see it in My tickets.
        </p>
      ) : null}
      <header className="space-y-2">
        <h1 id="ticket-subject" className="text-2xl font-semibold">{ticket.subject}</h1>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <TicketStatusBadge status={ticket.status} label={ticketStatusLabels[ticket.status]} />
          <span>#{ticket.number}</span>
          <span>{ticketCategoryLabels[ticket.category]}</span>
          <span>{ticket.organisation.name}</span>
        </div>
      </header>
      <TicketConversation messages={ticket.messages} perspective="person" />
      <section aria-labelledby="reply-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="reply-heading" className="mb-3 text-lg font-semibold">Reply</h2>
        <ReplyForm ticketId={ticket.id} resolved={ticket.status === "RESOLVED"} />
      </section>
    </article>
  );
}
