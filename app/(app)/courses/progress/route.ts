import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { progressPathFor } from "@/lib/progress/selector";
import { LAST_CHOICE_COOKIE } from "@/lib/progress/choice";
import { readSearchParam } from "@/lib/search-params";

// Where the `View course progress for:` form sends its choice: remembered (this device) so that Courses opens
// on it next time, then turned into a URL. Access is checked by the page it redirects to, and again by
// Courses before it reopens a remembered choice.
//
// Redirects carry a relative Location: request.url's host is the server's own idea of it (behind a proxy, or
// 127.0.0.1 served as localhost), and an absolute URL to another host is refused by the CSP's form-action.
export async function GET(request: NextRequest) {
  if (!(await getViewer())) return seeOther("/sign-in");
  const path = progressPathFor(readSearchParam(request.nextUrl.searchParams, "school"), (value) => z.uuid().safeParse(value).success);
  const response = seeOther(path);
  if (path === "/courses/my-courses") response.cookies.delete(LAST_CHOICE_COOKIE);
  else response.cookies.set(LAST_CHOICE_COOKIE, path, { httpOnly: true, sameSite: "lax", path: "/courses", maxAge: 180 * 24 * 60 * 60, secure: request.nextUrl.protocol === "https:" });
  return response;
}

function seeOther(path: string) {
  return new NextResponse(null, { status: 303, headers: { Location: path } });
}
