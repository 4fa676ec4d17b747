"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import type { FormState } from "@/lib/form-state";
import { SelectField } from "@/components/select-field";
import { TextareaField } from "@/components/textarea-field";
import { createTicketAction } from "./actions";

type Option = { value: string; label: string };

export function NewTicketForm(props: {
  idempotencyKey: string;
  categories: Option[];
  organisations: Option[];
  defaults: { category: string; subject: string; organisationId: string };
  subjectMax: number;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(createTicketAction, {});
  const values = { ...props.defaults, ...state.values };
  return (
    <>
      <FormMessage state={state} />
      {/* Keyed on what came back: React resets a form after its action, and only a fresh mount makes
          the selects take the person's choices as their defaults again. */}
      <form key={JSON.stringify(state.values ?? null)} action={action} noValidate className="mt-4 space-y-4">
        {/* Made when the page was shown: a double click or a resubmission sends the same key, and gets one ticket. */}
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <SelectField
          label="Category"
          name="category"
          placeholder="Choose a category"
          options={props.categories}
          defaultValue={values.category}
          errors={state.errors?.category}
          required
        />
        <SelectField
          label="Organisation"
          name="organisationId"
          hint="The organisation this ticket is about."
          options={props.organisations}
          defaultValue={values.organisationId}
          errors={state.errors?.organisationId}
          required
        />
        <Field label="Subject" name="subject" maxLength={props.subjectMax} defaultValue={values.subject} errors={state.errors?.subject} required />
        <TextareaField label="Message" name="message" rows={6} defaultValue={state.values?.message} errors={state.errors?.message} required />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? "Sending…" : "Send ticket"}
        </button>
      </form>
    </>
  );
}
