import type { MemberScope } from "@/lib/access";
import { designationLabels, kindLabels, roleLabels } from "@/lib/labels";
import { getOrganisationProfile } from "@/lib/organisations";
import { DetailItem } from "@/components/detail-item";

/** The organisation's name, kind, Type (its designation), URN or Companies House number and address, and the viewer's role in it. */
export async function SchoolDetails({ member }: { member: MemberScope }) {
  const role = member.role;
  const organisation = await getOrganisationProfile(member);
  if (!organisation) throw new Error("Membership without organisation");
  return (
    <section aria-labelledby="school-name" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="school-name" className="text-xl font-semibold">{organisation.name}</h2>
      <p className="text-sm text-slate-700" data-testid="organisation-kind">
        {organisation.kind === "TRUST" ? "Trust: its staff here are the central team" : kindLabels[organisation.kind]}
      </p>
      <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
        <DetailItem label="Type" testId="organisation-type">{designationLabels[organisation.designation]}</DetailItem>
        <DetailItem label="Your role" testId="your-role">{roleLabels[role]}</DetailItem>
        {organisation.urn ? <DetailItem label="URN">{organisation.urn}</DetailItem> : null}
        {organisation.companiesHouseNumber ? <DetailItem label="Companies House number">{organisation.companiesHouseNumber}</DetailItem> : null}
        {organisation.address ? <DetailItem label="Address">{organisation.address}</DetailItem> : null}
      </dl>
    </section>
  );
}
