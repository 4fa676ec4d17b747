import type { Metadata } from "next";
import Link from "next/link";
import { TicketStatusBadge } from "@/components/ticket-status-badge";
import { requireSupportViewer } from "@/lib/support";
import { listTicketOrganisations, listTicketQueue, ticketQueueFilters, type TicketQueueFilters } from "@/lib/ticket-console";
import { consoleStatusLabels, formatMessageTime, ticketCategories, ticketCategoryLabels, ticketStatuses } from "@/lib/ticket-labels";
import { readSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Tickets · Support console" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const selectClass = "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm";

function queueHref(filters: TicketQueueFilters, after: number) {
  const params = new URLSearchParams({ status: filters.status });
  if (filters.category) params.set("category", filters.category);
  if (filters.organisation) params.set("organisation", filters.organisation);
  params.set("after", String(after));
  return `/console/tickets?${params}`;
}

export default async function TicketQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireSupportViewer();
  const raw = readSearchParams(await searchParams, ["status", "category", "organisation", "after"]);
  const filters = ticketQueueFilters.parse(raw);
  const [{ tickets, nextAfter }, organisations] = await Promise.all([listTicketQueue(viewer.id, filters), listTicketOrganisations(viewer.id)]);

  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="text-xl font-semibold">Ticket queue</h2>
      <p className="mt-1 text-sm text-slate-600">Oldest first.</p>

      {/* A plain GET form: the filters live in the URL, so a filtered queue can be bookmarked and shared. */}
      <form method="get" action="/console/tickets" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <div className="space-y-1">
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">Status</label>
          <select id="status" name="status" defaultValue={filters.status} className={selectClass}>
            <option value="ACTIVE">Not resolved</option>
            {ticketStatuses.map((status) => (
              <option key={status} value={status}>{consoleStatusLabels[status]}</option>
            ))}
            <option value="ALL">All statuses</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="category" className="block text-sm font-medium text-slate-800">Category</label>
          <select id="category" name="category" defaultValue={filters.category ?? ""} className={selectClass}>
            <option value="">All categories</option>
            {ticketCategories.map((category) => (
              <option key={category} value={category}>{ticketCategoryLabels[category]}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="organisation" className="block text-sm font-medium text-slate-800">Organisation</label>
          <select id="organisation" name="organisation" defaultValue={filters.organisation ?? ""} className={selectClass}>
            <option value="">All organisations</option>
            {organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>{organisation.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Filter
        </button>
      </form>

      {tickets.length === 0 ? (
        <p className="mt-4 text-slate-700">No tickets match these filters.</p>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Tickets, oldest first">
          {tickets.map((ticket) => (
            <li key={ticket.id} data-testid="queue-ticket" className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 className="font-semibold">
                  <Link href={`/console/tickets/${ticket.id}`} className="text-brand-700 underline underline-offset-4 hover:text-brand-800">
                    #{ticket.number} {ticket.subject}
                  </Link>
                </h3>
                <TicketStatusBadge status={ticket.status} label={consoleStatusLabels[ticket.status]} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {ticketCategoryLabels[ticket.category]} · {ticket.organisation.name} · {ticket.createdBy.name} · Raised{" "}
                <time dateTime={ticket.createdAt.toISOString()}>{formatMessageTime(ticket.createdAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {nextAfter ? (
        <p className="mt-4">
          <Link href={queueHref(filters, nextAfter)} className="font-medium text-brand-700 underline underline-offset-4">
            Newer tickets
          </Link>
        </p>
      ) : null}
    </section>
  );
}
