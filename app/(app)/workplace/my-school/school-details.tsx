import type { Role } from "@/lib/generated/prisma/enums";
import { designationLabels, roleLabels } from "@/lib/labels";
import { getOrganisationProfile } from "@/lib/organisations";

/** The organisation's name, Type (its designation), URN and address, and the viewer's role in it. */
export async function SchoolDetails({ organisationId, role }: { organisationId: string; role: Role }) {
  const organisation = await getOrganisationProfile(organisationId);
  if (!organisation) throw new Error("Membership without organisation");
  return (
    <section aria-labelledby="school-name" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="school-name" className="text-xl font-semibold">{organisation.name}</h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-slate-600">Type</dt>
          <dd className="mt-1" data-testid="organisation-type">{designationLabels[organisation.designation]}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-600">Your role</dt>
          <dd className="mt-1" data-testid="your-role">{roleLabels[role]}</dd>
        </div>
        {organisation.urn ? (
          <div>
            <dt className="text-sm font-medium text-slate-600">URN</dt>
            <dd className="mt-1">{organisation.urn}</dd>
          </div>
        ) : null}
        {organisation.address ? (
          <div>
            <dt className="text-sm font-medium text-slate-600">Address</dt>
            <dd className="mt-1">{organisation.address}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
