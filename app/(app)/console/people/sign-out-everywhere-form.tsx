"use client";

import { useActionState } from "react";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signOutEverywhereAction, {});
  return (
    <>
      <form action={action} className="space-y-3">
        <input type="hidden" name="userId" value={userId} />
        <SubmitButton pending={pending} label="Sign out everywhere" pendingLabel="Signing out…" />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}
