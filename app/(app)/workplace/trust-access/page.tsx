import type { Metadata } from "next";
import { currentMemberScope } from "@/lib/access";
import { requireViewer } from "@/lib/auth";
import { getTrustAccessChecklist } from "@/lib/trust";
import { SchoolTrustAccess } from "./school-trust-access";
import { TrustChecklist } from "./trust-checklist";

export const metadata: Metadata = { title: "Trust access" };

/**
 * Trust access for the viewer's current organisation, from its side: a school sees which trust it chose and who
 * there can see its staff's training; a trust sees the help article's three conditions.
 */
export default async function TrustAccessPage() {
  const viewer = await requireViewer();
  const member = await currentMemberScope(viewer);
  const checklist = member ? await getTrustAccessChecklist(viewer.id, member.organisationId) : null;
  if (!member || !checklist) {
    return <p className="text-slate-700">You are not a member of any organisation yet, so there is nothing to check.</p>;
  }
  return checklist.organisation.kind === "TRUST" ? <TrustChecklist checklist={checklist} /> : <SchoolTrustAccess checklist={checklist} member={member} />;
}
