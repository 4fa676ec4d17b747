"use client";

import { useActionState } from "react";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import { TextareaField } from "@/components/textarea-field";
import type { FormState } from "@/lib/form-state";
import { updateSignInSettingsAction } from "./sign-in-actions";

type Saved = { microsoft: boolean; google: boolean; required: boolean; domains: string };

function Checkbox({ name, label, hint, checked, errors }: { name: keyof Saved; label: string; hint?: string; checked: boolean; errors?: string[] }) {
  const describedBy = [hint ? `${name}-hint` : null, errors?.length ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label className="flex items-start gap-3 text-slate-800">
        <input
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className="mt-0.5 size-6 shrink-0 accent-brand-700"
        />
        <span>{label}</span>
      </label>
      {hint ? <p id={`${name}-hint`} className="ml-9 text-sm text-slate-600">{hint}</p> : null}
      <p id={`${name}-error`} aria-live="polite" className="ml-9 text-sm text-red-700">{errors?.join(" ")}</p>
    </div>
  );
}

/** The organisation's sign-in rules; a provider this service has not set up is noted beside its box. */
export function SignInForm({ organisationId, saved, unconfigured }: { organisationId: string; saved: Saved; unconfigured: { microsoft: boolean; google: boolean } }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateSignInSettingsAction, {});
  // What came back with an error (what the person entered), else what is saved.
  const typed = state.values && !state.ok ? state.values : null;
  const checked = (name: "microsoft" | "google" | "required") => (typed ? typed[name] === "on" : saved[name]);
  const notSetUp = "Not set up on this service yet: saved for when it is.";
  return (
    <>
      {/* Keyed on the saved values and what came back: checkboxes and the text box take new defaults only when they mount. */}
      <form key={`${JSON.stringify(saved)}:${JSON.stringify(typed)}`} action={action} noValidate className="mt-4 space-y-4">
        <input type="hidden" name="organisationId" value={organisationId} />
        <fieldset className="space-y-3">
          <legend className="sr-only">Sign-in with Microsoft or Google</legend>
          <Checkbox name="microsoft" label="Allow sign-in with Microsoft" hint={unconfigured.microsoft ? notSetUp : undefined} checked={checked("microsoft")} errors={state.errors?.microsoft} />
          <Checkbox name="google" label="Allow sign-in with Google" hint={unconfigured.google ? notSetUp : undefined} checked={checked("google")} errors={state.errors?.google} />
          <Checkbox
            name="required"
            label="Staff must sign in with Microsoft or Google"
            hint="Staff cannot use a password: they sign in with Microsoft or Google only."
            checked={checked("required")}
            errors={state.errors?.required}
          />
        </fieldset>
        <TextareaField
          label="Limit Microsoft and Google sign-in to these email domains"
          name="domains"
          rows={3}
          spellCheck={false}
          autoCapitalize="none"
          hint="Only addresses at these domains may sign in with Microsoft or Google. Leave empty for any address. One per line, e.g. riverside.sch.uk."
          defaultValue={typed ? typed.domains : saved.domains}
          errors={state.errors?.domains}
        />
        <SubmitButton pending={pending} label="Save sign-in settings" />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}
