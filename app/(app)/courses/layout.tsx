import { Tabs } from "@/components/tabs";

// A school's progress view is part of My Courses: it is reached from its `View course progress for:` selector.
const tabs = [
  { href: "/courses/my-courses", label: "My Courses", section: "/courses/progress" },
  { href: "/courses/all", label: "All Courses" },
];

export default function CoursesLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Courses</h1>
      <Tabs label="Courses" tabs={tabs} />
      {children}
    </>
  );
}
