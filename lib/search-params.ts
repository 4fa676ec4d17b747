// Every value a page or route reads from its URL (query or path) comes through here. A URL is typed by
// anyone, so a value is kept only when it is one well-formed string of printable text of a sane length;
// anything else (a repeated parameter, a NUL or other control character, a lone surrogate, a megabyte)
// reads as absent, and the caller falls back to its default or answers not found. This keeps such values
// away from PostgreSQL, which rejects a NUL in text with an error (a 500) rather than a miss.
// Pure, so the page, the route handlers and unit tests share it.

/** Longer than any value a link of this app writes (a keyset cursor is the longest, under 2,000). */
export const MAX_PARAM_LENGTH = 2_000;

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

// C0 controls (NUL included), DEL and the C1 controls: no link or form of this app sends them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether `value` is text this app would ever write into a URL. */
export function isCleanText(value: string, max = MAX_PARAM_LENGTH): boolean {
  return value.length <= max && value.isWellFormed() && !CONTROL.test(value);
}

/**
 * The one value of a query parameter, or undefined when it is missing, empty, repeated (an array) or not
 * clean text. A repeated parameter is dropped rather than its first value taken: no link sends two.
 */
export function readSearchParam(params: SearchParamsLike, name: string, max = MAX_PARAM_LENGTH): string | undefined {
  let value: string | string[] | null | undefined;
  if (params instanceof URLSearchParams) {
    const all = params.getAll(name);
    value = all.length > 1 ? all : all[0];
  } else {
    value = Object.hasOwn(params, name) ? params[name] : undefined;
  }
  if (typeof value !== "string" || value === "" || !isCleanText(value, max)) return undefined;
  return value;
}

/**
 * A path segment as Next.js decoded it ([slug], [schoolId]…), or undefined when it is not clean text;
 * the page answers undefined with notFound(), exactly as for an id that does not exist.
 */
export function readPathParam(value: string | undefined, max = 200): string | undefined {
  return typeof value === "string" && value !== "" && isCleanText(value, max) ? value : undefined;
}

/** Every named parameter read as above: for a page that hands a few values on to a component. */
export function readSearchParams<K extends string>(params: SearchParamsLike, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = readSearchParam(params, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
