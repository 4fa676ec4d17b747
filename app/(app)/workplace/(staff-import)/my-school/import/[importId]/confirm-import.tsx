"use client";

import { useActionState, type ReactNode } from "react";
import { FocusedMessage } from "@/components/focused-message";
import { SubmitButton } from "@/components/submit-button";
import type { FormState } from "@/lib/form-state";
import { confirmStaffImportAction } from "../actions";

type Props = {
  organisationId: string;
  importId: string;
  fingerprint: string;
  /** Leavers the import may remove (not you, not the last Administrator). */
  removable: number;
  /** Rows with problems. */
  problems: number;
  /** The preview's counts, rendered on the server. */
  head: ReactNode;
  uploadAnother: ReactNode;
  /** The preview's groups, rendered on the server. */
  children: ReactNode;
};

/**
 * The preview with its confirmation: a refusal (the staff changed since the preview…) is said at the top, above
 * the preview as the server works it out again; the ticks and "Confirm import" come after the groups, and the
 * problem rows not skipped are said next to their tick. The server decides all of it (lib/staff-import): the
 * ticks only say what the person chose.
 */
export function ConfirmImport({ organisationId, importId, fingerprint, removable, problems, head, uploadAnother, children }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(confirmStaffImportAction, {});
  const ticked = (name: string) => state.values?.[name] === "on";
  const skipError = state.errors?.skipProblems;
  return (
    <>
      <FocusedMessage state={state} />
      {head}
      {children}
      <section aria-labelledby="confirm-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h3 id="confirm-heading" className="text-lg font-semibold">Confirm</h3>
        {/* Keyed on what came back, so the ticks show what was sent (a form's defaults apply when it mounts). */}
        <form key={JSON.stringify(state.values ?? null)} action={action} noValidate className="mt-3 space-y-4">
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="importId" value={importId} />
          <input type="hidden" name="fingerprint" value={fingerprint} />
          {removable > 0 ? (
            <label className="flex items-start gap-3 text-slate-800">
              <input type="checkbox" name="removeLeavers" defaultChecked={ticked("removeLeavers")} className="mt-0.5 size-6 shrink-0 accent-brand-700" />
              <span>Remove the {removable === 1 ? "1 person" : `${removable.toLocaleString("en-GB")} people`} no longer on the list</span>
            </label>
          ) : null}
          {problems > 0 ? (
            <div>
              <label className="flex items-start gap-3 text-slate-800">
                <input
                  type="checkbox"
                  name="skipProblems"
                  defaultChecked={ticked("skipProblems")}
                  aria-invalid={skipError?.length ? true : undefined}
                  aria-describedby="skipProblems-error"
                  className="mt-0.5 size-6 shrink-0 accent-brand-700"
                />
                <span>Skip the {problems === 1 ? "1 row" : `${problems.toLocaleString("en-GB")} rows`} with problems</span>
              </label>
              <p id="skipProblems-error" aria-live="polite" className="text-sm text-red-700">
                {skipError?.join(" ")}
              </p>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
            <SubmitButton pending={pending} label="Confirm import" pendingLabel="Importing…" />
            {uploadAnother}
          </div>
        </form>
      </section>
    </>
  );
}
