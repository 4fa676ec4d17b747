// "Sign in with Microsoft" and "Sign in with Google" end to end with no browser: the app's own Auth.js route
// handlers (app/api/auth/[...nextauth]/route.ts) and the project's local OpenID Connect provider over HTTP,
// with the cookies carried by hand as a browser would. Nothing is stood in for: real discovery, PKCE, state and
// nonce, a signed ID token, the linking rule of lib/sso.ts on the real database, a Session row.
// (The linking rules themselves are tested in sso.test.ts.)
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import { startLocalOidc, type LocalOidc } from "@/scripts/local-oidc";

const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
const { db } = await import("@/lib/db");
const { makeOrganisation, makeUser } = await import("./helpers");

// The address the browser uses (its Host header), which the provider's clients send back to. Next hands route
// handlers a URL of its own instead (its listening address; NextRequest spells 127.0.0.1 as localhost): so do
// these requests, as the e2e run's server does.
const APP = "http://127.0.0.1:3977";
const NEXT_ORIGIN = "http://localhost:3977";
const SESSION_COOKIE = "authjs.session-token";

let oidc: LocalOidc;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  // A provider of this file's own, whatever the run configured: its clients know this file's APP.
  oidc = await startLocalOidc({ appUrl: APP });
  for (const [key, value] of Object.entries(oidc.env)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await oidc?.stop();
});

/** A browser's cookies for one site: what Set-Cookie set, less what it expired. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function app(jar: Jar, url: string, init: { method?: string; form?: Record<string, string> } = {}) {
  const headers = new Headers({ cookie: jar.header(), host: new URL(APP).host });
  let body: string | undefined;
  if (init.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  }
  const request = new NextRequest(url.replace(APP, NEXT_ORIGIN), { method: init.method ?? "GET", headers, body });
  const response = await (request.method === "POST" ? POST(request) : GET(request));
  jar.take(response);
  return response;
}

async function provider(jar: Jar, url: string, form?: Record<string, string>) {
  const response = await fetch(url, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: { cookie: jar.header(), ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  jar.take(response);
  return response;
}

const location = (response: Response) => {
  expect([302, 303, 307]).toContain(response.status);
  return new URL(response.headers.get("location")!, response.url || APP).href;
};

type Outcome = { landing: URL; appJar: Jar; idToken: Record<string, unknown> | null; callbackUrl: string };

/**
 * One sign-in as a browser makes it: the CSRF token, the sign-in POST (which sets the PKCE, state and nonce
 * cookies), the provider's login page filled in, then the callback. The ID token the app received is caught on
 * its way (the token endpoint's answer) so a test can say what the provider claimed.
 */
async function signInThrough(providerId: "microsoft-entra-id" | "google", who: { email: string; name?: string; verified: boolean }): Promise<Outcome> {
  const appJar = new Jar();
  const providerJar = new Jar();
  const { csrfToken } = (await (await app(appJar, `${APP}/api/auth/csrf`)).json()) as { csrfToken: string };
  const start = await app(appJar, `${APP}/api/auth/signin/${providerId}`, { method: "POST", form: { csrfToken, callbackUrl: `${APP}/workplace` } });
  let next = location(start);
  expect(next.startsWith(oidc.issuer)).toBe(true);
  const authorize = new URL(next).searchParams;
  expect(authorize.get("code_challenge_method")).toBe("S256");
  expect(authorize.get("state")).toBeTruthy();
  expect(authorize.get("nonce")).toBeTruthy();
  expect(authorize.get("scope")).toBe("openid profile email");

  // Authorization endpoint → the provider's own login page.
  let response = await provider(providerJar, next);
  while (response.status !== 200) response = await provider(providerJar, (next = location(response)));
  const page = await response.text();
  expect(page).toContain("Local test provider: not Microsoft or Google");
  const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!;
  const form: Record<string, string> = { email: who.email, name: who.name ?? "" };
  if (who.verified) form.verified = "yes";
  response = await provider(providerJar, new URL(action, oidc.issuer).href, form);
  // Back through the provider's resume step to the app's callback.
  next = location(response);
  while (next.startsWith(oidc.issuer)) next = location(await provider(providerJar, next));
  expect(next).toMatch(new RegExp(`^${APP}/api/auth/callback/${providerId}\\?`));

  let idToken: Record<string, unknown> | null = null;
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (...args) => {
    const answer = await realFetch(...args);
    const url = args[0] instanceof Request ? args[0].url : String(args[0]);
    if (url.startsWith(`${oidc.issuer}/token`)) {
      const { id_token } = (await answer.clone().json()) as { id_token: string };
      idToken = JSON.parse(Buffer.from(id_token.split(".")[1]!, "base64url").toString("utf8"));
    }
    return answer;
  });
  try {
    const callback = await app(appJar, next);
    return { landing: new URL(location(callback)), appJar, idToken, callbackUrl: next };
  } finally {
    spy.mockRestore();
  }
}

