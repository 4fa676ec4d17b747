"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { changePasswordAction } from "./actions";

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
