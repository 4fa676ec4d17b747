"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authAction } from "@/lib/action";
import { enrolOnCourse } from "@/lib/courses";
import { startRenewal } from "@/lib/requirements/renewal";

/** A course, by its slug (the actions re-check it exists, and what the person may do with it). */
const courseInput = z.object({ slug: z.string().min(1).max(200) });

export const enrolAction = authAction(courseInput, async function enrol({ slug }, { viewer }) {
  await enrolOnCourse(viewer.id, slug);
  redirect(`/courses/${slug}/lessons/1`);
});

/** Start renewal: opens a new attempt of a required course once its renewal window is open (lib/requirements/renewal.ts re-checks it). */
export const startRenewalAction = authAction(courseInput, async function startRenewalOfCourse({ slug }, { viewer }) {
  await startRenewal(viewer.id, slug);
  revalidatePath("/courses/my-courses");
  redirect(`/courses/${slug}/lessons/1`);
});
