import { Tabs, type Tab } from "@/components/tabs";

// A school's progress view and a trust's overview are part of My Courses: they are reached from its
// `View course progress for:` selector. A course's own pages and its lessons belong to All Courses.
const tabs: Tab[] = [
  { href: "/courses/my-courses", label: "My Courses", section: ["/courses/progress", "/courses/overview"] },
  { href: "/courses/all", label: "All Courses", fallback: true },
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
