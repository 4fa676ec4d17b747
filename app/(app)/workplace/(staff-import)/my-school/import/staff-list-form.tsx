"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { StatusMessage } from "../../../my-school/status-message";
import { uploadStaffListAction } from "./actions";
import { STAFF_LIST_FIELD, tooLargeMessage } from "./words";

/**
 * The upload form of My School's "Import staff list". A file over the limit is refused here as soon as it is
 * chosen, and never sent (the request would be refused before it reached the import); the server checks again.
 */
export function StaffListForm({ organisationId, maxBytes, describedBy }: { organisationId: string; maxBytes: number; describedBy: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(uploadStaffListAction, {});
  const [tooLarge, setTooLarge] = useState(false);
  const errors = tooLarge ? [tooLargeMessage(maxBytes)] : state.errors?.[STAFF_LIST_FIELD];
  const errorId = `${STAFF_LIST_FIELD}-error`;
  return (
    <>
      <form action={action} noValidate className="mt-4 space-y-3" onSubmit={(event) => tooLarge && event.preventDefault()}>
        <input type="hidden" name="organisationId" value={organisationId} />
        <div className="space-y-1">
          <label htmlFor={STAFF_LIST_FIELD} className="block text-sm font-medium text-slate-800">
            Staff list (CSV)
          </label>
          <input
            id={STAFF_LIST_FIELD}
            name={STAFF_LIST_FIELD}
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={`${describedBy} ${errorId}`}
            onChange={(event) => setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > maxBytes)}
            className="block w-full max-w-full rounded-md border border-slate-400 bg-white text-base text-slate-900 file:mr-3 file:min-h-10 file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium aria-[invalid=true]:border-red-700"
          />
          <p id={errorId} aria-live="polite" className="text-sm break-words text-red-700" data-testid="staff-list-error">
            {errors?.join(" ")}
          </p>
        </div>
        <SubmitButton pending={pending} label="Upload and preview" pendingLabel="Reading the file…" />
      </form>
      <StatusMessage state={state} testId="staff-import-message" />
    </>
  );
}
