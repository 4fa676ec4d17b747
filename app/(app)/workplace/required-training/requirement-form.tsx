"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import { FocusedMessage } from "@/components/focused-message";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { setRequirementAction } from "./actions";

export type RequirementFormValues = { courseId: string; dueKind: "BY_DATE" | "WITHIN_DAYS"; dueOn: string; dueDays: string; renewal: string };

export const renewalOptions = [
  { value: "none", label: "No renewal" },
  { value: "1", label: "Every year" },
  { value: "2", label: "Every 2 years" },
  { value: "3", label: "Every 3 years" },
];

/**
 * "Require a course", also used to change a course's rule (prefilled). Works without JavaScript: both the
 * date and the number of days are always there, and the server reads only the one "Due" names.
 */
export function RequirementForm({ organisationId, courses, initial }: {
  organisationId: string;
  courses: { id: string; title: string }[];
  initial: RequirementFormValues;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(setRequirementAction, {});
  // What was typed comes back with a refusal; after a success the form starts again from the page's values.
  const values: RequirementFormValues = state.ok || !state.values ? initial : { ...initial, ...state.values } as RequirementFormValues;
  const errors = state.errors ?? {};
  const dueErrorId = "dueKind-error";
  return (
    <div className="mt-4 space-y-4">
      {/* Keyed on the values so a <select> and the radios take them again (they only read defaults when they mount). */}
      <form key={JSON.stringify(values) + String(state.ok)} action={action} className="space-y-4" noValidate>
        <input type="hidden" name="organisationId" value={organisationId} />
        <SelectField
          label="Course"
          name="courseId"
          placeholder="Choose a course"
          options={courses.map((course) => ({ value: course.id, label: course.title }))}
          defaultValue={values.courseId}
          errors={errors.courseId}
        />
        <fieldset className="space-y-3" aria-describedby={errors.dueKind?.length ? dueErrorId : undefined}>
          <legend className="text-sm font-medium text-slate-800">Due</legend>
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <label className="flex min-h-6 items-center gap-2 text-base">
              <input type="radio" name="dueKind" value="BY_DATE" defaultChecked={values.dueKind === "BY_DATE"} className="size-6 shrink-0" />
              By a date
            </label>
            <div className="pl-8">
              <Field label="Due date" name="dueOn" type="date" defaultValue={values.dueOn} errors={errors.dueOn} />
            </div>
          </div>
          <div className="space-y-2 rounded-md border border-slate-200 p-3">
            <label className="flex min-h-6 items-center gap-2 text-base">
              <input type="radio" name="dueKind" value="WITHIN_DAYS" defaultChecked={values.dueKind === "WITHIN_DAYS"} className="size-6 shrink-0" />
              Within a number of days of joining
            </label>
            <div className="pl-8">
              <Field
                label="Days"
                name="dueDays"
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                defaultValue={values.dueDays}
                errors={errors.dueDays}
                hint="Counted from the day each person joins. Staff already here get this many days from the day the course is required."
              />
            </div>
          </div>
          <p id={dueErrorId} aria-live="polite" className="text-sm text-red-700">{errors.dueKind?.join(" ")}</p>
        </fieldset>
        <SelectField label="Renewal" name="renewal" options={renewalOptions} defaultValue={values.renewal} errors={errors.renewal} />
        <SubmitButton pending={pending} label="Require course" pendingLabel="Saving…" />
      </form>
      <FocusedMessage state={state} />
    </div>
  );
}
