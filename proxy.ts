import { NextResponse, type NextRequest } from "next/server";
import { SERVER_ACTIONS_BODY_LIMIT_BYTES } from "./next.config.js";

/*
 * Three jobs, none of them the access check (every page and action verifies the session itself):
 * 1. A Content-Security-Policy with a fresh nonce on every page, which Next reads from the request header
 *    and puts on its own scripts; with 'strict-dynamic' no other script runs.
 * 2. Refuse, plainly, the POSTs that Next would answer with a 500: a foreign Origin, a body over the limit.
 * 3. Save a round trip: a visitor with no session cookie goes to /sign-in with the page to come back to.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// Pages a visitor without a session may open (the same paths the redirect skipped before the CSP came here).
const OPEN_TO_VISITORS = /^\/(?:sign-in|invite)/;

export function proxy(request: NextRequest) {
  if (request.method === "POST") {
    const refusal = refusePost(request);
    if (refusal) return refusal;
  }

  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (!OPEN_TO_VISITORS.test(request.nextUrl.pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(url);
  }

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, isHttps(request));
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
function contentSecurityPolicy(nonce: string, https: boolean): string {
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
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only where the site is served over https: on http (the e2e run on 127.0.0.1) it would break every asset.
    ...(https && process.env.NODE_ENV === "production" ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

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
  if (origin !== null) {
    const host = originHost(origin);
    if (!host || host !== siteHost(request)) return plainText(403, "Forbidden: this form was sent from another site.");
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > SERVER_ACTIONS_BODY_LIMIT_BYTES) {
    return plainText(413, `Too large: a form can send at most ${SERVER_ACTIONS_BODY_LIMIT_BYTES / 1024 / 1024} MB.`);
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
