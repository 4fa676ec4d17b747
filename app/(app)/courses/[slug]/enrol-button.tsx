"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { enrolAction } from "./actions";

export function EnrolButton({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(enrolAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="slug" value={slug} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Starting…" : "Start"}
      </button>
      <p className="mt-2 text-sm text-slate-600">Starting enrols you on the course and opens its first lesson.</p>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-red-700" data-testid="form-message">
        {state.message}
      </p>
    </form>
  );
}
