import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { getCourseForViewer } from "@/lib/courses";
import { readPathParam } from "@/lib/search-params";

// Decides not-found outside this segment's loading boundary: should the page ever stream (slower than the
// skeleton's server hold), its status would be fixed at 200, and an unknown course must answer a real 404.
// The page asks again; the answer is cached for the request.
export default async function Layout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const viewer = await requireViewer();
  // A slug that is no clean text (a NUL, a megabyte) is no course: not found, never a query.
  const slug = readPathParam((await params).slug);
  if (!slug || !(await getCourseForViewer(viewer.id, slug))) notFound();
  return children;
}
