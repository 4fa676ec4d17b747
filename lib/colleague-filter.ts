// Pure, so the My colleagues search runs in the browser and is unit-tested here.

/** A list longer than this gets a search box. */
export const SEARCH_THRESHOLD = 8;

function normalise(text: string) {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** The colleagues whose name or email contains every word typed, in any order, ignoring case and accents. */
export function filterColleagues<T extends { name: string; email: string }>(colleagues: T[], query: string): T[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return colleagues;
  return colleagues.filter((colleague) => {
    const haystack = normalise(`${colleague.name} ${colleague.email}`);
    return words.every((word) => haystack.includes(word));
  });
}
