import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { progressPathFor } from "@/lib/progress-scopes";
import { LAST_CHOICE_COOKIE } from "@/lib/progress-choice";

// Where the `View course progress for:` form sends its choice: remembered (this device) so that Courses opens
// on it next time, then turned into a URL. Access is checked by the page it redirects to, and again by
// Courses before it reopens a remembered choice.
//
// The redirect's Location is a path, not an absolute URL built from request.url: behind `next start -H` or a
// proxy, request.url can name another host (localhost), and the page's CSP `form-action 'self'` then blocks
// the form's navigation outright, so a choice silently went nowhere.
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path } });
}

export async function GET(request: NextRequest) {
  if (!(await getViewer())) return seeOther("/sign-in");
  const path = progressPathFor(request.nextUrl.searchParams.get("school") ?? undefined, (value) => z.uuid().safeParse(value).success);
  const response = seeOther(path);
  if (path === "/courses/my-courses") response.cookies.delete(LAST_CHOICE_COOKIE);
  else response.cookies.set(LAST_CHOICE_COOKIE, path, { httpOnly: true, sameSite: "lax", path: "/courses", maxAge: 180 * 24 * 60 * 60, secure: request.nextUrl.protocol === "https:" });
  return response;
}
