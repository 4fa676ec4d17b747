import type { Metadata } from "next";
import Link from "next/link";
import { findPersonForSupport } from "@/lib/console-people";
import { formatDateTime } from "@/lib/format";
import { readSearchParam } from "@/lib/search-params";
import { roleLabels } from "@/lib/labels";
import { requireSupportViewer } from "@/lib/support";
import { ActionButton } from "@/components/action-button";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "People · Support console" };

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function ConsolePeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireSupportViewer();
  const email = readSearchParam(await searchParams, "email", 254)?.trim() ?? "";
  const person = email ? await findPersonForSupport(viewer.id, email) : null;

  return (
    <section aria-labelledby="people-heading" className="space-y-4">
      <h2 id="people-heading" className="text-xl font-semibold">People</h2>
      <form method="get" action="/console/people" role="search" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="email" className="block text-sm font-medium text-slate-800">Email address</label>
          <input id="email" name="email" type="email" autoComplete="off" defaultValue={email} className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Find
        </button>
      </form>
      {!email ? (
        <p className="text-slate-700">Find a person by their whole email address, for example to sign them out everywhere after a lost laptop.</p>
      ) : !person ? (
        <p className="text-slate-700">No account has the email address “{email}”.</p>
      ) : (
        <article aria-labelledby="person-name" className={`${card} space-y-4`}>
          <div>
            <h3 id="person-name" className="text-lg font-semibold">{person.name}</h3>
            <p className="break-words text-slate-700">{person.email} · account since {formatDateTime(person.createdAt)}</p>
          </div>
          <div>
            <h4 className="font-medium">Organisations</h4>
            {person.memberships.length ? (
              <ul className="mt-1 space-y-1">
                {person.memberships.map((m) => (
                  <li key={m.organisation.id}>
                    <Link href={`/console/organisations/${m.organisation.id}`} className="text-brand-700 underline underline-offset-4">{m.organisation.name}</Link>
                    {" · "}{roleLabels[m.role]}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-slate-700">None.</p>
            )}
          </div>
          <div>
            <h4 className="font-medium">Signed in</h4>
            {person.sessions.length ? (
              <ul className="mt-1 space-y-1" data-testid="open-sessions">
                {person.sessions.map((s) => (
                  <li key={s.id}>Since {formatDateTime(s.createdAt)}, until {formatDateTime(s.expiresAt)} at the latest</li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-slate-700" data-testid="open-sessions">Not signed in anywhere.</p>
            )}
          </div>
          <div>
            <p className="mb-3 text-sm text-slate-700">Ends every session at once, on every device and any copy of its cookie. The person can sign in again with their password.</p>
            <ActionButton action={signOutEverywhereAction} fields={{ userId: person.id }} label="Sign out everywhere" pendingLabel="Signing out…" />
          </div>
        </article>
      )}
    </section>
  );
}
