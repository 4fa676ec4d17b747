import Link from "next/link";
import type { MemberScope, PermittedScope } from "@/lib/access";
import { formatDate } from "@/lib/format";
import { designationLabels } from "@/lib/labels";
import { findTrustCandidate, getTrustChoice, listTrustHistory, searchTrustCandidates, type TrustCandidate } from "@/lib/trust";
import { TrustHistory } from "@/components/trust-history";
import { ChooseTrustButton, RemoveTrustButton } from "./trust-buttons";

export type TrustSectionParams = { trustQuery?: string; confirmTrust?: string; confirmRemove?: string; trust?: string };

const notices: Record<string, string> = {
  chosen: "Your Multi Academy Trust has been saved.",
  unchanged: "That trust was already your Multi Academy Trust: nothing changed.",
  removed: "Your Multi Academy Trust has been removed. Its Administrators can no longer see your staff's course progress.",
};

const SECTION = "/workplace/my-school#multi-academy-trust";

function TrustFacts({ trust }: { trust: Pick<TrustCandidate, "companiesHouseNumber" | "designation" | "schoolNames"> }) {
  return (
    <span className="block text-sm text-slate-600">
      Type: {designationLabels[trust.designation]}
      {trust.companiesHouseNumber ? ` · Companies House ${trust.companiesHouseNumber}` : ""}
      {trust.schoolNames.length ? ` · Schools: ${trust.schoolNames.join(", ")}` : " · No schools yet"}
    </span>
  );
}

/**
 * My School › `Multi Academy Trust` (schools only): the current choice for everyone; choose, change and remove
 * for Administrators. Every choice goes through a confirmation that names the trust and what its
 * Administrators will see; the action itself refuses a choice that did not (lib/trust.ts).
 */
