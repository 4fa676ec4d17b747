import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrustHistory } from "@/components/trust-history";
import { currentMemberScope } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { designationLabels } from "@/lib/labels";
import { listTrustHistory, listTrustSchools } from "@/lib/trust";

export const metadata: Metadata = { title: "My Trust" };

export default async function MyTrustPage() {
  const viewer = await requireViewer();
  const member = await currentMemberScope(viewer);
  const trust = member ? await listTrustSchools(viewer.id, member.organisationId) : null;
  if (!member || !trust) notFound(); // Administrators only, checked in the database
  const history = await listTrustHistory(member);
  const isAcademies = trust.designation === "ACADEMIES";

  return (
    <div className="space-y-6">
      <section aria-labelledby="trust-schools" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="trust-schools" className="text-xl font-semibold">Schools that chose {trust.name}</h2>
        {!isAcademies ? (
          <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            {trust.name}&apos;s Type is {designationLabels[trust.designation]}, not Academies, so you cannot see these schools&apos; course progress yet.{" "}
            <Link href="/workplace/trust-access" className="font-medium underline">See what to do</Link>
          </p>
        ) : null}
        {trust.schools.length === 0 ? (
          <p className="mt-3 text-slate-700">
            No school has chosen {trust.name} as its Multi Academy Trust yet. The{" "}
            <Link href="/workplace/trust-access" className="font-medium text-brand-800 underline">Trust access checklist</Link> has a message to send them.
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200" data-testid="trust-schools">
            {trust.schools.map((school) => (
              <li key={school.id} className="py-3">
                <p className="font-medium">
                  {isAcademies ? (
                    <Link href={`/courses/progress/${school.id}`} className="inline-block py-0.5 text-brand-800 underline underline-offset-4">{school.name}</Link>
                  ) : school.name}
                  {school.urn ? <span className="font-normal text-slate-600"> · URN {school.urn}</span> : null}
                </p>
                <p className="text-sm text-slate-700">
                  Since {formatDate(school.trustChosenAt)}{school.trustChosenBy ? `, chosen by ${school.trustChosenBy.name}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-4 text-sm">
          <Link href="/workplace/trust-access" className="inline-flex min-h-6 items-center font-medium text-brand-800 underline underline-offset-4">Trust access checklist</Link>
        </p>
      </section>
      <section aria-label="History" className="rounded-lg border border-slate-200 bg-white p-5">
        <TrustHistory entries={history} heading="History of choices and removals" />
      </section>
    </div>
  );
}
