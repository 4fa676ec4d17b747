import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TicketStatusBadge } from "@/components/ticket-status-badge";
import { getConsoleOrganisation, listDesignationChanges } from "@/lib/designations";
import { formatDateTime } from "@/lib/format";
import { designationLabels, kindLabels, roleLabels } from "@/lib/labels";
import { requireSupportViewer } from "@/lib/support";
import { consoleStatusLabels } from "@/lib/ticket-labels";
import { DesignationForm } from "./designation-form";
import { KindForm } from "./kind-form";
import { DetailItem } from "@/components/detail-item";
import { readSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Organisation · Support console" };

type Props = { params: Promise<{ organisationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function ConsoleOrganisationPage({ params, searchParams }: Props) {
  const viewer = await requireSupportViewer();
  const { organisationId } = await params;
  const organisation = await getConsoleOrganisation(viewer.id, organisationId);
  if (!organisation) notFound();
  const changes = await listDesignationChanges(viewer.id, organisation.id);
  const search = readSearchParams(await searchParams, ["ticket", "created"]);
  const requestedTicket = search.ticket;
  const ticketId = organisation.tickets.find((t) => t.id === requestedTicket)?.id ?? "";

  return (
    <article aria-labelledby="organisation-name" className="space-y-5">
      <h2 id="organisation-name" className="text-xl font-semibold">{organisation.name}</h2>
      {search.created ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">{organisation.name} has been created.</p>
      ) : null}
      <dl className={`grid gap-4 sm:grid-cols-2 ${card}`}>
        <DetailItem label="Kind" testId="console-kind">{kindLabels[organisation.kind]}</DetailItem>
        <div>
          <dt className="text-sm font-medium text-slate-600">Designation</dt>
          <dd className="mt-1" data-testid="console-designation">{designationLabels[organisation.designation]}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-600">Multi Academy Trust</dt>
          <dd className="mt-1">
            {organisation.trust ? (
              <>
                <Link href={`/console/organisations/${organisation.trust.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                  {organisation.trust.name}
                </Link>{" "}
                ({designationLabels[organisation.trust.designation]}), chosen {formatDateTime(organisation.trustChosenAt)}
                {organisation.trustChosenBy ? ` by ${organisation.trustChosenBy.name}` : ""}
              </>
            ) : (
              "None chosen"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-600">Schools that chose it as their Multi Academy Trust</dt>
          <dd className="mt-1">
            {organisation.schools.length ? (
              <ul>
                {organisation.schools.map((school) => (
                  <li key={school.id}>
                    <Link href={`/console/organisations/${school.id}`} className="text-brand-700 underline underline-offset-4">{school.name}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              "None"
            )}
          </dd>
        </div>
        {organisation.urn ? <DetailItem label="URN">{organisation.urn}</DetailItem> : null}
        {organisation.companiesHouseNumber ? <DetailItem label="Companies House number">{organisation.companiesHouseNumber}</DetailItem> : null}
        {organisation.address ? <DetailItem label="Address">{organisation.address}</DetailItem> : null}
      </dl>

      <section aria-labelledby="designation-heading" className={card}>
        <h3 id="designation-heading" className="mb-3 text-lg font-semibold">Change designation</h3>
        <DesignationForm
          organisationId={organisation.id}
          designation={organisation.designation}
          designations={Object.entries(designationLabels).map(([value, label]) => ({ value, label }))}
          tickets={organisation.tickets.map((t) => ({ value: t.id, label: `#${t.number} ${t.subject} (${consoleStatusLabels[t.status]})` }))}
          ticketId={ticketId}
          ticketResolved={organisation.tickets.find((t) => t.id === ticketId)?.status === "RESOLVED"}
        />
      </section>

      <section aria-labelledby="kind-heading" className={card}>
        <h3 id="kind-heading" className="mb-1 text-lg font-semibold">Change kind</h3>
        <p className="mb-3 text-sm text-slate-700">
          A school chooses a Multi Academy Trust; a trust is chosen by schools. The kind decides which Workplace tabs and words its staff see.
        </p>
        <KindForm organisationId={organisation.id} kind={organisation.kind} />
      </section>

      <section aria-labelledby="history-heading" className={card}>
        <h3 id="history-heading" className="mb-3 text-lg font-semibold">Designation history</h3>
        {changes.length === 0 ? (
          <p className="text-slate-700">No changes since the organisation joined Schoot.</p>
        ) : (
          <ol className="space-y-3">
            {changes.map((change) => (
              <li key={change.id} data-testid="designation-change" className="text-sm">
                <p>
                  <span className="font-medium">
                    {change.from ? designationLabels[change.from] : "?"} → {change.to ? designationLabels[change.to] : "?"}
                  </span>{" "}
                  by {change.actorName}, <time dateTime={change.createdAt.toISOString()}>{formatDateTime(change.createdAt)}</time>
                  {change.ticketId ? (
                    <>
                      {" · "}
                      <Link href={`/console/tickets/${change.ticketId}`} className="text-brand-700 underline underline-offset-4">ticket</Link>
                    </>
                  ) : null}
                </p>
                <p className="text-slate-700">Reason: {change.reason}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="members-heading" className={card}>
        <h3 id="members-heading" className="mb-3 text-lg font-semibold">Members ({organisation.memberships.length})</h3>
        <ul className="divide-y divide-slate-200">
          {organisation.memberships.map((membership) => (
            <li key={membership.user.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2 text-sm">
              <span>
                <span className="font-medium">{membership.user.name}</span> <span className="text-slate-600">{membership.user.email}</span>
              </span>
              <span>{roleLabels[membership.role]}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="tickets-heading" className={card}>
        <h3 id="tickets-heading" className="mb-3 text-lg font-semibold">Recent tickets</h3>
        {organisation.tickets.length === 0 ? (
          <p className="text-slate-700">No tickets.</p>
        ) : (
          <ul className="space-y-2">
            {organisation.tickets.map((ticket) => (
              <li key={ticket.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <Link href={`/console/tickets/${ticket.id}`} className="text-brand-700 underline underline-offset-4">
                  #{ticket.number} {ticket.subject}
                </Link>
                <TicketStatusBadge status={ticket.status} label={consoleStatusLabels[ticket.status]} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
