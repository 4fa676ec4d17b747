"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import type { FormState } from "@/lib/form-state";
import { TextareaField } from "@/components/textarea-field";
import { replyToMyTicketAction } from "./actions";

export function ReplyForm({ ticketId, resolved }: { ticketId: string; resolved: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(replyToMyTicketAction, {});
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="ticketId" value={ticketId} />
      <TextareaField
        label="Your reply"
        name="body"
        rows={4}
        hint={resolved ? "This ticket is resolved. Replying opens it again." : undefined}
        defaultValue={state.values?.body}
        errors={state.errors?.body}
      />
      <FormMessage state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Sending…" : "Send reply"}
      </button>
    </form>
  );
}
