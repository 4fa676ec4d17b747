import "server-only";

// The words of app/not-found.tsx, for route handlers, which cannot render it: an export refused for a
// school reads exactly like the page refused for it.
export const NOT_FOUND_TITLE = "Page not found";
export const NOT_FOUND_MESSAGE = "This page does not exist, or you do not have access to it. If someone sent you this link, ask them to check it.";

export function notFoundHtml(): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${NOT_FOUND_TITLE} · Schoot trust progress</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a;margin:0}main{max-width:36rem;margin:0 auto;padding:4rem 1rem}h1{font-size:1.5rem;font-weight:600;margin:0}p{color:#334155;line-height:1.5}a{color:#3730a3;font-weight:500}</style>
</head>
<body><main><h1>${NOT_FOUND_TITLE}</h1><p>${NOT_FOUND_MESSAGE}</p><p><a href="/workplace/my-school">Go to My School</a></p></main></body>
</html>`;
}

/** The 404 a route handler answers for something the viewer may not see or that does not exist. */
export function notFoundResponse(): Response {
  return new Response(notFoundHtml(), { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" } });
}
