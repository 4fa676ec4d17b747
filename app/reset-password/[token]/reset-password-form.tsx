"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/field";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { resetPasswordAction } from "./actions";

const linkButton = "inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, {});
  const message = <FocusedMessage state={state} />;
  // Done (but not signed in automatically), or the link stopped working meanwhile: no form to fill any more.
  if (state.ok || state.result?.link) {
    return (
      <div className="space-y-4">
        {message}
        {state.ok ? (
          <Link href="/sign-in" className={linkButton}>Sign in</Link>
        ) : (
          <Link href="/forgot-password" className={linkButton}>Send a new link</Link>
        )}
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {message}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="New password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." errors={state.errors?.password} />
      <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required errors={state.errors?.confirmPassword} />
      <SubmitButton wide pending={pending} label="Save and sign in" />
    </form>
  );
}
