import Link from "next/link";
import { designationLabels } from "@/lib/labels";
import type { TrustAccessGap } from "@/lib/trust";

/**
 * Why a trust's staff see no school's progress here: the article's conditions their trust does not meet yet,
 * each with its fix (a New Support Ticket for the designation, the Administrators to ask for the role, the
 * message to send schools).
 */
export function TrustAccessGaps({ gaps }: { gaps: TrustAccessGap[] }) {
  return (
    <>
      {gaps.map(({ trust, missing, administrators, isAdministrator }) => {
        const ticketHref = `/support/new?${new URLSearchParams({ category: "CHANGE_DESIGNATION", subject: `Change ${trust.name}'s designation to Academies`, organisation: trust.id })}`;
        return (
          <section key={trust.id} aria-labelledby={`gap-${trust.id}`} className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="trust-access-gap">
            <h2 id={`gap-${trust.id}`} className="font-semibold">Why you cannot see {trust.name}&apos;s schools yet</h2>
            <ul className="mt-2 space-y-3">
              {missing.includes("designation") ? (
                <li data-testid="gap-designation">
                  <p>
                    {trust.name}&apos;s Type is {designationLabels[trust.designation]}. Only an organisation designated Academies sees the
                    course progress of the schools that chose it; Schoot support changes the designation on request.
                  </p>
                  <Link href={ticketHref} className="mt-2 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
                    New Support Ticket
                  </Link>
                </li>
              ) : null}
              {missing.includes("role") ? (
                <li data-testid="gap-role">
                  You are a Member of {trust.name}; only its Administrators see its schools&apos; progress. Ask one of them to make you an
                  Administrator: {administrators.map((a) => `${a.name} (${a.email})`).join(", ") || "it has none yet, so ask Schoot support"}.
                </li>
              ) : null}
              {missing.includes("schools") ? (
                <li data-testid="gap-schools">
                  No school has chosen {trust.name} as its Multi Academy Trust yet.{" "}
                  {isAdministrator ? (
                    <>The <Link href="/workplace/trust-access" className="font-medium underline underline-offset-4">Trust access checklist</Link> has a message to send your schools.</>
                  ) : null}
                </li>
              ) : null}
            </ul>
          </section>
        );
      })}
    </>
  );
}
