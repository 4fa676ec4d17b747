"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { resendInvitationAction } from "./actions";
import { InvitationLink } from "./invitation-link";
import { StatusMessage } from "./status-message";

/**
 * One pending invitation: what the page says about it, its buttons, and once sent again, the new link
 * (the row keeps it across the refresh that follows, as the invite form does).
 */
export function PendingInvitation({ organisationId, invitationId, email, details, withdraw }: {
  organisationId: string;
  invitationId: string;
  email: string;
  details: React.ReactNode;
  withdraw: React.ReactNode;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(resendInvitationAction, {});
  const link = state.ok ? state.result?.link : undefined;
  return (
    <li className="space-y-2 p-3" data-testid="pending-invitation">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">{details}</div>
        <div className="flex flex-wrap items-start gap-2">
          <form action={action}>
            <input type="hidden" name="organisationId" value={organisationId} />
            <input type="hidden" name="invitationId" value={invitationId} />
            <button type="submit" disabled={pending} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
              {pending ? "Sending…" : "Send again"}<span className="sr-only"> the invitation for {email}</span>
            </button>
          </form>
          {withdraw}
        </div>
      </div>
      <StatusMessage state={state} testId="resend-message" />
      {link ? <InvitationLink key={link} id={`invitation-link-${invitationId}`} link={link} email={email} /> : null}
    </li>
  );
}
