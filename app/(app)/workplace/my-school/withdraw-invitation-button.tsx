"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { withdrawInvitationAction } from "./actions";

export function WithdrawInvitationButton({ organisationId, invitationId, email }: { organisationId: string; invitationId: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(withdrawInvitationAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
        Withdraw<span className="sr-only"> the invitation for {email}</span>
      </button>
      <p role="status" aria-live="polite" className={state.message && !state.ok ? "text-sm text-red-800" : "sr-only"}>
        {state.ok ? "" : state.message}
      </p>
    </form>
  );
}
