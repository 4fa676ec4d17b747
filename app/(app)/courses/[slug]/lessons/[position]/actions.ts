"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authAction } from "@/lib/action";
import { completeLesson } from "@/lib/courses";

const completeLessonInput = z.object({
  slug: z.string().min(1).max(200),
  position: z.coerce.number().int().min(1).max(10_000),
});

export const completeLessonAction = authAction(completeLessonInput, async function markLessonComplete({ slug, position }, { viewer }) {
  const result = await completeLesson(viewer.id, slug, position);
  revalidatePath(`/courses/${slug}/lessons/${position}`);
  // The lesson that finishes the course ends on its "Course completed" moment.
  if (result.courseCompleted) redirect(`/courses/${slug}/completed`);
  return { ok: true, message: result.courseCompleted ? "Lesson completed. You have finished the course." : "Lesson completed." };
});
