"use client";

import { useActionState, useEffect, useId } from "react";
import type { FormState } from "@/lib/form-state";
import { useCloseMenu } from "./menu-disclosure";

/**
 * For people in several organisations. An explicit button rather than switching on change: changing
 * a select must not change the page under the person's feet (WCAG 3.2.2).
 */
export function OrganisationSwitcher({ organisations, currentId, switchAction }: {
  organisations: { id: string; name: string }[];
  currentId: string;
  /** The server action, handed down by the app's layout (components never import app/). */
  switchAction: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(switchAction, {});
  const id = useId();
  const closeMenu = useCloseMenu();
  // In the phone menu: once switched, fold the menu away so the person sees the organisation's page.
  useEffect(() => {
    if (state.ok) closeMenu();
  }, [state, closeMenu]);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-xs font-medium text-slate-600">Organisation</label>
        <select key={currentId} id={id} name="organisationId" defaultValue={currentId} className="min-h-9 max-w-64 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
          {organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>{organisation.name}</option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending} className="min-h-9 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
        Switch
      </button>
      {state.message && !state.ok ? <p role="alert" className="w-full text-sm text-red-800">{state.message}</p> : null}
    </form>
  );
}
