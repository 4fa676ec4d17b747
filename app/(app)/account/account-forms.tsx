"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { changeEmailSettingsAction, changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  return (
    <>
      {/* A fresh form after success, so the password fields empty themselves. */}
      <form key={state.ok ? "done" : "editing"} action={action} noValidate className="space-y-4">
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={state.errors?.currentPassword} />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters." errors={state.errors?.newPassword} />
        <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required errors={state.errors?.confirmPassword} />
        <SubmitButton pending={pending} label="Change password" pendingLabel="Changing…" />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}

const choices = [
  { name: "reminders", label: "Reminders about my required training" },
  { name: "digest", label: "Weekly digest of my school's or trust's required training (Administrators and MAT leads)" },
] as const;

export function EmailSettingsForm({ reminders, digest }: { reminders: boolean; digest: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeEmailSettingsAction, {});
  const saved = { reminders, digest };
  // What came back with an error (what the person ticked), else what is saved.
  const checked = (name: keyof typeof saved) => (state.values && !state.ok ? state.values[name] === "on" : saved[name]);
  return (
    <>
      {/* Keyed on the saved choices: checkboxes take new defaults only when they mount. */}
      <form key={`${reminders}:${digest}:${JSON.stringify(state.values ?? null)}`} action={action} noValidate className="space-y-4">
        <fieldset className="space-y-3">
          <legend className="sr-only">Emails I get</legend>
          {choices.map((choice) => (
            <div key={choice.name}>
              <label className="flex items-start gap-3 text-slate-800">
                <input
                  type="checkbox"
                  name={choice.name}
                  defaultChecked={checked(choice.name)}
                  aria-invalid={state.errors?.[choice.name]?.length ? true : undefined}
                  aria-describedby={`${choice.name}-error`}
                  className="mt-0.5 size-6 shrink-0 accent-brand-700"
                />
                <span>{choice.label}</span>
              </label>
              <p id={`${choice.name}-error`} aria-live="polite" className="text-sm text-red-700">
                {state.errors?.[choice.name]?.join(" ")}
              </p>
            </div>
          ))}
        </fieldset>
        <SubmitButton pending={pending} label="Save email settings" />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}
