import { unsubscribe } from "@/lib/email-settings";
import { logError } from "@/lib/log";
import { readUnsubscribe, unsubscribeQuery } from "@/lib/mail/unsubscribe";
import { notFoundResponse } from "@/lib/not-found-html";

/*
 * One-click unsubscribe (RFC 8058), the URL of a reminder's or a digest's List-Unsubscribe header.
 * - POST with the body "List-Unsubscribe=One-Click": the mail client's one click (no cookies, often no Origin),
 *   answered 200 in plain text; or the button of /unsubscribe (a browser, Accept: text/html), sent back to that page.
 * - GET: a person's click in a mail client without one-click, or a mail scanner following links. It changes
 *   nothing; it shows the page with the button.
 * The signed link is the only proof: no session is read. A link we did not make, or for a person who is gone,
 * is answered as a page that does not exist, and nothing changes.
 */
export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

function linkOf(request: Request) {
  const query = new URL(request.url).searchParams;
  return readUnsubscribe({ u: query.get("u"), l: query.get("l"), t: query.get("t") });
}

// A relative Location: the app's own host, whatever proxy is in front.
function toPage(query: string): Response {
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe?${query}`, ...noStore } });
}

function plainText(status: number, body: string): Response {
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore } });
}

async function isOneClick(request: Request): Promise<boolean> {
  try {
    return (await request.formData()).get("List-Unsubscribe") === "One-Click";
  } catch {
    return false; // not form data
  }
}

export async function GET(request: Request) {
  const link = linkOf(request);
  if (!link) return notFoundResponse();
  return toPage(unsubscribeQuery(link.userId, link.list));
}

export async function POST(request: Request) {
  const link = linkOf(request);
  if (!link) return notFoundResponse();
  if (!(await isOneClick(request))) return plainText(400, "Send the body List-Unsubscribe=One-Click (RFC 8058) to unsubscribe.");
  let found: boolean;
  try {
    found = await unsubscribe(link.userId, link.list);
  } catch (error) {
    logError("unsubscribe.failed", error, { list: link.list });
    return plainText(500, "Something went wrong and nothing was changed. Please try again.");
  }
  if (!found) return notFoundResponse();
  if (request.headers.get("accept")?.includes("text/html")) return toPage(unsubscribeQuery(link.userId, link.list));
  return plainText(200, "Unsubscribed.");
}
