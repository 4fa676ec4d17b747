// The most a server action's body may hold, written out because proxy.ts answers a larger Content-Length
// with 413 before Next would (Next's own refusal is a 500). 3 MB (as the `bytes` package counts), not Next's
// default 1 MB: a staff list may be 2 MB (lib/staff-import MAX_BYTES), and the form adds its other fields
// and the multipart framing; a file between 2 and 3 MB then reaches the import, which says what is wrong with
// it beside the file field, rather than the proxy's plain-text refusal. Every other field is still held to
// 20,000 characters by lib/action.ts.
export const SERVER_ACTIONS_BODY_LIMIT_BYTES = 3 * 1024 * 1024;
// Next's limit is one for every action; proxy.ts holds every page but My School (where the staff list is
// uploaded) to Next's default of 1 MB, so a large body costs the server nothing elsewhere.
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;
export const LARGE_BODY_PATHS = ["/workplace/my-school"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before its end-to-end build, which would only do it
  // again (18 s in CI): that build alone skips it. Every other build (a deploy's, the benchmarks') checks types.
  typescript: { ignoreBuildErrors: process.env.SCHOOT_TYPES_CHECKED === "1" },
  // PDFKit reads its own data files at run time, so it runs from node_modules rather than from a bundle.
  serverExternalPackages: ["pdfkit"],
  // The PDFs' fonts (lib/pdf/document.ts reads them by path) go with the server functions that draw one (the
  // keys are matched against each route's path, route groups left out), and no others.
  outputFileTracingIncludes: {
    "/certificates/**": ["./lib/pdf/fonts/*.ttf"],
    "/courses/**/evidence-pack": ["./lib/pdf/fonts/*.ttf"],
  },
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTIONS_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          // The Content-Security-Policy is set per request in proxy.ts: its script-src carries a fresh nonce.
        ],
      },
    ];
  },
};

export default nextConfig;
