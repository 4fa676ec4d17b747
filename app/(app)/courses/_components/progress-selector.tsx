import type { ProgressScope } from "@/lib/access";
import { groupProgressScopes, type SelectorGroup } from "@/lib/progress/selector";
import { ChoiceSelect } from "./choice-select";

type Props = { scopes: ProgressScope[]; selected: string };

/**
 * `View course progress for:`, filled from lib/access.ts (laid out by lib/progress/selector.ts), for people who
 * may see someone else's progress; nothing for everyone else. A plain GET form: with JavaScript a choice opens
 * at once (the hint says so beforehand), without it the Show button does.
 */
export function ProgressSelector({ scopes, selected }: Props) {
  const { groups, seesOthers } = groupProgressScopes(scopes);
  if (!seesOthers) return null;
  const options = (group: SelectorGroup) => group.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <form action="/courses/progress" method="get" className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="progress-selector">
      <label htmlFor="progress-for" className="block font-medium text-slate-900">
        View course progress for:
      </label>
      <p id="progress-for-hint" className="text-sm text-slate-600">Your choice opens straight away.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <ChoiceSelect
          id="progress-for"
          name="school"
          defaultValue={selected}
          aria-describedby="progress-for-hint"
          className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:max-w-md"
        >
          {groups.map((group, i) => (group.label ? <optgroup key={i} label={group.label}>{options(group)}</optgroup> : options(group)))}
        </ChoiceSelect>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Show
        </button>
      </div>
    </form>
  );
}
