import { NextResponse, type NextRequest } from "next/server";

// The proxy only saves a round trip: a visitor with no session cookie is sent to /sign-in with the
// page to come back to. It is never the check; every page and action verifies the session itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", path);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything except sign-in, Auth.js's own routes, invitation links and static files.
  matcher: ["/((?!sign-in|api/auth|invite|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
