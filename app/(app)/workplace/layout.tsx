import { Tabs } from "@/components/tabs";

export default function WorkplaceLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Workplace</h1>
      <Tabs label="Workplace" tabs={[{ href: "/workplace/my-school", label: "My School" }]} />
      {children}
    </>
  );
}
