"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import type { FormState } from "@/lib/form-state";
import { createInvitationAction } from "./actions";
import { InvitationLink } from "./invitation-link";
import { StatusMessage } from "./status-message";

export function InviteForm({ organisationId }: { organisationId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createInvitationAction, {});
  const link = state.ok ? state.result?.link : undefined;

  return (
    <div className="mt-4 space-y-4">
      {/* A fresh form after each invitation, so the next email starts empty. */}
      <form key={link ?? "invite"} action={action} className="space-y-3" noValidate>
        <input type="hidden" name="organisationId" value={organisationId} />
        <Field label="Email address" name="email" type="email" autoComplete="off" required defaultValue={state.ok ? undefined : state.values?.email} errors={state.errors?.email} />
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
          {pending ? "Sending…" : "Send invitation"}
        </button>
      </form>
      <StatusMessage state={state} testId="invite-message" />
      {link ? <InvitationLink key={link} id="invitation-link" link={link} email={state.result?.email ?? ""} /> : null}
    </div>
  );
}
