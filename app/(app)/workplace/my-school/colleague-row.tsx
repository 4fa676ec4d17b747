"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { roleLabels } from "@/lib/labels";
import { can, toggledRole } from "@/lib/permissions";
import { changeRoleAction } from "./actions";
import type { AdministratorReach, ColleagueView } from "./colleague-list";
import { StatusMessage } from "./status-message";

const button = "inline-flex min-h-9 items-center rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60";
// A <details> confirmation works before (and without) JavaScript; open, it takes the row's whole width.
const disclosure = "open:basis-full";
const summary = `${button} cursor-pointer list-none [&::-webkit-details-marker]:hidden`;

/** What every Administrator of the organisation can do and see, in words that stay true for a school and a trust. */
function AdministratorPowers({ reach }: { reach: AdministratorReach }) {
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5">
      <li>manage {reach.name}&apos;s colleagues: change roles, remove people and invite new ones;</li>
      <li>{reach.isTrust ? "change its settings;" : "change its settings, including its Multi Academy Trust;"}</li>
      <li>see the course progress of all its staff{reach.isTrust ? ";" : "."}</li>
      {reach.isTrust ? (
        <li>see the course progress of every school that has chosen {reach.name} as its Multi Academy Trust, while {reach.name} is designated Academies.</li>
      ) : null}
    </ul>
  );
}

export function ColleagueRow({ colleague, isViewer, organisationId, reach, canManage, removeAction, removing }: {
  colleague: ColleagueView;
  isViewer: boolean;
  organisationId: string;
  reach: AdministratorReach;
  canManage: boolean;
  removeAction: (formData: FormData) => void;
  removing: boolean;
}) {
  // Kept in the row (which stays mounted when the viewer loses the controls), so the answer stays visible.
  const [state, action, pending] = useActionState<FormState, FormData>(changeRoleAction, {});
  const nextRole = toggledRole(colleague.role);
  const who = isViewer ? "yourself" : colleague.name;
  // Promoting anyone, or stepping down yourself, changes who sees the staff's training: confirm first.
  const needsConfirmation = can(nextRole, "progress.view") || isViewer;
  const shown: FormState = state.errors?.confirm ? { message: state.errors.confirm[0] } : state;

  const hiddenFields = (
    <>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="membershipId" value={colleague.membershipId} />
      <input type="hidden" name="role" value={nextRole} />
    </>
  );

  let roleControl: React.ReactNode = null;
  if (canManage && !needsConfirmation) {
    roleControl = (
      <form action={action}>
        {hiddenFields}
        <button type="submit" disabled={pending} className={button}>
          Make {roleLabels[nextRole]}<span className="sr-only"> ({who})</span>
        </button>
      </form>
    );
  } else if (canManage) {
    roleControl = (
      <details className={disclosure}>
        <summary className={summary}>
          Make {roleLabels[nextRole]}<span className="sr-only"> ({who})</span>…
        </summary>
        <form action={action} className="mt-2 space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
          {hiddenFields}
          <input type="hidden" name="confirm" value="yes" />
          {can(nextRole, "progress.view") ? (
            <div>
              <p className="font-medium">Make {colleague.name} an Administrator of {reach.name}?</p>
              <p className="mt-1">They will be able to:</p>
              <AdministratorPowers reach={reach} />
            </div>
          ) : (
            <div>
              <p className="font-medium">Make yourself a Member of {reach.name}?</p>
              <p className="mt-1">You will no longer be able to:</p>
              <AdministratorPowers reach={reach} />
              <p className="mt-1">Invitation links you sent stop working. Only an Administrator can make you an Administrator again.</p>
            </div>
          )}
          <button type="submit" disabled={pending} className="min-h-9 rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
            {can(nextRole, "progress.view") ? `Yes, make ${colleague.name} an Administrator` : "Yes, make me a Member"}
          </button>
        </form>
      </details>
    );
  }

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
        <span
          data-testid="role"
          className={can(colleague.role, "colleagues.manage") ? "rounded-full bg-brand-700 px-2.5 py-0.5 text-sm font-medium text-white" : "rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-800"}
        >
          {roleLabels[colleague.role]}
        </span>
      </div>
      {canManage ? (
        <div className="flex flex-wrap items-start gap-2">
          {roleControl}
          {!isViewer ? (
            <details className={`text-sm ${disclosure}`}>
              <summary className="inline-flex min-h-9 cursor-pointer list-none items-center rounded px-2 text-red-800 underline underline-offset-4 [&::-webkit-details-marker]:hidden">
                Remove<span className="sr-only"> {colleague.name}</span>…
              </summary>
              <form action={removeAction} className="mt-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
                <input type="hidden" name="organisationId" value={organisationId} />
                <input type="hidden" name="membershipId" value={colleague.membershipId} />
                <p className="text-slate-800">
                  {colleague.name} will no longer be a member. Their account and course history stay, and you can invite them again.
                </p>
                <button type="submit" disabled={removing} className="min-h-9 rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-60">
                  Remove {colleague.name}
                </button>
              </form>
            </details>
          ) : null}
        </div>
      ) : null}
      <StatusMessage state={shown} testId="colleague-message" />
    </li>
  );
}