export async function TrustSection({ member, chooser, params }: { member: MemberScope; chooser: PermittedScope<"trust.choose"> | null; params: TrustSectionParams }) {
  const school = { id: member.organisationId, name: member.organisationName };
  const isAdministrator = chooser !== null;
  const query = params.trustQuery?.trim().slice(0, 100) ?? "";
  const [choice, history, candidates, confirming] = await Promise.all([
    getTrustChoice(member),
    listTrustHistory(member, 10),
    chooser && query && !params.confirmTrust ? searchTrustCandidates(chooser, query) : Promise.resolve([]),
    chooser && params.confirmTrust ? findTrustCandidate(chooser, params.confirmTrust) : Promise.resolve(null),
  ]);
  const backToResults = query ? `/workplace/my-school?${new URLSearchParams({ trustQuery: query })}#multi-academy-trust` : SECTION;

  return (
    <section id="multi-academy-trust" aria-labelledby="mat-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="mat-heading" className="text-lg font-semibold">Multi Academy Trust</h2>
      {params.trust && Object.hasOwn(notices, params.trust) ? (
        <p role="status" className="mt-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">{notices[params.trust]}</p>
      ) : null}

      {choice ? (
        <div className="mt-3" data-testid="current-trust">
          <p className="font-medium">{choice.trust.name}</p>
          <p className="text-sm text-slate-700">
            Chosen {formatDate(choice.chosenAt)}{choice.chosenByName ? ` by ${choice.chosenByName}` : ""}.
            {choice.trust.designation === "ACADEMIES"
              ? ` Its Administrators can see the course progress of ${school.name}'s staff.`
              : ` It is not designated Academies yet, so its Administrators see nothing of your staff's course progress until Schoot designates it.`}
          </p>
        </div>
      ) : (
        <p className="mt-3 text-slate-700" data-testid="current-trust">No Multi Academy Trust chosen. No trust can see your staff&apos;s course progress.</p>
      )}

      {!isAdministrator ? (
        <p className="mt-3 text-sm text-slate-600">Only your school&apos;s Administrators can change this.</p>
      ) : (
        <div className="mt-4 space-y-4">
          {choice && params.confirmRemove ? (
            <div role="region" aria-label="Confirm removal" className="rounded-md border border-red-300 bg-red-50 p-4">
              <p className="font-medium text-red-900">Remove {choice.trust.name} as your Multi Academy Trust?</p>
              <p className="mt-1 text-sm text-red-900">Its Administrators will lose access to your staff&apos;s course progress straight away.</p>
              <div className="mt-3 flex flex-wrap items-start gap-3">
                <RemoveTrustButton schoolId={school.id} label={`Yes, remove ${choice.trust.name}`} />
                <Link href={SECTION} className="inline-block px-2 py-2 text-sm font-medium text-slate-700 underline">Cancel</Link>
              </div>
            </div>
          ) : null}

          {confirming ? (
            choice?.trust.id === confirming.id ? (
              <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">{confirming.name} is already your Multi Academy Trust.</p>
            ) : (
              <div role="region" aria-labelledby="confirm-trust-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="confirm-trust">
                <h3 id="confirm-trust-heading" className="font-medium text-amber-950">
                  {choice ? `Change your Multi Academy Trust to ${confirming.name}?` : `Choose ${confirming.name} as your Multi Academy Trust?`}
                </h3>
                <p className="mt-1 text-sm text-amber-950"><TrustFacts trust={confirming} /></p>
                <p className="mt-2 text-sm text-amber-950">
                  {confirming.designation === "ACADEMIES"
                    ? `${confirming.name}'s Administrators will see the course progress of every member of ${school.name}'s staff: the courses each person is enrolled on, how far they are and when they finished.`
                    : `${confirming.name} is not designated Academies, so its Administrators will see nothing of your staff's course progress until Schoot designates it Academies. From then on they will see the course progress of every member of ${school.name}'s staff.`}
                  {choice ? ` ${choice.trust.name} will lose access straight away.` : ""} You can remove or change the choice at any time.
                </p>
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  <ChooseTrustButton schoolId={school.id} trustId={confirming.id} label={choice ? `Yes, change to ${confirming.name}` : `Yes, choose ${confirming.name}`} />
                  <Link href={backToResults} className="inline-block px-2 py-2 text-sm font-medium text-slate-700 underline">Cancel</Link>
                </div>
              </div>
            )
          ) : null}

          {!confirming ? (
            <form method="get" action={SECTION} className="space-y-1" role="search" aria-label="Find a Multi Academy Trust">
              <label htmlFor="trustQuery" className="block text-sm font-medium text-slate-800">
                {choice ? "Change to another trust" : "Choose your trust"}: search by the trust&apos;s name, its Companies House number or one of its schools
              </label>
              <div className="flex gap-2">
                <input id="trustQuery" name="trustQuery" type="search" maxLength={100} defaultValue={query} className="min-w-0 flex-1 rounded-md border border-slate-400 px-3 py-2" />
                <button type="submit" className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">Search</button>
              </div>
            </form>
          ) : null}

          {query && !confirming ? (
            candidates.length === 0 ? (
              <p className="text-sm text-slate-700" data-testid="no-trusts">No trust matches “{query}”. Only trusts are listed: search for your trust&apos;s name, not a school&apos;s.</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" aria-label="Matching trusts">
                {candidates.map((candidate) => (
                  <li key={candidate.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="trust-candidate">
                    <span className="min-w-0">
                      <span className="font-medium">{candidate.name}</span>
                      <TrustFacts trust={candidate} />
                    </span>
                    {choice?.trust.id === candidate.id ? (
                      <span className="text-sm text-slate-600">Current choice</span>
                    ) : (
                      <Link
                        href={`/workplace/my-school?${new URLSearchParams({ trustQuery: query, confirmTrust: candidate.id })}#multi-academy-trust`}
                        className="inline-block rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
                      >
                        Choose<span className="sr-only"> {candidate.name}</span>
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )
          ) : null}

          {choice && !params.confirmRemove && !confirming ? (
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
