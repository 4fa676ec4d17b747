// A table of statuses (key, label, slug), read the three ways every such table is: a key's label, a key's
// slug, and the key a URL's slug names. The enrolment statuses (lib/progress/status.ts) and the required-
// training statuses (lib/requirements/status.ts) are each one table. Pure: client components read it too.

export type StatusTableEntry<K extends string> = { key: K; label: string; slug: string };

export function statusLookups<K extends string>(entries: readonly StatusTableEntry<K>[]) {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  return {
    label: (key: K): string => byKey.get(key)!.label,
    slug: (key: K): string => byKey.get(key)!.slug,
    /** The key a URL slug names, or undefined (a Map, so `?status=constructor` finds nothing). */
    ofSlug: (slug: string | undefined): K | undefined => (slug === undefined ? undefined : bySlug.get(slug)?.key),
  };
}
