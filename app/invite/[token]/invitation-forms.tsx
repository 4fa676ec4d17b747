"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { FormMessage } from "@/components/form-message";
import { acceptInvitationAction, requestAddressConfirmationAction, signOutForInvitationAction } from "./actions";

const primary = "w-full rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70";

export function AcceptInvitationForm({ token, organisationName }: { token: string; organisationName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} role="alert" />
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
      <FormMessage state={state} role="alert" />
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
      <FormMessage state={state} role="alert" />
      <button type="submit" disabled={pending} className={primary}>
        Sign out
      </button>
    </form>
  );
}
