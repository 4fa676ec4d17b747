"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { acceptInvitationAction, requestAddressConfirmationAction, signOutForInvitationAction } from "./actions";

const primary = "w-full rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70";

function FormMessage({ state }: { state: FormState }) {
  return (
    <div
      role="alert"
      data-testid="form-message"
      className={!state.message ? "sr-only" : state.ok ? "rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm break-words text-green-900" : "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm break-words text-red-800"}
    >
      {state.message}
    </div>
  );
}

export function AcceptInvitationForm({ token, organisationName }: { token: string; organisationName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primary}>
        {pending ? "Joining…" : `Join ${organisationName}`}
      </button>
    </form>
  );
}

/** No fields: the link goes to the invited address, whoever presses the button. */
export function RequestConfirmationForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(requestAddressConfirmationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primary}>
        {pending ? "Sending…" : "Send me a link to confirm my address"}
      </button>
    </form>
  );
}

export function SignOutForInvitationForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signOutForInvitationAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className={primary}>
        Sign out
      </button>
    </form>
  );
}
