"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authAction } from "@/lib/action";
import { enrolOnCourse } from "@/lib/courses";

const enrolInput = z.object({ slug: z.string().min(1).max(200) });

export const enrolAction = authAction(enrolInput, async function enrol({ slug }, { viewer }) {
  await enrolOnCourse(viewer.id, slug);
  redirect(`/courses/${slug}/lessons/1`);
});
