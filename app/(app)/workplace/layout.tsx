import { Tabs } from "@/components/tabs";
import { requireViewer } from "@/lib/auth";

export default async function WorkplaceLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const isAdministrator = viewer.currentMembership?.role === "ADMINISTRATOR";
  const tabs = [
    { href: "/workplace/my-school", label: "My School" },
    ...(isAdministrator ? [{ href: "/workplace/my-trust", label: "My Trust" }] : []),
    { href: "/workplace/trust-access", label: "Trust access" },
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
