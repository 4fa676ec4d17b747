import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth";
import { progressPathFor } from "@/lib/progress-scopes";
import { LAST_CHOICE_COOKIE } from "@/lib/progress-choice";

// Where the `View course progress for:` form sends its choice: remembered (this device) so that Courses opens
// on it next time, then turned into a URL. Access is checked by the page it redirects to, and again by
// Courses before it reopens a remembered choice.
export async function GET(request: NextRequest) {
  if (!(await getViewer())) return NextResponse.redirect(new URL("/sign-in", request.url));
  const path = progressPathFor(request.nextUrl.searchParams.get("school") ?? undefined, (value) => z.uuid().safeParse(value).success);
  const response = NextResponse.redirect(new URL(path, request.url), 303);
  if (path === "/courses/my-courses") response.cookies.delete(LAST_CHOICE_COOKIE);
  else response.cookies.set(LAST_CHOICE_COOKIE, path, { httpOnly: true, sameSite: "lax", path: "/courses", maxAge: 180 * 24 * 60 * 60, secure: request.nextUrl.protocol === "https:" });
  return response;
}
