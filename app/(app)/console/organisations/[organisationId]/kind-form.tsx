"use client";

import { useActionState } from "react";
import { FocusedMessage } from "@/components/focused-message";
import type { FormState } from "@/lib/form-state";
import { SelectField } from "@/components/select-field";
import { SubmitButton } from "@/components/submit-button";
import { TextareaField } from "@/components/textarea-field";
import { changeKindAction } from "./actions";

const kinds = [
  { value: "SCHOOL", label: "School (an establishment: chooses a Multi Academy Trust)" },
  { value: "TRUST", label: "Trust (a MAT or central team: chosen by schools)" },
];

export function KindForm({ organisationId, kind }: { organisationId: string; kind: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeKindAction, {});
  const values = state.values;
  return (
    <>
      <form key={`${kind}:${JSON.stringify(values ?? null)}`} action={action} noValidate className="space-y-4">
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="expectedKind" value={kind} />
        <SelectField label="Kind" id="kind" name="kind" options={kinds} defaultValue={values?.kind ?? kind} errors={state.errors?.kind} />
        <TextareaField label="Why the kind changes" id="kind-reason" name="reason" rows={2} hint="Kept in the audit log." defaultValue={values?.reason} errors={state.errors?.reason} />
        <SubmitButton pending={pending} label="Change kind" />
      </form>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
    </>
  );
}
