import { Tabs } from "@/components/tabs";
import { requireSupportViewer } from "@/lib/support";

// The check here keeps the console's heading and tabs from showing around the not-found page; each page
// checks again, since a layout is not a security boundary.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  await requireSupportViewer();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Support console</h1>
      <Tabs
        label="Support console"
        tabs={[
          { href: "/console/tickets", label: "Tickets" },
          { href: "/console/organisations", label: "Organisations" },
          { href: "/console/people", label: "People" },
        ]}
      />
      {children}
    </>
  );
}
