"use client";

import { useActionState } from "react";
import type { FormState } from "@/components/form-state";
import { roleLabels } from "@/lib/labels";
import { changeRoleAction } from "./actions";
import type { ColleagueView } from "./colleague-list";
import { StatusMessage } from "./status-message";

const button = "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";

export function ColleagueRow({ colleague, isViewer, organisationId, canManage, removeAction, removing }: {
  colleague: ColleagueView;
  isViewer: boolean;
  organisationId: string;
  canManage: boolean;
  removeAction: (formData: FormData) => void;
  removing: boolean;
}) {
  // Kept in the row (which stays mounted when the viewer loses the controls), so the answer stays visible.
  const [state, action, pending] = useActionState<FormState, FormData>(changeRoleAction, {});
  const nextRole = colleague.role === "ADMINISTRATOR" ? "MEMBER" : "ADMINISTRATOR";
  const who = isViewer ? "yourself" : colleague.name;

  return (
    <li className="space-y-2 p-3" data-testid="colleague">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            {colleague.name}
            {isViewer ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">You</span> : null}
          </p>
          <p className="text-sm break-all text-slate-600">{colleague.email}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <span
            data-testid="role"
            className={colleague.role === "ADMINISTRATOR" ? "rounded-full bg-brand-700 px-2.5 py-0.5 text-sm font-medium text-white" : "rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-800"}
          >
            {roleLabels[colleague.role]}
          </span>
          {canManage ? (
            <form action={action}>
              <input type="hidden" name="organisationId" value={organisationId} />
              <input type="hidden" name="membershipId" value={colleague.membershipId} />
              <input type="hidden" name="role" value={nextRole} />
              <button type="submit" disabled={pending} className={button}>
                Make {roleLabels[nextRole]}<span className="sr-only"> ({who})</span>
              </button>
            </form>
          ) : null}
        </div>
      </div>
      {canManage && !isViewer ? (
        <details className="text-sm">
          <summary className="inline-block cursor-pointer rounded px-1 text-red-800 underline underline-offset-4">
            Remove<span className="sr-only"> {colleague.name}</span>…
          </summary>
          <form action={removeAction} className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
            <input type="hidden" name="organisationId" value={organisationId} />
            <input type="hidden" name="membershipId" value={colleague.membershipId} />
            <p className="text-slate-800">
              {colleague.name} will no longer be a member. Their account and course history stay, and you can invite them again.
            </p>
            <button type="submit" disabled={removing} className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60">
              Remove {colleague.name}
            </button>
          </form>
        </details>
      ) : null}
      <StatusMessage state={state} testId="colleague-message" />
    </li>
  );
}
