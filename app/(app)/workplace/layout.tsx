import { Tabs } from "@/components/tabs";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";

/**
 * Workplace tabs by the kind of the viewer's current organisation: a school sees its side of trust access
 * (the trust it chose), a trust sees the schools that chose it and the article's three conditions.
 */
export default async function WorkplaceLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const membership = viewer.currentMembership;
  const isTrust = membership?.organisation.kind === "TRUST";
  const seesTrustSchools = can(membership?.role, "trust.view-schools");
  const tabs = isTrust
    ? [
        { href: "/workplace/my-school", label: "My School" },
        ...(seesTrustSchools ? [{ href: "/workplace/my-trust", label: "My Trust" }] : []),
        { href: "/workplace/trust-access", label: "Trust access" },
        { href: "/workplace/required-training", label: "Required training" },
        { href: "/workplace/who-can-see", label: "Who can see my training" },
      ]
    : [
        { href: "/workplace/my-school", label: "My School" },
        ...(membership ? [{ href: "/workplace/trust-access", label: "Trust access" }, { href: "/workplace/required-training", label: "Required training" }] : []),
        { href: "/workplace/who-can-see", label: "Who can see my training" },
      ];
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Workplace</h1>
      <Tabs label="Workplace" tabs={tabs} />
      {children}
    </>
  );
}
