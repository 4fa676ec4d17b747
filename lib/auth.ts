import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Provider } from "next-auth/providers";
import { headers } from "next/headers";
import { NextRequest } from "next/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { db } from "./db";
import { env } from "./env";
import { clientAddress } from "./client-address";
import { safeCallbackUrl } from "./redirects";
import { createSession, revokeSession, SESSION_LIFETIME_MS } from "./sessions";
import { checkCredentials } from "./sign-in";
import { googleIssuer } from "./provider-env";
import { claimsFromProfile, configuredProviders, providerOfAuthId, providerSignIn } from "./sso";

export { safeCallbackUrl };

declare module "next-auth" {
  interface Session {
    /** The Session row this cookie belongs to (lib/sessions.ts). */
    sessionId?: string;
  }
}

export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterMs: number) {
    super();
  }
}

/** A correct password for someone whose organisation requires Microsoft or Google: the reason, from lib/sign-in.ts. */
export class ProviderSignInRequired extends CredentialsSignin {
  code = "provider-required";
  constructor(readonly explanation: string) {
    super();
  }
}

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter an email address, like name@school.org.uk")),
  password: z.string().min(1, "Enter your password").max(1024),
});

/** The caller's address as the host's own proxy reports it, never as the client claims it (lib/client-address.ts). */
export async function clientIp(): Promise<string> {
  const { TRUSTED_PROXY_HOPS, VERCEL } = env();
  return clientAddress(await headers(), { trustedProxyHops: TRUSTED_PROXY_HOPS, vercel: VERCEL === "1" });
}

async function authorize(raw: unknown): Promise<{ id: string } | null> {
  const parsed = credentialsInput.safeParse(raw);
  if (!parsed.success) return null;
  const result = await checkCredentials(parsed.data.email, parsed.data.password, await clientIp());
  if (!result.ok && result.reason === "throttled") throw new SignInThrottled(result.retryAfterMs);
  // The sentence travels inside the error, within this server call (the action catches it): never in a URL.
  if (!result.ok && result.reason === "provider-required") throw new ProviderSignInRequired(result.message);
  return result.ok ? { id: result.userId } : null;
}

/*
 * Microsoft and Google, each only when its settings are there (lib/sso.ts configuredProviders), read when a
 * request comes rather than at build. Every value is passed explicitly: Auth.js would otherwise fill gaps from
 * AUTH_* variables by itself, or fall back to Entra's multi-tenant issuer. Both ask for the ID token's claims
 * only ("openid profile email"): Entra's default also asks for Graph's User.Read to fetch a photo, which we
 * neither want nor can reach here. PKCE, state and nonce are all checked on the way back.
 */
function oidcProviders(source: NodeJS.ProcessEnv): Provider[] {
  const configured = configuredProviders(source);
  const common = { authorization: { params: { scope: "openid profile email" } }, checks: ["pkce", "state", "nonce"] as ("pkce" | "state" | "nonce")[] };
  const identity = (profile: { sub?: string | null; name?: string | null; email?: string | null }) => ({
    id: profile.sub ?? undefined,
    name: profile.name ?? null,
    email: profile.email ?? null,
  });
  const providers: Provider[] = [];
  if (configured.includes("MICROSOFT")) {
    providers.push(
      MicrosoftEntraID({
        clientId: source.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: source.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: source.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
        ...common,
        profile: identity, // not the default, which fetches a photo from graph.microsoft.com
      }),
    );
  }
  if (configured.includes("GOOGLE")) {
    providers.push(
      Google({
        clientId: source.AUTH_GOOGLE_ID,
        clientSecret: source.AUTH_GOOGLE_SECRET,
        // Only the project's local test provider sets this (README): Google's own issuer otherwise.
        issuer: googleIssuer(source),
        ...common,
        profile: identity,
      }),
    );
  }
  return providers;
}

