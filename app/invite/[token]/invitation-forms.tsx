"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import { acceptInvitationAction, requestAddressConfirmationAction, signOutForInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, organisationName }: { token: string; organisationName: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FocusedMessage state={state} />
      <SubmitButton wide pending={pending} label={`Join ${organisationName}`} pendingLabel="Joining…" />
    </form>
  );
}

/** No fields: the link goes to the invited address, whoever presses the button. */
export function RequestConfirmationForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(requestAddressConfirmationAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FocusedMessage state={state} />
      <SubmitButton wide pending={pending} label="Send me a link to confirm my address" pendingLabel="Sending…" />
    </form>
  );
}

export function SignOutForInvitationForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signOutForInvitationAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FocusedMessage state={state} />
      <SubmitButton wide pending={pending} label="Sign out" pendingLabel="Sign out" />
    </form>
  );
}
