"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { FocusedMessage } from "@/components/focused-message";
import type { FormState } from "@/lib/form-state";
import { removeRequirementAction } from "./actions";

export type RequirementItem = {
  id: string;
  courseId: string;
  title: string;
  slug: string;
  /** "Due by 31 Mar 2027 · Renewed every year" */
  rule: string;
  /** The trust that requires it, for a school; null when it is the organisation's own. */
  requiredBy: string | null;
  /** Whether the viewer may change and remove it (their organisation's own, and they manage requirements). */
  manageable: boolean;
};

/**
 * The organisation's required courses, as cards (they read the same at 390 px and on a desk). One removal
 * state for the whole list: the removed card goes away with the next render, and its confirmation must not go
 * with it.
 */
export function RequirementList({ organisationId, items }: { organisationId: string; items: RequirementItem[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(removeRequirementAction, {});
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <>
      <div className="mt-3">
        <FocusedMessage state={state} />
      </div>
      {items.length === 0 ? (
        <p className="mt-3 text-slate-700" data-testid="no-requirements">No course is required yet.</p>
      ) : (
        <ul className="mt-3 space-y-3" data-testid="requirements">
          {items.map((item) => (
            <li key={item.id} className="rounded-md border border-slate-200 p-4" data-testid="requirement">
              <h3 className="font-semibold break-words">
                <Link href={`/courses/${item.slug}`} className="inline-block py-0.5 text-brand-800 underline underline-offset-4">{item.title}</Link>
              </h3>
              {item.requiredBy ? (
                <p className="mt-1 inline-block rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800">Required by {item.requiredBy}</p>
              ) : null}
              <p className="mt-1 text-sm text-slate-700">{item.rule}</p>
              {item.manageable ? (
                <div className="mt-3 flex flex-wrap items-center gap-3">
                  <Link
                    href={`/workplace/required-training?course=${item.courseId}#require-course`}
                    aria-label={`Change ${item.title}`}
                    className="inline-flex min-h-10 items-center rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
                  >
                    Change
                  </Link>
                  <form action={action} onSubmit={() => setRemoving(item.id)}>
                    <input type="hidden" name="organisationId" value={organisationId} />
                    <input type="hidden" name="requirementId" value={item.id} />
                    <button
                      type="submit"
                      disabled={pending}
                      className="min-h-10 rounded-md border border-red-700 bg-white px-4 py-2 text-left font-medium text-red-800 hover:bg-red-50 disabled:opacity-70"
                    >
                      {pending && removing === item.id ? "Removing…" : `Remove ${item.title}`}
                    </button>
                  </form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
