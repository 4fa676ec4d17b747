"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import type { FormState } from "@/lib/form-state";
import { SelectField } from "@/components/select-field";
import { TextareaField } from "@/components/textarea-field";
import { replyAsSupportAction } from "./actions";

type Option = { value: string; label: string };

export function SupportReplyForm({ ticketId, statuses }: { ticketId: string; statuses: Option[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(replyAsSupportAction, {});
  return (
    <>
      {/* Keyed on what came back, so the status select keeps the choice after React resets the form. */}
      <form key={JSON.stringify(state.values ?? null)} action={action} noValidate className="space-y-3">
        <input type="hidden" name="ticketId" value={ticketId} />
        <TextareaField label="Your reply" name="body" rows={5} defaultValue={state.values?.body} errors={state.errors?.body} />
        <SelectField
          label="Status after this reply"
          name="status"
          options={statuses}
          defaultValue={state.values?.status ?? "WAITING_ON_YOU"}
          errors={state.errors?.status}
        />
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
          {pending ? "Sending…" : "Send reply"}
        </button>
      </form>
      <div className="mt-3">
        <FormMessage state={state} />
      </div>
    </>
  );
}
