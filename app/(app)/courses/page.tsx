import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { findLastProgressChoice } from "@/lib/progress/choice";

// Courses opens on the person's last `View course progress for:` choice while they may still see it.
export default async function CoursesPage() {
  const viewer = await requireViewer();
  redirect((await findLastProgressChoice(viewer.id)) ?? "/courses/my-courses");
}
