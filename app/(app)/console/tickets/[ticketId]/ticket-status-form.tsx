"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-message";
import type { FormState } from "@/lib/form-state";
import { SelectField } from "@/components/select-field";
import { changeTicketStatusAction } from "./actions";

type Option = { value: string; label: string };

export function TicketStatusForm({ ticketId, status, statuses }: { ticketId: string; status: string; statuses: Option[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeTicketStatusAction, {});
  return (
    <>
      {/* Keyed on the saved status too: after a change the select starts from the new one. */}
      <form key={`${status}:${JSON.stringify(state.values ?? null)}`} action={action} noValidate className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="ticketId" value={ticketId} />
        <div className="min-w-48 flex-1">
          <SelectField label="Status" name="status" id="ticket-status" options={statuses} defaultValue={state.values?.status ?? status} errors={state.errors?.status} />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="mb-6 rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-70"
        >
          {pending ? "Saving…" : "Change status"}
        </button>
      </form>
      <FormMessage state={state} />
    </>
  );
}
