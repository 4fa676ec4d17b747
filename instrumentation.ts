import type { Instrumentation } from "next";

// Requests already logged: a page whose layout and parts fail together reports each error separately, and
// a person sees one failure, so the log says it once. Keyed on the request's headers object, which the
// reports of one request share; a WeakSet forgets it with the request.
const logged = new WeakSet<object>();

/**
 * One structured line per failed request (a page, a route handler, a server action that threw past its
 * boundary), with the route and Next's digest (the reference the error page shows). The query string is
 * left out (it may hold what a person searched for), and so is an invitation link's token: whoever reads
 * the log must not be able to use it.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (typeof request.headers === "object" && request.headers) {
    if (logged.has(request.headers)) return;
    logged.add(request.headers);
  }
  const { logError } = await import("./lib/log");
  const digest = (error as { digest?: unknown }).digest;
  logError("request.failed", error, {
    method: request.method,
    path: request.path.split("?")[0]?.replace(/^\/invite\/[^/]+/, "/invite/[token]"),
    route: context.routePath,
    routeType: context.routeType,
    digest: typeof digest === "string" ? digest : undefined,
  });
};

/**
 * Next also prints every such error itself, with its stack and everything the error carries (a Prisma error
 * holds the driver's error and its cause: about 20 lines each). An error with a digest is exactly one that
 * onRequestError above has seen, so that print is left out; everything else Next prints is kept. In
 * development the full print stays: there the stack is what a developer wants.
 */
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.some((arg) => arg instanceof Error && typeof (arg as { digest?: unknown }).digest === "string")) return;
    print(...args);
  };
}
