import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketConversation } from "@/components/ticket-conversation";
import { TicketStatusBadge } from "@/components/ticket-status-badge";
import { designationLabels } from "@/lib/labels";
import { requireSupportViewer } from "@/lib/support";
import { getTicketForSupport } from "@/lib/ticket-console";
import { consoleStatusLabels, formatMessageTime, ticketCategoryLabels, ticketStatuses } from "@/lib/ticket-labels";
import { SupportReplyForm } from "./support-reply-form";
import { TicketStatusForm } from "./ticket-status-form";

export const metadata: Metadata = { title: "Ticket · Support console" };

export default async function ConsoleTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const viewer = await requireSupportViewer();
  const { ticketId } = await params;
  const ticket = await getTicketForSupport(viewer.id, ticketId);
  if (!ticket) notFound();
  const statuses = ticketStatuses.map((value) => ({ value, label: consoleStatusLabels[value] }));
  const organisationHref = `/console/organisations/${ticket.organisation.id}?ticket=${ticket.id}`;

  return (
    <article aria-labelledby="ticket-subject" className="max-w-3xl space-y-5">
      <p>
        <Link href="/console/tickets" className="text-sm font-medium text-brand-700 underline underline-offset-4">
          ← Ticket queue
        </Link>
      </p>
      <header className="space-y-2">
        <h2 id="ticket-subject" className="text-xl font-semibold">
          #{ticket.number} {ticket.subject}
        </h2>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
          <TicketStatusBadge status={ticket.status} label={consoleStatusLabels[ticket.status]} />
          <span>{ticketCategoryLabels[ticket.category]}</span>
          <span>
            Raised <time dateTime={ticket.createdAt.toISOString()}>{formatMessageTime(ticket.createdAt)}</time>
          </span>
        </div>
        <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-600">Raised by</dt>
            <dd className="mt-1">
              {ticket.createdBy.name} ({ticket.createdBy.email})
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-600">Organisation</dt>
            <dd className="mt-1">
              <Link href={organisationHref} className="font-medium text-brand-700 underline underline-offset-4">
                {ticket.organisation.name}
              </Link>{" "}
              · {designationLabels[ticket.organisation.designation]}
            </dd>
          </div>
        </dl>
        {ticket.category === "CHANGE_DESIGNATION" ? (
          <p>
            <Link href={organisationHref} className="inline-block rounded-md border border-brand-700 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50">
              Change the designation of {ticket.organisation.name}
            </Link>
          </p>
        ) : null}
      </header>

      <TicketConversation messages={ticket.messages} perspective="support" />

      <section aria-labelledby="reply-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="reply-heading" className="mb-3 text-lg font-semibold">Reply</h3>
        <SupportReplyForm ticketId={ticket.id} statuses={statuses} />
      </section>
      <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="status-heading" className="mb-3 text-lg font-semibold">Ticket status</h3>
        <TicketStatusForm ticketId={ticket.id} status={ticket.status} statuses={statuses} />
      </section>
    </article>
  );
}
