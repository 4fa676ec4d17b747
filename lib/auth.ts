import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { db } from "./db";
import { env } from "./env";
import { checkCredentials } from "./sign-in";

export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address, like name@school.org.uk")),
  password: z.string().min(1, "Enter your password").max(1024),
});

/** The caller's address as the host's proxy reports it (Vercel overwrites x-forwarded-for). */
async function clientIp(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || "unknown";
}

async function authorize(raw: unknown): Promise<{ id: string } | null> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return null;
  const result = await checkCredentials(parsed.data.email, parsed.data.password, await clientIp());
  if (!result.ok && result.reason === "throttled") throw new SignInThrottled();
  return result.ok ? { id: result.userId } : null;
}

// The session (a signed, encrypted JWT cookie) carries the user id and nothing else: memberships,
// roles, designations and trust choices are read from the database on every request.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  // A wrong password is an expected answer, not a server error: keep it out of the error log.
  logger: {
    error(error: Error) {
      if (!(error instanceof CredentialsSignin)) console.error("[auth]", error);
    },
  },
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "" } } as typeof session;
    },
  },
}));

const viewerSelect = {
  id: true,
  name: true,
  email: true,
  platformRole: true,
  currentOrganisationId: true,
  memberships: {
    select: { role: true, organisation: { select: { id: true, name: true, designation: true, kind: true } } },
    orderBy: { organisation: { name: "asc" } },
  },
} as const;

/**
 * The signed-in person, read from the database for this request (React cache: once per request).
 * Null for a visitor, and for a cookie whose account no longer exists.
 */
export const getViewer = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !z.uuid().safeParse(id).success) return null;
  const user = await db.user.findUnique({ where: { id }, select: viewerSelect });
  if (!user) return null;
  // The remembered organisation counts only while the membership still exists.
  const current =
    user.memberships.find((m) => m.organisation.id === user.currentOrganisationId) ?? user.memberships[0] ?? null;
  return { ...user, currentMembership: current };
});

export type Viewer = NonNullable<Awaited<ReturnType<typeof getViewer>>>;

/** A page's first line: the viewer, or a redirect to /sign-in that comes back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const from = (await headers()).get("x-pathname");
    redirect(from ? `/sign-in?callbackUrl=${encodeURIComponent(from)}` : "/sign-in");
  }
  return viewer;
}

const DEFAULT_PAGE = "/" // app/page.tsx sends each person to their landing page;

/**
 * Only a path on this site. Parsed the way a browser parses it (which drops tabs and newlines and reads
 * "\\" as "/"), so "/\t/evil.example" or "/\\evil.example" cannot become another origin.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return DEFAULT_PAGE;
  let url: URL;
  try {
    url = new URL(value, "http://schoot.invalid");
  } catch {
    return DEFAULT_PAGE;
  }
  if (url.origin !== "http://schoot.invalid" || url.pathname.startsWith("/sign-in")) return DEFAULT_PAGE;
  return url.pathname + url.search + url.hash;
}
