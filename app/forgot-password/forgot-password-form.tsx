"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/field";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(requestPasswordResetAction, {});
  const sentRef = useRef<HTMLDivElement>(null);
  // The answer replaces the form: focus goes to it, so it is announced and read from its start.
  useEffect(() => {
    if (state.ok) sentRef.current?.focus();
  }, [state]);

  const sentTo = state.ok ? state.result?.email : undefined;
  if (sentTo) {
    return (
      <div ref={sentRef} tabIndex={-1} role="status" data-testid="reset-sent" className="space-y-3 text-slate-800 outline-none">
        <p className="break-words">
          If there is an account for <strong>{sentTo}</strong>, we have sent it a link to choose a new password. The link works once, for an hour.
        </p>
        <p>Not arrived? Check your junk folder, or try again in a few minutes.</p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FocusedMessage state={state} />
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <SubmitButton wide pending={pending} label="Send me a reset link" pendingLabel="Sending…" />
    </form>
  );
}
