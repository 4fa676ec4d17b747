"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { completeLessonAction } from "./actions";

export function CompleteButton({ slug, position }: { slug: string; position: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(completeLessonAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="position" value={position} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? "Saving…" : "Mark as complete"}
      </button>
      {state.message && !state.ok ? (
        <p className="mt-2 text-sm text-red-700" data-testid="form-message">{state.message}</p>
      ) : null}
    </form>
  );
}
