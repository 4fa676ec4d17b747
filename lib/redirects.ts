// Where the app may send a browser after signing in, signing out or accepting an invitation: only a
// path on this site. No server imports, so the rule is unit-tested on its own.

const BASE = "http://schoot.invalid";

/**
 * `value` when it is a path on this site, otherwise `fallback`. Checked the way a browser resolves it
 * (`new URL(target, origin)`, then the origin compared), and checked again after normalising: the
 * normaliser turns "/.//evil.example", "/%2e//evil.example" or "/a/..//evil.example" into
 * "//evil.example", which a browser reads as another host. Control characters and "\\" are refused
 * outright, since browsers drop the one and read the other as "/".
 */
export function sameOriginPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (path.startsWith("//") || new URL(path, BASE).origin !== BASE) return fallback;
  return path;
}

/** The page to return to after signing in: a same-origin path, never the sign-in page itself. */
export function safeCallbackUrl(value: unknown): string {
  const path = sameOriginPath(value, "/"); // "/": app/page.tsx sends each person to their landing page
  return path === "/sign-in" || path.startsWith("/sign-in?") || path.startsWith("/sign-in/") || path.startsWith("/sign-in#") ? "/" : path;
}
