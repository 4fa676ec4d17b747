import type { Metadata } from "next";
import { findMemberScope, listSchoolProgressViewers } from "@/lib/access";
import { requireViewer } from "@/lib/auth";

export const metadata: Metadata = { title: "Who can see my training" };

/** Transparency: for each organisation the person belongs to, who can see their course progress and why. */
export default async function WhoCanSeePage() {
  const viewer = await requireViewer();
  // Each membership as lib/access.ts reads it now (one that ended a moment ago drops out).
  const members = (await Promise.all(viewer.memberships.map((m) => findMemberScope(viewer.id, m.organisation.id)))).filter((m) => m !== null);
  const organisations = members.map((m) => ({ id: m.organisationId, name: m.organisationName, kind: m.organisationKind }));
  const viewersByOrganisation = await Promise.all(members.map(listSchoolProgressViewers));

  return (
    <section aria-labelledby="who-heading">
      <h2 id="who-heading" className="text-xl font-semibold">Who can see my training</h2>
      <p className="mt-1 text-slate-700">
        These people can see your course progress: which courses you are enrolled on, how far you are, and when you finished.
      </p>
      {organisations.length === 0 ? <p className="mt-4 text-slate-700">Only you, as you are not a member of any organisation.</p> : null}
      <div className="mt-4 space-y-4">
        {organisations.map((organisation, index) => {
          const viewers = viewersByOrganisation[index] ?? [];
          const groups = new Map<string, typeof viewers>(); // Map.groupBy needs Node 21
          for (const v of viewers) {
            const key = `${v.reason}|${v.organisationName}`;
            groups.set(key, [...(groups.get(key) ?? []), v]);
          }
          return (
            <article key={organisation.id} className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`org-${organisation.id}`}>
              <h3 id={`org-${organisation.id}`} className="font-semibold">
                {organisation.kind === "TRUST" ? `As a member of ${organisation.name}'s central team` : `As a member of staff at ${organisation.name}`}
              </h3>
              {viewers.length === 0 ? <p className="mt-2 text-slate-700">Nobody else.</p> : null}
              {[...groups.entries()].map(([key, people]) => {
                const first = people[0]!;
                return (
                  <div key={key} className="mt-3">
                    <p className="text-sm font-medium text-slate-700">
                      {first.reason === "school-administrator"
                        ? `${first.organisationName}'s Administrators`
                        : `Administrators of ${first.organisationName}, the Multi Academy Trust your school chose`}
                    </p>
                    <ul className="mt-1 list-disc pl-5" data-testid="progress-viewers">
                      {people.map((person) => (
                        <li key={`${key}-${person.userId}`}>
                          {person.name} <span className="text-slate-600">({person.email})</span>
                          {person.userId === viewer.id ? " (you)" : ""}
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </article>
          );
        })}
      </div>
    </section>
  );
}
