import Link from "next/link";
import type { ProgressScope } from "@/lib/access";

type Props = { scopes: ProgressScope[]; selected: string };

/**
 * `View course progress for:` — filled from lib/access.ts: schools that chose one of the viewer's trusts
 * (under each trust's name when there is more than one), then organisations the viewer administers,
 * then the viewer's own progress. A plain GET form, so it works before JavaScript loads and choosing an
 * option never moves the page by itself.
 */
export function ProgressSelector({ scopes, selected }: Props) {
  const trustSchools = scopes.filter((s) => s.kind === "trust-school");
  const ownOrganisations = scopes.filter((s) => s.kind === "own-organisation");
  const trusts = [...new Map(trustSchools.map((s) => [s.trustId, s.trustName])).entries()];
  const grouped = trusts.length > 1;
  const hasSchool = trustSchools.length + ownOrganisations.length > 0;

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
          {grouped
            ? trusts.map(([trustId, trustName]) => (
                <optgroup key={trustId} label={trustName}>
                  {trustSchools.filter((s) => s.trustId === trustId).map((s) => (
                    <option key={s.schoolId} value={s.schoolId}>{s.schoolName}</option>
                  ))}
                </optgroup>
              ))
            : trustSchools.map((s) => (
                <option key={s.schoolId} value={s.schoolId}>{s.schoolName}</option>
              ))}
          {ownOrganisations.map((s) => (
            <option key={s.schoolId} value={s.schoolId}>{s.schoolName}</option>
          ))}
          <option value="self">My own progress</option>
        </select>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Show
        </button>
      </div>
      {hasSchool ? null : (
        <p className="mt-3 text-sm text-slate-700" data-testid="no-school-shared">
          No school shares its course progress with you yet. The{" "}
          <Link href="/workplace/trust-access" className="font-medium text-brand-700 underline underline-offset-4">
            Trust access checklist
          </Link>{" "}
          explains what a school and its trust need to have in place.
        </p>
      )}
    </form>
  );
}
