import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { requireViewer } from "@/lib/auth";
import type { TicketCategory } from "@/lib/generated/prisma/enums";
import { ticketCategories, ticketCategoryLabels } from "@/lib/ticket-labels";
import { SUBJECT_MAX } from "@/lib/tickets";
import { NewTicketForm } from "./new-ticket-form";
import { readSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "New Support Ticket" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;


/**
 * Links may fill the form in (the Trust access checklist does): ?category=<TicketCategory>&subject=…
 * &organisation=<id>. Only values the form can hold are used: an unknown category is ignored, and an
 * organisation the person does not belong to falls back to their current one.
 */
export default async function NewSupportTicketPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const params = readSearchParams(await searchParams, ["category", "organisation", "subject"]);
  const organisations = viewer.memberships.map((m) => ({ value: m.organisation.id, label: m.organisation.name }));

  if (organisations.length === 0) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h1 className="text-2xl font-semibold">New Support Ticket</h1>
        <p className="mt-2 text-slate-700">
          A ticket is about one of your organisations, and you do not belong to one yet. Ask your school&apos;s Administrator to invite you,
          or email Schoot support at support@schoot.example.
        </p>
      </section>
    );
  }

  const category = params.category ?? "";
  const requestedOrganisation = params.organisation ?? "";
  const defaults = {
    category: ticketCategories.includes(category as TicketCategory) ? category : "",
    subject: (params.subject ?? "").trim().slice(0, SUBJECT_MAX),
    organisationId: organisations.find((o) => o.value === requestedOrganisation)?.value ?? viewer.currentMembership?.organisation.id ?? "",
  };

  return (
    <section aria-labelledby="new-ticket" className="max-w-2xl rounded-lg border border-slate-200 bg-white p-5">
      <h1 id="new-ticket" className="text-2xl font-semibold">New Support Ticket</h1>
      <p className="mt-2 text-slate-700">
        Schoot support replies in <Link href="/support" className="font-medium text-brand-700 underline underline-offset-4">My tickets</Link>.
      </p>
      <NewTicketForm
        idempotencyKey={randomUUID()}
        categories={ticketCategories.map((value) => ({ value, label: ticketCategoryLabels[value] }))}
        organisations={organisations}
        defaults={defaults}
        subjectMax={SUBJECT_MAX}
      />
    </section>
  );
}