async function sessionUserOf(jar: Jar): Promise<string | null> {
  const token = jar.get(SESSION_COOKIE);
  if (!token) return null;
  const claims = await decode({ token, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
  const session = await db.session.findUnique({ where: { id: String(claims?.sid) }, select: { userId: true, revokedAt: true } });
  expect(session?.revokedAt).toBeNull();
  expect(session?.userId).toBe(claims?.sub);
  return session?.userId ?? null;
}

const linksOf = (userId: string) => db.providerAccount.findMany({ where: { userId }, select: { provider: true, email: true } });

describe("signing in through a provider, end to end", () => {
  it("Microsoft: a verified address of an account gets in, with a Session row of that account and a link to it", async () => {
    const school = await makeOrganisation();
    const user = await makeUser(school.id);
    const outcome = await signInThrough("microsoft-entra-id", { email: user.email, name: "Ada Sample", verified: true });

    expect(outcome.landing.href).toBe(`${APP}/workplace`);
    expect(await sessionUserOf(outcome.appJar)).toBe(user.id);
    expect(await linksOf(user.id)).toEqual([{ provider: "MICROSOFT", email: user.email }]);
    // As Entra ID words it: the address, verified by xms_edov; never email_verified.
    expect(outcome.idToken).toMatchObject({ email: user.email, xms_edov: true, name: "Ada Sample" });
    expect(outcome.idToken).not.toHaveProperty("email_verified");

    // The same person again: the same link (the subject is stable), a second session.
    const again = await signInThrough("microsoft-entra-id", { email: user.email, verified: true });
    expect(await sessionUserOf(again.appJar)).toBe(user.id);
    expect(await linksOf(user.id)).toHaveLength(1);
    expect(again.idToken?.sub).toBe(outcome.idToken?.sub);
  });

  it("Google: a verified address gets in too", async () => {
    const school = await makeOrganisation();
    const user = await makeUser(school.id);
    const outcome = await signInThrough("google", { email: user.email, verified: true });

    expect(outcome.landing.href).toBe(`${APP}/workplace`);
    expect(await sessionUserOf(outcome.appJar)).toBe(user.id);
    expect(await linksOf(user.id)).toEqual([{ provider: "GOOGLE", email: user.email }]);
    expect(outcome.idToken).toMatchObject({ email: user.email, email_verified: true });
  });

  it("Google: an address the provider has not verified is refused: back to /sign-in?sso=unverified, no session, no link", async () => {
    const school = await makeOrganisation();
    const user = await makeUser(school.id);
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const outcome = await signInThrough("google", { email: user.email, verified: false });

    expect(outcome.idToken).toMatchObject({ email: user.email, email_verified: false });
    expect(outcome.landing.href).toBe(`${APP}/sign-in?sso=unverified&provider=google`);
    expect(outcome.appJar.get(SESSION_COOKIE)).toBeUndefined();
    expect(await linksOf(user.id)).toEqual([]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
  });

  it("Microsoft: an email claim without xms_edov is refused as unverified", async () => {
    const school = await makeOrganisation();
    const user = await makeUser(school.id);
    const outcome = await signInThrough("microsoft-entra-id", { email: user.email, verified: false });

    expect(outcome.idToken).toMatchObject({ email: user.email });
    expect(outcome.idToken).not.toHaveProperty("xms_edov");
    expect(outcome.idToken).not.toHaveProperty("email_verified");
    expect(outcome.landing.href).toBe(`${APP}/sign-in?sso=unverified&provider=microsoft`);
    expect(outcome.appJar.get(SESSION_COOKIE)).toBeUndefined();
    expect(await linksOf(user.id)).toEqual([]);
  });

  it("a callback that arrives without the browser's state and PKCE cookies (someone else's code) lets no one in", async () => {
    const school = await makeOrganisation();
    const user = await makeUser(school.id);
    // Stop before the callback: take the provider's redirect as another browser would receive it.
    const appJar = new Jar();
    const { csrfToken } = (await (await app(appJar, `${APP}/api/auth/csrf`)).json()) as { csrfToken: string };
    const start = await app(appJar, `${APP}/api/auth/signin/google`, { method: "POST", form: { csrfToken, callbackUrl: `${APP}/workplace` } });
    const providerJar = new Jar();
    let response = await provider(providerJar, location(start));
    while (response.status !== 200) response = await provider(providerJar, location(response));
    const action = /<form method="post" action="([^"]+)"/.exec(await response.text())![1]!;
    let next = location(await provider(providerJar, new URL(action, oidc.issuer).href, { email: user.email, verified: "yes" }));
    while (next.startsWith(oidc.issuer)) next = location(await provider(providerJar, next));

    const stranger = new Jar();
    const callback = await app(stranger, next);
    const landing = new URL(location(callback));
    expect(landing.pathname).toBe("/sign-in");
    expect(landing.searchParams.get("error")).toMatch(/^[A-Za-z]+$/);
    expect(stranger.get(SESSION_COOKIE)).toBeUndefined();
    expect(await linksOf(user.id)).toEqual([]);
  });
});
