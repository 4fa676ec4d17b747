import Link from "next/link";
import { formatDate } from "@/lib/format";
import { getTrustChoice, listTrustHistory, searchTrustCandidates } from "@/lib/trust";
import { TrustHistory } from "@/components/trust-history";
import { ChooseTrustButton, RemoveTrustButton } from "./trust-buttons";

export type TrustSectionParams = { trustQuery?: string; confirmTrust?: string; confirmRemove?: string; trust?: string };

const notices: Record<string, string> = {
  chosen: "Your Multi Academy Trust has been saved.",
  unchanged: "That trust was already your Multi Academy Trust: nothing changed.",
  removed: "Your Multi Academy Trust has been removed. Its Administrators can no longer see your staff's course progress.",
};

/** My School › `Multi Academy Trust`: the current choice for everyone; choose, change and remove for Administrators. */
export async function TrustSection({ school, isAdministrator, params }: { school: { id: string; name: string }; isAdministrator: boolean; params: TrustSectionParams }) {
  const [choice, history] = await Promise.all([getTrustChoice(school.id), listTrustHistory(school.id, 10)]);
  const query = params.trustQuery?.trim() ?? "";
  const candidates = isAdministrator && query ? await searchTrustCandidates(school.id, query) : [];
  const confirming = isAdministrator && params.confirmTrust ? candidates.find((c) => c.id === params.confirmTrust) : undefined;

  return (
    <section id="multi-academy-trust" aria-labelledby="mat-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="mat-heading" className="text-lg font-semibold">Multi Academy Trust</h2>
      {params.trust && notices[params.trust] ? (
        <p role="status" className="mt-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{notices[params.trust]}</p>
      ) : null}

      {choice ? (
        <div className="mt-3" data-testid="current-trust">
          <p className="font-medium">{choice.trust.name}{choice.trust.urn ? <span className="font-normal text-slate-600"> · URN {choice.trust.urn}</span> : null}</p>
          <p className="text-sm text-slate-700">
            Chosen {formatDate(choice.chosenAt)}{choice.chosenByName ? ` by ${choice.chosenByName}` : ""}.
            {choice.trust.designation === "ACADEMIES"
              ? ` Its Administrators can see the course progress of ${school.name}'s staff.`
              : ` It is not designated Academies, so its Administrators cannot see your staff's course progress.`}
          </p>
        </div>
      ) : (
        <p className="mt-3 text-slate-700" data-testid="current-trust">No Multi Academy Trust chosen. No trust can see your staff&apos;s course progress.</p>
      )}

      {!isAdministrator ? (
        <p className="mt-3 text-sm text-slate-600">Only your organisation&apos;s Administrators can change this.</p>
      ) : (
        <div className="mt-4 space-y-4">
          {choice && params.confirmRemove ? (
            <div role="region" aria-label="Confirm removal" className="rounded-md border border-red-300 bg-red-50 p-4">
              <p className="font-medium text-red-900">Remove {choice.trust.name} as your Multi Academy Trust?</p>
              <p className="mt-1 text-sm text-red-900">Its Administrators will lose access to your staff&apos;s course progress straight away.</p>
              <div className="mt-3 flex flex-wrap items-start gap-3">
                <RemoveTrustButton schoolId={school.id} label={`Yes, remove ${choice.trust.name}`} />
                <Link href="/workplace/my-school#multi-academy-trust" className="px-2 py-2 text-sm font-medium text-slate-700 underline">Cancel</Link>
              </div>
            </div>
          ) : null}

          {confirming && choice ? (
            <div role="region" aria-label="Confirm change" className="rounded-md border border-amber-300 bg-amber-50 p-4">
              <p className="font-medium text-amber-950">Change your Multi Academy Trust to {confirming.name}?</p>
              <p className="mt-1 text-sm text-amber-950">
                {choice.trust.name} will lose access to your staff&apos;s course progress, and {confirming.name}&apos;s Administrators will gain it.
              </p>
              <div className="mt-3 flex flex-wrap items-start gap-3">
                <ChooseTrustButton schoolId={school.id} trustId={confirming.id} label={`Yes, change to ${confirming.name}`} />
                <Link href="/workplace/my-school#multi-academy-trust" className="px-2 py-2 text-sm font-medium text-slate-700 underline">Cancel</Link>
              </div>
            </div>
          ) : null}

          <form method="get" action="/workplace/my-school#multi-academy-trust" className="space-y-1" role="search" aria-label="Find a Multi Academy Trust">
            <label htmlFor="trustQuery" className="block text-sm font-medium text-slate-800">
              {choice ? "Change to another trust: search by name or URN" : "Choose your trust: search by name or URN"}
            </label>
            <div className="flex gap-2">
              <input id="trustQuery" name="trustQuery" type="search" defaultValue={query} className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2" />
              <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">Search</button>
            </div>
          </form>

          {query && !confirming ? (
            candidates.length === 0 ? (
              <p className="text-sm text-slate-700">No organisation designated Academies matches “{query}”.</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Matching trusts">
                {candidates.map((candidate) => (
                  <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                    <span>{candidate.name}{candidate.urn ? <span className="text-sm text-slate-600"> · URN {candidate.urn}</span> : null}</span>
                    {choice?.trust.id === candidate.id ? (
                      <span className="text-sm text-slate-600">Current choice</span>
                    ) : choice ? (
                      <Link href={`/workplace/my-school?trustQuery=${encodeURIComponent(query)}&confirmTrust=${candidate.id}#multi-academy-trust`} className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800">
                        Choose {candidate.name}
                      </Link>
                    ) : (
                      <ChooseTrustButton schoolId={school.id} trustId={candidate.id} label={`Choose ${candidate.name}`} />
                    )}
                  </li>
                ))}
              </ul>
            )
          ) : null}

          {choice && !params.confirmRemove ? (
            <Link href="/workplace/my-school?confirmRemove=1#multi-academy-trust" className="inline-flex min-h-6 items-center text-sm font-medium text-red-800 underline underline-offset-4">
              Remove {choice.trust.name}
            </Link>
          ) : null}
        </div>
      )}

      <TrustHistory entries={history} heading="History" />
    </section>
  );
}
