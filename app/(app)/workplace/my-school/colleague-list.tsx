"use client";

import { useActionState, useId, useState } from "react";
import type { FormState } from "@/lib/form-state";
import { filterColleagues, SEARCH_THRESHOLD } from "@/lib/colleague-filter";
import type { Role } from "@/lib/generated/prisma/enums";
import { removeColleagueAction } from "./actions";
import { ColleagueRow } from "./colleague-row";
import { StatusMessage } from "./status-message";

export type ColleagueView = { membershipId: string; userId: string; name: string; email: string; role: Role };

export type AdministratorReach = { name: string; isTrust: boolean };

export function ColleagueList({ colleagues, viewerId, organisationId, reach, canManage }: {
  colleagues: ColleagueView[];
  viewerId: string;
  organisationId: string;
  reach: AdministratorReach;
  canManage: boolean;
}) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  // Removal's message lives here, not in the row: the row is gone once it succeeds.
  const [removeState, removeAction, removing] = useActionState<FormState, FormData>(removeColleagueAction, {});
  const shown = filterColleagues(colleagues, query);
  const searchable = colleagues.length > SEARCH_THRESHOLD;

  return (
    <div className="mt-4 space-y-3">
      {searchable ? (
        <div className="space-y-1">
          <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">Search colleagues</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Name or email"
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
          />
          <p className="text-sm text-slate-600" aria-live="polite">
            {query.trim() ? `Showing ${shown.length} of ${colleagues.length} colleagues` : `${colleagues.length} colleagues`}
          </p>
        </div>
      ) : null}
      <StatusMessage state={removeState} testId="colleagues-message" />
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="colleagues">
        {shown.map((colleague) => (
          <ColleagueRow
            key={colleague.membershipId}
            colleague={colleague}
            isViewer={colleague.userId === viewerId}
            organisationId={organisationId}
            reach={reach}
            canManage={canManage}
            removeAction={removeAction}
            removing={removing}
          />
        ))}
      </ul>
      {shown.length === 0 ? <p className="text-slate-700">No colleague matches “{query}”.</p> : null}
    </div>
  );
}