// The session cookie (a signed, encrypted JWT) carries the user id and the id of a Session row, nothing
// else: the row is checked on every request (so signing out ends every copy of the cookie), and
// memberships, roles, designations and trust choices are read from the database each time too.
const nextAuth = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
  // Auth.js's own error page is never shown: a provider sign-in that fails on the way back (an expired or
  // replayed callback, a provider that answered with an error) lands on the sign-in page with a plain sentence.
  pages: { signIn: "/sign-in", error: "/sign-in" },
  // A wrong password is an expected answer, not a server error: keep it out of the error log. A provider's
  // refusal is not an error at all (the signIn callback redirects).
  logger: {
    error(error: Error) {
      if (!(error instanceof CredentialsSignin)) console.error("[auth]", error);
    },
  },
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize }), ...oidcProviders(process.env)],
  callbacks: {
    /*
     * Microsoft or Google has said who this is: lib/sso.ts decides whether that reaches an account (the whole
     * linking rule, audited). Refused, the person goes back to the sign-in page with the reason and the
     * provider as fixed words (the page turns them into a sentence; app/sign-in/provider-slug.ts reads the
     * provider's word back). Let in, the account's id replaces the provider's: with no adapter,
     * Auth.js hands this same `user` object to the jwt callback, which opens the Session row for it.
     * A password sign-in was decided by authorize() already.
     */
    async signIn({ user, account, profile }) {
      if (account?.type !== "oidc") return true;
      const provider = providerOfAuthId(account.provider);
      if (!provider || !profile) return false;
      const result = await providerSignIn(claimsFromProfile(provider, profile as Record<string, unknown>));
      if (!result.ok) return `/sign-in?${new URLSearchParams({ sso: result.reason, provider: provider.toLowerCase() })}`;
      user.id = result.userId;
      return true;
    },
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sid = (await createSession(user.id)).id;
      }
      return { sub: token.sub, sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "" }, sessionId: typeof token.sid === "string" ? token.sid : "" } as unknown as typeof session;
    },
  },
  events: {
    // Every way out (the header's Sign out, signing out to accept an invitation) ends the session's row.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
}));

export const { auth, signIn, signOut } = nextAuth;

/*
 * Auth.js's route handlers build the provider's callback address from the request's URL; its signIn() in a
 * server action builds it from the Host header (x-forwarded-host first). Next's request URL is its own listening
 * address (http://localhost:3000 behind a proxy), and NextRequest spells 127.0.0.1 as localhost, so a provider
 * would be asked to send the code to one address and the code then exchanged for another (invalid_grant), and
 * the person sent on to a host their cookies are not for. The route handlers read the same headers the action
 * does (trustHost already trusts them), through a plain Request, which keeps the address as it is.
 */
function asRequested(request: NextRequest): NextRequest {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const protocol = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol).replace(/:$/, "");
  const url = host ? URL.parse(`${protocol}://${host}${request.nextUrl.pathname}${request.nextUrl.search}`) : null;
  if (!url || url.origin === new URL(request.url).origin) return request;
  const init = { method: request.method, headers: request.headers, body: request.body, duplex: "half", signal: request.signal };
  // Auth.js reads only the web Request's url, method, headers and body.
  return new Request(url, init as RequestInit) as NextRequest;
}

export const handlers = {
  GET: (request: NextRequest) => nextAuth.handlers.GET(asRequested(request)),
  POST: (request: NextRequest) => nextAuth.handlers.POST(asRequested(request)),
};

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
  const sessionId = session?.sessionId;
  if (!id || !sessionId || !z.uuid().safeParse(id).success || !z.uuid().safeParse(sessionId).success) return null;
  // One query: the person, only through a session row that is theirs, open and unexpired.
  const open = await db.session.findFirst({
    where: { id: sessionId, userId: id, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, user: { select: viewerSelect } },
  });
  if (!open) return null;
  const user = open.user;
  // The remembered organisation counts only while the membership still exists.
  const current =
    user.memberships.find((m) => m.organisation.id === user.currentOrganisationId) ?? user.memberships[0] ?? null;
  return { ...user, sessionId: open.id, currentMembership: current };
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
