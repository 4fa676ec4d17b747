"use client";

import { useActionState } from "react";
import { Field } from "@/components/field";
import { FocusedMessage } from "@/components/focused-message";
import type { FormState } from "@/lib/form-state";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { createOrganisationAction } from "./actions";

const kinds = [
  { value: "SCHOOL", label: "School" },
  { value: "TRUST", label: "Trust" },
];

export function NewOrganisationForm({ designations }: { designations: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createOrganisationAction, {});
  const values = state.values;
  return (
    <>
      <form key={JSON.stringify(values ?? null)} action={action} noValidate className="mt-4 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <Field label="Name" name="name" defaultValue={values?.name} errors={state.errors?.name} autoComplete="organization" />
        <SelectField label="Kind" name="kind" placeholder="Choose…" options={kinds} defaultValue={values?.kind ?? ""} errors={state.errors?.kind} />
        <SelectField label="Type" name="designation" placeholder="Choose…" options={designations} defaultValue={values?.designation ?? ""} errors={state.errors?.designation} />
        <Field label="URN (schools)" name="urn" inputMode="numeric" defaultValue={values?.urn} errors={state.errors?.urn} />
        <Field label="Companies House number (trusts)" name="companiesHouseNumber" defaultValue={values?.companiesHouseNumber} errors={state.errors?.companiesHouseNumber} />
        <Field label="Address" name="address" defaultValue={values?.address} errors={state.errors?.address} autoComplete="street-address" />
        <SubmitButton pending={pending} label="Create organisation" pendingLabel="Creating…" />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}
