// How the `View course progress for:` selector lays out lib/access.ts's scopes (pure, for the component
// and its unit test): schools granted to the viewer's trusts first, under each trust's name only when
// there is more than one trust, each trust's schools led by "All schools in <trust>" (its Trust overview);
// then the organisations the viewer administers; then "My own progress".
import type { ProgressScope } from "./access";

export type SelectorOption = { value: string; label: string };
export type SelectorGroup = { label: string | null; options: SelectorOption[] };

const TRUST_PREFIX = "trust:";

/** The selector's value for a trust's overview, told apart from a school id by its prefix. */
export function trustOverviewValue(trustId: string): string {
  return `${TRUST_PREFIX}${trustId}`;
}

/** Where a selector value leads: a trust's overview, a school's progress, or My Courses. */
export function progressPathFor(value: string | undefined, isUuid: (id: string) => boolean): string {
  if (value?.startsWith(TRUST_PREFIX) && isUuid(value.slice(TRUST_PREFIX.length))) return `/courses/overview/${value.slice(TRUST_PREFIX.length)}`;
  return value && isUuid(value) ? `/courses/progress/${value}` : "/courses/my-courses";
}

/**
 * `sharedWithTrust` is false when no school has chosen a trust the viewer administers: then the selector
 * points to the Trust access checklist, even if it lists the viewer's own organisation (a MAT lead whose
 * trust is not designated Academies sees their trust there, and no school).
 */
export function groupProgressScopes(scopes: ProgressScope[]): { groups: SelectorGroup[]; sharedWithTrust: boolean } {
  const trustGroups = new Map<string, SelectorGroup>();
  const own: SelectorOption[] = [];
  for (const scope of scopes) {
    if (scope.kind === "trust-school") {
      const group = trustGroups.get(scope.trustId) ?? { label: scope.trustName, options: [{ value: trustOverviewValue(scope.trustId), label: `All schools in ${scope.trustName}` }] };
      group.options.push({ value: scope.schoolId, label: scope.schoolName });
      trustGroups.set(scope.trustId, group);
    } else if (scope.kind === "own-organisation") {
      own.push({ value: scope.schoolId, label: scope.schoolName });
    }
  }
  const trusts = [...trustGroups.values()];
  const grouped = trusts.length > 1;
  const groups: SelectorGroup[] = [
    ...(grouped ? trusts : [{ label: null, options: trusts.flatMap((t) => t.options) }]),
    { label: null, options: own },
    { label: null, options: [{ value: "self", label: "My own progress" }] },
  ].filter((group) => group.options.length > 0);
  return { groups, sharedWithTrust: trusts.length > 0 };
}
