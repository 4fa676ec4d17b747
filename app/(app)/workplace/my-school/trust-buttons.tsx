"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { chooseTrustAction, removeTrustAction } from "./trust-actions";

const primary = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-70";
const danger = "rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-70";

function Message({ state }: { state: FormState }) {
  const detail = Object.values(state.errors ?? {}).flat()[0];
  return (
    <p aria-live="polite" className="text-sm text-red-700">
      {detail ?? state.message ?? ""}
    </p>
  );
}

/** Submits one confirmed trust choice: only the confirmation step renders it (the action refuses any other). */
export function ChooseTrustButton({ schoolId, trustId, label }: { schoolId: string; trustId: string; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(chooseTrustAction, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="schoolId" value={schoolId} />
      <input type="hidden" name="trustId" value={trustId} />
      <input type="hidden" name="confirmedTrustId" value={trustId} />
      <button type="submit" disabled={pending} className={primary}>
        {pending ? "Saving…" : label}
      </button>
      <Message state={state} />
    </form>
  );
}

export function RemoveTrustButton({ schoolId, label }: { schoolId: string; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(removeTrustAction, {});
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="schoolId" value={schoolId} />
      <button type="submit" disabled={pending} className={danger}>
        {pending ? "Removing…" : label}
      </button>
      <Message state={state} />
    </form>
  );
}
