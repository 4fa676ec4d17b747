"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import type { FormState } from "@/lib/form-state";
import { FormMessage } from "@/components/form-message";
import { completeSignUpAction } from "./actions";

export function SignUpForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(completeSignUpAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} role="alert" />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} errors={state.errors?.name} />
      <Field label="Choose a password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." errors={state.errors?.password} />
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Joining…" : "Create account and join"}
      </button>
    </form>
  );
}
