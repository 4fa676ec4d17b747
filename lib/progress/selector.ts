// How the `View course progress for:` selector lays out lib/access.ts's scopes (pure, for the component
// and its unit test): the schools granted to the viewer's trusts first, one group per trust named after it,
// each led by "All schools in <trust>" (its Trust overview); then the organisations the viewer administers
// (a trust's own staff named as its central team); then "My own progress".
// Structural, so the unit test can lay out scopes it writes by hand; the page passes lib/access.ts's own.
export type SelectorScope =
  | { kind: "trust-school"; schoolId: string; schoolName: string; trustId: string; trustName: string }
  | { kind: "own-organisation"; schoolId: string; schoolName: string; organisationKind: "SCHOOL" | "TRUST" }
  | { kind: "self" };

export type SelectorOption = { value: string; label: string };
export type SelectorGroup = { label: string | null; options: SelectorOption[] };

const TRUST_PREFIX = "trust:";

/** The selector's value for a trust's overview, told apart from a school id by its prefix. */
export function trustOverviewValue(trustId: string): string {
  return `${TRUST_PREFIX}${trustId}`;
}

/** The trust id of a trust-overview value, or null for any other value. */
export function trustIdOf(value: string): string | null {
  return value.startsWith(TRUST_PREFIX) ? value.slice(TRUST_PREFIX.length) : null;
}

/** Where a selector value leads: a trust's overview, a school's progress, or My Courses. */
export function progressPathFor(value: string | undefined, isUuid: (id: string) => boolean): string {
  const trustId = value ? trustIdOf(value) : null;
  if (trustId !== null) return isUuid(trustId) ? `/courses/overview/${trustId}` : "/courses/my-courses";
  return value && isUuid(value) ? `/courses/progress/${value}` : "/courses/my-courses";
}

/** The selector's value for a path it leads to (the inverse of progressPathFor), or null for any other path. */
export function progressValueFor(path: string): string | null {
  const match = /^\/courses\/(overview|progress)\/([0-9a-f-]{36})$/.exec(path);
  if (!match) return null;
  return match[1] === "overview" ? trustOverviewValue(match[2]!) : match[2]!;
}

/**
 * `seesOthers` is false when the viewer may see nobody's progress but their own (most staff): the page then
 * shows no selector at all.
 */
export function groupProgressScopes(scopes: readonly SelectorScope[]): { groups: SelectorGroup[]; seesOthers: boolean } {
  const trustGroups = new Map<string, SelectorGroup>();
  const own: SelectorOption[] = [];
  for (const scope of scopes) {
    if (scope.kind === "trust-school") {
      const group = trustGroups.get(scope.trustId) ?? { label: scope.trustName, options: [{ value: trustOverviewValue(scope.trustId), label: `All schools in ${scope.trustName}` }] };
      group.options.push({ value: scope.schoolId, label: scope.schoolName });
      trustGroups.set(scope.trustId, group);
    } else if (scope.kind === "own-organisation") {
      own.push({ value: scope.schoolId, label: scope.organisationKind === "TRUST" ? `${scope.schoolName} central team` : scope.schoolName });
    }
  }
  const groups: SelectorGroup[] = [
    ...trustGroups.values(),
    { label: trustGroups.size ? "Where you are an Administrator" : null, options: own },
    { label: null, options: [{ value: "self", label: "My own progress" }] },
  ].filter((group) => group.options.length > 0);
  return { groups, seesOthers: trustGroups.size + own.length > 0 };
}
