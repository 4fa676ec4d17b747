"use client";

import { useActionState } from "react";
import { FocusedMessage } from "@/components/focused-message";
import type { FormState } from "@/lib/form-state";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { TextareaField } from "@/components/textarea-field";
import { changeDesignationAction } from "./actions";

type Option = { value: string; label: string };

export function DesignationForm(props: { organisationId: string; designation: string; designations: Option[]; tickets: Option[]; ticketId: string; ticketResolved: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeDesignationAction, {});
  const values = state.values;
  return (
    <>
      {/* Keyed on the saved designation and on what came back: selects take new defaults only when they mount. */}
      <form key={`${props.designation}:${JSON.stringify(values ?? null)}`} action={action} noValidate className="space-y-4">
        <input type="hidden" name="organisationId" value={props.organisationId} />
        <input type="hidden" name="expectedDesignation" value={props.designation} />
        <SelectField label="New designation" name="designation" options={props.designations} defaultValue={values?.designation ?? props.designation} errors={state.errors?.designation} />
        <TextareaField label="Reason" name="reason" rows={3} hint="Kept in the audit log." defaultValue={values?.reason} errors={state.errors?.reason} />
        <SelectField
          label="Ticket"
          name="ticketId"
          hint="The ticket that asked for the change gets a message saying it was made."
          placeholder="No ticket"
          options={props.tickets}
          defaultValue={values?.ticketId ?? props.ticketId}
          errors={state.errors?.ticketId}
        />
        {props.tickets.length ? (
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="resolveTicket"
              defaultChecked={values ? values.resolveTicket === "on" : !!props.ticketId && !props.ticketResolved}
              className="mt-0.5 size-5 shrink-0"
            />
            <span>Resolve the chosen ticket in the same step (its author sees it as Resolved)</span>
          </label>
        ) : null}
        <SubmitButton pending={pending} label="Change designation" />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}
