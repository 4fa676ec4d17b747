import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMemberScope, withPermission } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { readSearchParams } from "@/lib/search-params";
import { ColleaguesSection } from "./colleagues-section";
import { InvitationsSection } from "./invitations-section";
import { RecentChanges } from "./recent-changes";
import { SchoolDetails } from "./school-details";
import { SignInSection } from "./sign-in-section";
import { StaffImportSection } from "./staff-import-section";
import { CentralTeamSection } from "./central-team-section";
import { TrustSection, type TrustSectionParams } from "./trust-section";
import { NoOrganisation } from "@/components/no-organisation";

export const metadata: Metadata = { title: "My School" };

// My School is a column of small sections, each loading what it shows: add a section with one line.
// The trust picker's state lives in the URL; a repeated or malformed value (a NUL, a megabyte) reads as absent.
const trustSectionParams: (keyof TrustSectionParams)[] = ["trustQuery", "confirmTrust", "confirmRemove", "trust"];

async function trustSectionParamsOf(searchParams: Promise<Record<string, string | string[] | undefined>>): Promise<TrustSectionParams> {
  return readSearchParams(await searchParams, trustSectionParams);
}

export default async function MySchoolPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  // Read from the database on this request: a role change shows on the changed person's next page.
  const member = await currentMemberScope(viewer);
  // Schoot support belongs to no school: its work is the console.
  if (!member && viewer.platformRole === "SUPPORT") redirect("/console/tickets");
  if (!member) return <NoOrganisation title="My School" />;
  const colleagueViewer = withPermission(member, "colleagues.view");
  const manager = withPermission(member, "colleagues.manage");

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="space-y-6">
        <SchoolDetails member={member} />
        {member.organisationKind === "SCHOOL" ? (
          <TrustSection member={member} chooser={withPermission(member, "trust.choose")} params={await trustSectionParamsOf(searchParams)} />
        ) : (
          <CentralTeamSection trustName={member.organisationName} isAdministrator={manager !== null} />
        )}
        <SignInSection member={member} />
      </div>
      <div className="space-y-6">
        {colleagueViewer ? <ColleaguesSection member={member} viewer={colleagueViewer} canManage={manager !== null} /> : null}
        {manager ? <InvitationsSection manager={manager} /> : null}
        {manager ? <StaffImportSection organisationId={manager.organisationId} /> : null}
        {manager ? <RecentChanges manager={manager} /> : null}
      </div>
    </div>
  );
}
