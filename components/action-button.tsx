"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { FocusedMessage } from "./focused-message";
import { SubmitButton } from "./submit-button";

/**
 * A form that is one button: a server action (handed down by the page: components never import app/),
 * the hidden fields it needs, and its answer shown and focused below it.
 */
export function ActionButton({ action, fields = {}, label, pendingLabel }: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <>
      <form action={formAction}>
        {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}
