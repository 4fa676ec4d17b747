"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/field";
import type { FormState } from "@/lib/form-state";
import { createInvitationAction } from "./actions";
import { StatusMessage } from "./status-message";

export function InviteForm({ organisationId }: { organisationId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createInvitationAction, {});
  const [copied, setCopied] = useState<string | null>(null);
  const link = state.ok ? state.result?.link : undefined;

  async function copyLink() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(link);
    } catch {
      setCopied(null); // no clipboard permission: the link stays selectable in its box
    }
  }

  return (
    <div className="mt-4 space-y-4">
      {/* A fresh form after each invitation, so the next email starts empty. */}
      <form key={link ?? "invite"} action={action} className="space-y-3" noValidate>
        <input type="hidden" name="organisationId" value={organisationId} />
        <Field label="Email address" name="email" type="email" autoComplete="off" required defaultValue={state.ok ? undefined : state.values?.email} errors={state.errors?.email} />
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
          {pending ? "Creating link…" : "Create invitation link"}
        </button>
      </form>
      <StatusMessage state={state} testId="invite-message" />
      {link ? (
        <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
          <label htmlFor="invitation-link" className="block text-sm font-medium text-slate-800">Invitation link for {state.result?.email}</label>
          <input
            id="invitation-link"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
          />
          <div className="flex items-center gap-3">
            <button type="button" onClick={copyLink} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
              Copy link
            </button>
            <span aria-live="polite" className="text-sm text-green-800">{copied === link ? "Copied" : ""}</span>
          </div>
          <p className="text-sm text-slate-600">This is the only time the link is shown. If it is lost, create a new one: the old link then stops working.</p>
        </div>
      ) : null}
    </div>
  );
}
