import type { Metadata } from "next";
import Link from "next/link";
import { searchOrganisations } from "@/lib/designations";
import { designationLabels, kindLabels } from "@/lib/labels";
import { requireSupportViewer } from "@/lib/support";
import { readSearchParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Organisations · Support console" };

export default async function ConsoleOrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireSupportViewer();
  // A NUL reaching the name search is an error in PostgreSQL, not a miss: such a value reads as no search.
  const query = readSearchParam(await searchParams, "q") ?? "";
  const organisations = await searchOrganisations(viewer.id, query);

  return (
    <section aria-labelledby="organisations-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="organisations-heading" className="text-xl font-semibold">Organisations</h2>
        <Link href="/console/organisations/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">New organisation</Link>
      </div>
      <form method="get" action="/console/organisations" role="search" className="mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">Organisation name</label>
          <input id="q" name="q" type="search" defaultValue={query} className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Search
        </button>
      </form>
      {organisations.length === 0 ? (
        <p className="mt-4 text-slate-700">No organisation matches “{query}”.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {organisations.map((organisation) => (
            <li key={organisation.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <Link href={`/console/organisations/${organisation.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                {organisation.name}
              </Link>
              <span className="text-sm text-slate-600">
                {kindLabels[organisation.kind]} · {designationLabels[organisation.designation]} · {organisation._count.memberships} members
                {organisation.urn ? ` · URN ${organisation.urn}` : ""}
                {organisation.companiesHouseNumber ? ` · Companies House ${organisation.companiesHouseNumber}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
