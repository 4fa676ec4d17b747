import { NextResponse, type NextRequest } from "next/server";
import { FORM_BODY_LIMIT_BYTES, LARGE_BODY_PATHS, SERVER_ACTIONS_BODY_LIMIT_BYTES } from "./next.config.js";
import { providerOrigins } from "./lib/provider-env";

/*
 * Three jobs, none of them the access check (every page and action verifies the session itself):
 * 1. A Content-Security-Policy with a fresh nonce on every page, which Next reads from the request header
 *    and puts on its own scripts; with 'strict-dynamic' no other script runs.
 * 2. Refuse, plainly, the requests Next would answer with a 500 before any of the app's code runs: a path
 *    that cannot be percent-decoded (vercel/next.js#92557), and POSTs from a foreign Origin, over the body
 *    limit, or whose server-action body React's decodeReply cannot read.
 * 3. Save a round trip: a visitor with no session cookie goes to /sign-in with the page to come back to.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// Pages a visitor without a session may open (the same paths the redirect skipped before the CSP came here).
const OPEN_TO_VISITORS = /^\/(?:sign-in|verify|invite|confirm-email|forgot-password|reset-password|unsubscribe|api\/unsubscribe|api\/cron|dev\/mailbox)(?:\/|$)/;

export async function proxy(request: NextRequest) {
  if (undecodable(request.nextUrl.pathname)) return plainText(404, "Not found.");
  if (request.method === "POST") {
    const refusal = refusePost(request);
    if (refusal) return refusal;
    if (!(await readableAction(request))) return plainText(400, "This form could not be read. Reload the page and try again.");
  }

  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (!OPEN_TO_VISITORS.test(request.nextUrl.pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(url);
  }

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, isHttps(request), request.nextUrl.pathname === "/sign-in" ? providerOrigins() : []);
  const headers = new Headers(request.headers);
  headers.set("x-pathname", path);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/*
 * Scripts: only Next's own, by nonce. Styles: 'unsafe-inline', on purpose. React writes the progress bars'
 * widths and the matrix's shading as style attributes, which no nonce can cover; the route handlers' 404 page
 * and the layout's <noscript> style are plain <style> elements. Injected CSS cannot reach another origin
 * (images, fonts and connections are 'self' only), so a nonce on styles would add little.
 */
function contentSecurityPolicy(nonce: string, https: boolean, formTargets: string[] = []): string {
  const development = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only (Next's CSP guide).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formTargets].join(" "),
    "frame-ancestors 'none'",
    // Only where the site is served over https: on http (the e2e run on 127.0.0.1) it would break every asset.
    ...(https && process.env.NODE_ENV === "production" ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// Without JavaScript, "Sign in with Microsoft" is a form POST that the app answers with a redirect to the
// provider, and browsers hold a form's redirects to form-action as well: the sign-in page's policy names the
// configured providers' origins (lib/provider-env.ts, read per request like the app's own provider settings).

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/*
 * Every POST to a page is a possible server action (Next treats any form POST as one). Next refuses a foreign
 * Origin and an oversized body itself, but with a 500; answer both here with what they are.
 * A body sent chunked, without Content-Length, is not measured here: over the limit it still gets Next's 500.
 */
function refusePost(request: NextRequest): NextResponse | null {
  const origin = request.headers.get("origin");
  // Like Next's own check: no Origin is let through (not a browser, so no cookies it was not given).
  // The one-click unsubscribe URL (RFC 8058) is POSTed by mail clients, a webmail's page among them, from any
  // origin; its signed link is its only proof and it reads no cookie, so another site's Origin risks nothing there.
  if (origin !== null && request.nextUrl.pathname !== "/api/unsubscribe") {
    const host = originHost(origin);
    if (!host || host !== siteHost(request)) return plainText(403, "Forbidden: this form was sent from another site.");
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  const limit = LARGE_BODY_PATHS.includes(request.nextUrl.pathname) ? SERVER_ACTIONS_BODY_LIMIT_BYTES : FORM_BODY_LIMIT_BYTES;
  if (length > limit) {
    return plainText(413, `Too large: a form can send at most ${limit / 1024 / 1024} MB.`);
  }
  return null;
}

// "null" (a sandboxed page, a privacy redirect) and anything unparseable have no host, so never match.
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

// The host Next compares with: the first x-forwarded-host if a proxy in front set one, else Host.
function siteHost(request: NextRequest): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
}

function plainText(status: number, body: string): NextResponse {
  return new NextResponse(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

// What the app's forms encode, (previous state, FormData), holds no Flight reference but "$K<n>" (the form)
// and plain values; anything else ("$1", "$Q1", "$h1", "$B1"…) makes decodeReply throw or wait on a part
// that never comes.
const PLAIN_FLIGHT_STRING = /^\$(\$|K\d+$|undefined$|NaN$|-?Infinity$|-0$|D|n-?\d+$)/;

function plainFlight(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_FLIGHT_STRING.test(value);
  if (Array.isArray(value)) return value.every((item) => plainFlight(item, depth + 1));
  if (value && typeof value === "object") return Object.values(value).every((item) => plainFlight(item, depth + 1));
  return true;
}

function plainFlightText(text: unknown): boolean {
  if (typeof text !== "string") return false;
  try {
    return plainFlight(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * Whether a POST is one Next can decode: a fetch action's arguments, or a no-JavaScript form's fields. Read
 * from a clone, and only when its length is declared (and, by refusePost, within the limit): a chunked body
 * is left to Next rather than read whole here.
 */
async function readableAction(request: NextRequest): Promise<boolean> {
  if (!request.headers.get("content-length")) return true;
  const type = request.headers.get("content-type") ?? "";
  const fetchAction = request.headers.has("next-action");
  const form = type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  if (!form) return !fetchAction || plainFlightText(await request.clone().text());
  let data: FormData;
  try {
    data = await request.clone().formData();
  } catch {
    return false;
  }
  if (fetchAction) {
    // The root is field "0"; the form's own fields follow as "_<n>_<name>".
    return plainFlightText(data.get("0")) && [...data.keys()].every((key) => key === "0" || /^_\d+_/.test(key));
  }
  // A no-JavaScript form: "$ACTION_<n>:0" names the action, "$ACTION_<n>:<k>" are its bound arguments.
  for (const [key, value] of data) {
    const part = /^\$ACTION_\d+:(\d+)$/.exec(key);
    if (!part) continue;
    if (part[1] !== "0") {
      if (!plainFlightText(value)) return false;
      continue;
    }
    try {
      const reference = JSON.parse(String(value)) as { id?: unknown; bound?: unknown };
      if (typeof reference.id !== "string" || !(reference.bound === null || (typeof reference.bound === "string" && /^\$@\d+$/.test(reference.bound)))) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export const config = {
  matcher: [
    {
      // Every page and route handler, and POSTs to them. Not Auth.js's own routes (JSON and redirects, with
      // their own CSRF token), static files, or link prefetches (Next's CSP guide: they render no document).
      source: "/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
