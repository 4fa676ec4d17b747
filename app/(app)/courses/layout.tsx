import { Tabs } from "@/components/tabs";

export default function CoursesLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Courses</h1>
      <Tabs label="Courses" tabs={[{ href: "/courses/my-courses", label: "My Courses" }]} />
      {children}
    </>
  );
}
