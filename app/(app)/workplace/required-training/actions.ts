"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { typedValues, type FormState } from "@/lib/form-state";
import { removeRequirement, removeRequirementInput, RequirementFieldError, setRequirement, setRequirementInput } from "@/lib/requirements/manage";

// Thin wrappers: the rules (the guard from the database, the trust's requirements a school cannot add, the
// audit row in the same transaction) live in lib/requirements/manage.ts.

/** Required training shows on the Workplace pages and under Courses (My Courses, progress, the overview). */
function revalidateRequiredTraining() {
  revalidatePath("/workplace", "layout");
  revalidatePath("/courses", "layout");
}

export const setRequirementAction = authAction(setRequirementInput, async function requireCourse(input, { viewer, formData }): Promise<FormState> {
  try {
    const { changed, created, course } = await setRequirement(viewer.id, input);
    revalidateRequiredTraining();
    return { ok: true, message: !changed ? `${course}'s rule was already this: nothing changed.` : created ? `${course} is now required.` : `${course}'s rule was changed.` };
  } catch (error) {
    if (!(error instanceof RequirementFieldError)) throw error;
    return { message: "Check the highlighted fields.", errors: { [error.field]: [error.message] }, values: typedValues(formData) };
  }
});

export const removeRequirementAction = authAction(removeRequirementInput, async function stopRequiringCourse(input, { viewer }): Promise<FormState> {
  const { course } = await removeRequirement(viewer.id, input);
  revalidateRequiredTraining();
  return { ok: true, message: `${course} is no longer required.` };
});
