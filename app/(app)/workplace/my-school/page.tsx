import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth";
import { designationLabels, roleLabels } from "@/lib/labels";
import { getOrganisationProfile } from "@/lib/organisations";
import { TrustSection, type TrustSectionParams } from "./trust-section";

export const metadata: Metadata = { title: "My School" };

export default async function MySchoolPage({ searchParams }: { searchParams: Promise<TrustSectionParams> }) {
  const viewer = await requireViewer();
  const membership = viewer.currentMembership;
  if (!membership) {
    return (
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-xl font-semibold">My School</h2>
        <p className="mt-2 text-slate-700">You are not a member of any organisation yet. Ask your school&apos;s Administrator to invite you.</p>
      </section>
    );
  }
  const organisation = await getOrganisationProfile(membership.organisation.id);
  if (!organisation) throw new Error("Membership without organisation");

  const params = await searchParams;

  return (
    <div className="space-y-6">
    <section aria-labelledby="school-name" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="school-name" className="text-xl font-semibold">{organisation.name}</h2>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-slate-600">Type</dt>
          <dd className="mt-1" data-testid="organisation-type">{designationLabels[organisation.designation]}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-600">Your role</dt>
          <dd className="mt-1">{roleLabels[membership.role]}</dd>
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
    <TrustSection school={organisation} isAdministrator={membership.role === "ADMINISTRATOR"} params={params} />
    </div>
  );
}
