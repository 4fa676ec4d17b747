"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";

/** The action is handed down by the app's layout: components never import app/. */
export function SignOutButton({ className, signOutAction }: { className: string; signOutAction: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [, action, pending] = useActionState<FormState, FormData>(signOutAction, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className={className}>
        Sign out
      </button>
    </form>
  );
}
