"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import type { FormState } from "@/lib/form-state";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import { completeSignUpAction } from "./actions";

export function SignUpForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(completeSignUpAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FocusedMessage state={state} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} errors={state.errors?.name} />
      <Field label="Choose a password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." errors={state.errors?.password} />
      <SubmitButton wide pending={pending} label="Create account and join" pendingLabel="Joining…" />
    </form>
  );
}
