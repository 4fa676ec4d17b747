import Link from "next/link";
import type { ProgressScope } from "@/lib/access";
import { groupProgressScopes, type SelectorGroup } from "@/lib/progress-scopes";

type Props = { scopes: ProgressScope[]; selected: string };

/**
 * `View course progress for:`, filled from lib/access.ts (laid out by lib/progress-scopes.ts). A plain GET
 * form, so it works before JavaScript loads and choosing an option never moves the page by itself.
 */
export function ProgressSelector({ scopes, selected }: Props) {
  const { groups, sharedWithTrust } = groupProgressScopes(scopes);
  const options = (group: SelectorGroup) => group.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <form action="/courses/progress" method="get" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <label htmlFor="progress-for" className="block font-medium text-slate-900">
        View course progress for:
      </label>
      <div className="mt-2 flex flex-wrap gap-2">
        <select
          id="progress-for"
          name="school"
          defaultValue={selected}
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:max-w-md"
        >
          {groups.map((group, i) => (group.label ? <optgroup key={i} label={group.label}>{options(group)}</optgroup> : options(group)))}
        </select>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Show
        </button>
      </div>
      {sharedWithTrust ? null : (
        <p className="mt-3 text-sm text-slate-700" data-testid="no-school-shared">
          No school has shared its course progress with a trust you administer. The{" "}
          <Link href="/workplace/trust-access" className="font-medium text-brand-700 underline underline-offset-4">
            Trust access checklist
          </Link>{" "}
          explains what a school and its trust need to have in place.
        </p>
      )}
    </form>
  );
}
