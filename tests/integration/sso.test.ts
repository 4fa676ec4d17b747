// Signing in with Microsoft or Google (lib/sso.ts) on a real PostgreSQL: which account a provider's sign-in
// reaches, and the rules an organisation sets (providers allowed, a provider required, its email domains).
// tests/integration/sso-flow.test.ts drives the same rules through Auth.js and a local OpenID Connect provider.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", () => ({ getViewer: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { db } = await import("@/lib/db");
const { hashPassword } = await import("@/lib/password");
const { checkCredentials } = await import("@/lib/sign-in");
const { createInvitation } = await import("@/lib/invitations");
const sso = await import("@/lib/sso");
const { claimsFromProfile, providerSignIn, updateSignInSettings, getSignInSettings, parseDomains, canSignIn } = sso;
const { makeOrganisation, makeUser, permittedAs, unique } = await import("./helpers");
import type { SignInProvider } from "@/lib/generated/prisma/enums";

const PROVIDER_ENV = {
  AUTH_MICROSOFT_ENTRA_ID_ID: "test-client", AUTH_MICROSOFT_ENTRA_ID_SECRET: "test-secret", AUTH_MICROSOFT_ENTRA_ID_ISSUER: "http://127.0.0.1:1/issuer",
  AUTH_GOOGLE_ID: "test-client", AUTH_GOOGLE_SECRET: "test-secret",
};
const saved: Record<string, string | undefined> = {};
beforeAll(() => {
  for (const [k, v] of Object.entries(PROVIDER_ENV)) { saved[k] = process.env[k]; process.env[k] = v; }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
});

const claims = (email: string | null, options: { provider?: SignInProvider; verified?: boolean; subject?: string; name?: string } = {}) => ({
  provider: options.provider ?? "MICROSOFT",
  subject: options.subject ?? randomUUID(),
  email,
  emailVerified: options.verified ?? true,
  name: options.name ?? null,
});

async function schoolWithMember(role: "MEMBER" | "ADMINISTRATOR" = "MEMBER", domain = "test.example") {
  const school = await makeOrganisation({ name: unique("Sso School") });
  const person = await makeUser(school.id, role);
  const email = `${unique("staff")}@${domain}`;
  await db.user.update({ where: { id: person.id }, data: { email } });
  return { school, person: { ...person, email } };
}

describe("reading what a provider says", () => {
  it("counts Microsoft's address as verified only with xms_edov (its email claim alone is whatever a tenant typed)", () => {
    expect(claimsFromProfile("MICROSOFT", { sub: "s", email: "A@B.example" }).emailVerified).toBe(false);
    expect(claimsFromProfile("MICROSOFT", { sub: "s", email: "a@b.example", xms_edov: true }).emailVerified).toBe(true);
    expect(claimsFromProfile("MICROSOFT", { sub: "s", email: "a@b.example", xms_edov: "1" }).emailVerified).toBe(true);
    expect(claimsFromProfile("MICROSOFT", { sub: "s", email: "a@b.example", xms_edov: "true " }).emailVerified).toBe(false);
    expect(claimsFromProfile("MICROSOFT", { sub: "s", email: "A@B.example" }).email).toBe("a@b.example");
  });
  it("counts Google's address as verified only for Gmail, or a Workspace account of the address's own domain", () => {
    expect(claimsFromProfile("GOOGLE", { sub: "s", email: "a@b.example", email_verified: true, hd: "b.example" }).emailVerified).toBe(true);
    expect(claimsFromProfile("GOOGLE", { sub: "s", email: "a@gmail.com", email_verified: true }).emailVerified).toBe(true);
    // A consumer Google account made on a school address: Google checked the mailbox once, long ago.
    expect(claimsFromProfile("GOOGLE", { sub: "s", email: "a@b.example", email_verified: true }).emailVerified).toBe(false);
    expect(claimsFromProfile("GOOGLE", { sub: "s", email: "a@b.example", email_verified: true, hd: "other.example" }).emailVerified).toBe(false);
    expect(claimsFromProfile("GOOGLE", { sub: "s", email: "a@b.example", email_verified: "true", hd: "b.example" }).emailVerified).toBe(false);
    expect(claimsFromProfile("GOOGLE", { sub: "s", email: "a@b.example", xms_edov: true, hd: "b.example" }).emailVerified).toBe(false);
  });
  it("does not take Microsoft's email_verified (a tenant can map any claim to it)", () => {
    expect(claimsFromProfile("MICROSOFT", { sub: "s", email: "a@b.example", email_verified: true }).emailVerified).toBe(false);
  });
  it("drops a malformed address and cleans a name of control and direction characters", () => {
    expect(claimsFromProfile("GOOGLE", { sub: "s", email: "not an address", email_verified: true }).email).toBeNull();
    expect(claimsFromProfile("GOOGLE", { sub: "s", name: "Ann\u202e Lee\u0000" }).name).toBe("Ann Lee");
  });
});

describe("which account a provider's sign-in reaches", () => {
  it("links a verified address to its account, then finds it by the provider's subject alone", async () => {
    const { person } = await schoolWithMember();
    const first = claims(person.email);
    expect(await providerSignIn(first)).toEqual({ ok: true, userId: person.id });
    const link = await db.providerAccount.findUniqueOrThrow({ where: { provider_subject: { provider: "MICROSOFT", subject: first.subject } } });
    expect(link).toMatchObject({ userId: person.id, email: person.email });
    // Later the provider reports another address (renamed mailbox), even unverified: the subject decides.
    expect(await providerSignIn({ ...first, email: "someone-else@test.example", emailVerified: false })).toEqual({ ok: true, userId: person.id });
    const audit = await db.auditLog.findMany({ where: { targetId: person.id, action: "user.provider_linked" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses an unverified address without linking or reading the account", async () => {
    const { person } = await schoolWithMember();
    const attempt = claims(person.email, { verified: false });
    expect(await providerSignIn(attempt)).toEqual({ ok: false, reason: "unverified" });
    expect(await db.providerAccount.count({ where: { userId: person.id } })).toBe(0);
    // The same answer for an address with no account: nothing is told about accounts before the provider vouches.
    expect(await providerSignIn(claims(`${unique("nobody")}@test.example`, { verified: false }))).toEqual({ ok: false, reason: "unverified" });
  });

  it("refuses a missing address and a missing subject", async () => {
    expect(await providerSignIn(claims(null))).toEqual({ ok: false, reason: "no-email" });
    expect(await providerSignIn({ ...claims("a@test.example"), subject: "" })).toEqual({ ok: false, reason: "no-email" });
  });

  it("gives a new address no account and no organisation by itself", async () => {
    const email = `${unique("stranger")}@test.example`;
    expect(await providerSignIn(claims(email))).toEqual({ ok: false, reason: "no-account" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("brings a new address in through a valid invitation: an account with no password, joined to that organisation", async () => {
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR");
    const email = `${unique("invitee")}@test.example`;
    await createInvitation(admin.id, { organisationId: school.id, email });
    const result = await providerSignIn(claims(email, { provider: "GOOGLE", name: "Ivy Invitee" }));
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, passwordHash: true, emailVerifiedAt: true, memberships: { select: { organisationId: true, role: true } } } });
    expect(user).toMatchObject({ name: "Ivy Invitee", passwordHash: null, memberships: [{ organisationId: school.id, role: "MEMBER" }] });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db.invitation.count({ where: { email, acceptedAt: { not: null } } })).toBe(1);
    expect(await db.providerAccount.count({ where: { userId: user.id, provider: "GOOGLE" } })).toBe(1);
    // A withdrawn or expired invitation brings nobody in.
    const late = `${unique("late")}@test.example`;
    await createInvitation(admin.id, { organisationId: school.id, email: late }, new Date(Date.now() - 8 * 24 * 60 * 60 * 1000));
    expect(await providerSignIn(claims(late))).toEqual({ ok: false, reason: "no-account" });
  });

  it("does not bring an invitee in through a provider their organisation does not allow, or outside its domains", async () => {
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR");
    await db.organisation.update({ where: { id: school.id }, data: { signInProviders: ["GOOGLE"], signInDomains: ["allowed.example"] } });
    const outside = `${unique("invitee")}@test.example`;
    await createInvitation(admin.id, { organisationId: school.id, email: outside });
    expect(await providerSignIn(claims(outside, { provider: "MICROSOFT" }))).toEqual({ ok: false, reason: "not-allowed" });
    expect(await providerSignIn(claims(outside, { provider: "GOOGLE" }))).toEqual({ ok: false, reason: "domain" });
    expect(await db.user.count({ where: { email: outside } })).toBe(0);
  });

  it("makes an account a staff list brought in (no password, unconfirmed) the person's, confirming the address", async () => {
    const school = await makeOrganisation({ name: unique("Sso School") });
    const email = `${unique("listed")}@test.example`;
    const listed = await db.user.create({ data: { email, name: "Lee Listed", passwordHash: null, memberships: { create: { organisationId: school.id } } } });
    expect(await providerSignIn(claims(email))).toEqual({ ok: true, userId: listed.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: listed.id } })).emailVerifiedAt).not.toBeNull();
  });

  it("lets two callbacks for one new invitee at once make one account", async () => {
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR");
    const email = `${unique("racer")}@test.example`;
    await createInvitation(admin.id, { organisationId: school.id, email });
    const subject = randomUUID();
    const results = await Promise.all([providerSignIn(claims(email, { subject })), providerSignIn(claims(email, { subject }))]);
    expect(results).toEqual([{ ok: true, userId: expect.any(String) }, { ok: true, userId: expect.any(String) }]);
    expect(new Set(results.map((r) => (r.ok ? r.userId : null))).size).toBe(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("links that cannot be abused", () => {
  it("never links a provider to a Schoot support account (no organisation's rules would hold it)", async () => {
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    expect(await providerSignIn(claims(support.email))).toEqual({ ok: false, reason: "not-allowed" });
    expect(await db.providerAccount.count({ where: { userId: support.id } })).toBe(0);
  });

  it("forgets every provider link when the password is reset through the mailbox", async () => {
    const { requestPasswordReset, resetPassword } = await import("@/lib/password-reset");
    const { sendNow, waitForMailTo } = await import("./mail-helpers");
    const { person } = await schoolWithMember();
    const linked = claims(person.email);
    expect((await providerSignIn(linked)).ok).toBe(true);
    await sendNow(await requestPasswordReset(person.email, unique("ip")));
    const token = (await waitForMailTo(person.email, /Reset your Schoot password/)).links[0]!.split("/reset-password/")[1]!;
    await resetPassword({ token, password: "a-new-long-password" }, unique("ip"));
    expect(await db.providerAccount.count({ where: { userId: person.id } })).toBe(0);
    // The subject is unknown again: it links only through a verified address once more.
    expect(await providerSignIn({ ...linked, emailVerified: false })).toEqual({ ok: false, reason: "unverified" });
  });
});

describe("an organisation's sign-in rules", () => {
  it("refuses a provider the organisation does not allow, even for an account already linked", async () => {
    const { school, person } = await schoolWithMember();
    const first = claims(person.email);
    expect((await providerSignIn(first)).ok).toBe(true);
    await db.organisation.update({ where: { id: school.id }, data: { signInProviders: ["GOOGLE"] } });
    expect(await providerSignIn(first)).toEqual({ ok: false, reason: "not-allowed" });
    expect((await providerSignIn(claims(person.email, { provider: "GOOGLE" }))).ok).toBe(true);
  });

  it("limits provider sign-in to the organisation's domains", async () => {
    const { school, person } = await schoolWithMember("MEMBER", "outside.example");
    await db.organisation.update({ where: { id: school.id }, data: { signInDomains: ["school.example"] } });
    expect(await providerSignIn(claims(person.email))).toEqual({ ok: false, reason: "domain" });
    const { person: inside } = await schoolWithMember("MEMBER", "school.example");
    await db.membership.create({ data: { userId: inside.id, organisationId: school.id } });
    expect((await providerSignIn(claims(inside.email))).ok).toBe(true);
  });

  it("applies every organisation a person belongs to: the strictest decides", async () => {
    const { school, person } = await schoolWithMember();
    const other = await makeOrganisation({ name: unique("Sso Other") });
    await db.membership.create({ data: { userId: person.id, organisationId: other.id } });
    expect((await providerSignIn(claims(person.email, { provider: "GOOGLE" }))).ok).toBe(true);
    await db.organisation.update({ where: { id: other.id }, data: { signInProviders: ["MICROSOFT"] } });
    expect(await providerSignIn(claims(person.email, { provider: "GOOGLE", subject: randomUUID() }))).toEqual({ ok: false, reason: "not-allowed" });
    expect(school.id).not.toBe(other.id);
  });

  it("refuses a correct password where a provider is required, naming the organisation, and only after the password is right", async () => {
    const { school, person } = await schoolWithMember();
    await db.user.update({ where: { id: person.id }, data: { passwordHash: await hashPassword("right-password-1") } });
    await db.organisation.update({ where: { id: school.id }, data: { providerSignInRequired: true, signInProviders: ["MICROSOFT"] } });
    expect(await checkCredentials(person.email, "wrong-password", unique("ip"))).toEqual({ ok: false, reason: "wrong" });
    expect(await checkCredentials(person.email, "right-password-1", unique("ip"))).toEqual({
      ok: false, reason: "provider-required", message: `${school.name} asks its staff to sign in with Microsoft. Use the button above.`, userId: person.id,
    });
    // Not applied while this service has none of the required providers set up: nobody could sign in at all.
    delete process.env.AUTH_MICROSOFT_ENTRA_ID_ID;
    try {
      expect((await checkCredentials(person.email, "right-password-1", unique("ip"))).ok).toBe(true);
    } finally {
      process.env.AUTH_MICROSOFT_ENTRA_ID_ID = PROVIDER_ENV.AUTH_MICROSOFT_ENTRA_ID_ID;
    }
  });

  it("never lets an account without a password in by password", async () => {
    const school = await makeOrganisation({ name: unique("Sso School") });
    const email = `${unique("nopass")}@test.example`;
    await db.user.create({ data: { email, name: "No Password", passwordHash: null, memberships: { create: { organisationId: school.id } } } });
    expect(await checkCredentials(email, "", unique("ip"))).toEqual({ ok: false, reason: "wrong" });
    expect(await checkCredentials(email, "anything-at-all", unique("ip"))).toEqual({ ok: false, reason: "wrong" });
  });
});

describe("the sign-in settings an Administrator saves", () => {
  const form = (organisationId: string, fields: { microsoft?: boolean; google?: boolean; required?: boolean; domains?: string }) => ({
    organisationId,
    ...(fields.microsoft ? { microsoft: "on" } : {}),
    ...(fields.google ? { google: "on" } : {}),
    ...(fields.required ? { required: "on" } : {}),
    domains: fields.domains ?? "",
  });

  it("reads domains one per line or comma separated, and says which one is wrong", () => {
    expect(parseDomains(" Riverside.sch.uk,\n@other.example  other.example ")).toEqual({ domains: ["riverside.sch.uk", "other.example"] });
    expect(parseDomains("riverside.sch.uk\nnot a domain")).toEqual({ error: expect.stringContaining("\u201cnot\u201d is not an email domain") });
    expect(parseDomains(Array.from({ length: 21 }, (_, i) => `d${i}.example`).join("\n"))).toEqual({ error: "Enter at most 20 domains." });
  });

  it("saves the rules with an audit row, and shows them back", async () => {
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR", "school.example");
    expect(await updateSignInSettings(admin.id, form(school.id, { microsoft: true, required: true, domains: "school.example" }))).toEqual({ message: "Sign-in settings saved." });
    const saved = await db.organisation.findUniqueOrThrow({ where: { id: school.id } });
    expect(saved).toMatchObject({ signInProviders: ["MICROSOFT"], providerSignInRequired: true, signInDomains: ["school.example"] });
    const audit = await db.auditLog.findFirstOrThrow({ where: { organisationId: school.id, action: "organisation.sign_in_settings_changed" } });
    expect(audit.before).toEqual({ signInProviders: ["MICROSOFT", "GOOGLE"], providerSignInRequired: false, signInDomains: [] });
    const shown = await getSignInSettings(await permittedAs(school.id, "signin.manage"));
    expect(shown).toMatchObject({ providers: ["MICROSOFT"], required: true, domains: ["school.example"] });
  });

  it("lists the members the rules would lock out", async () => {
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR", "school.example");
    const outsider = await makeUser(school.id); // @test.example
    await updateSignInSettings(admin.id, form(school.id, { microsoft: true, google: true, required: true, domains: "school.example" }));
    const shown = await getSignInSettings(await permittedAs(school.id, "signin.manage"));
    expect(shown.lockedOut).toEqual([{ name: outsider.name, email: outsider.email }]);
    expect(canSignIn([{ signInProviders: ["GOOGLE"], providerSignInRequired: true, signInDomains: [] }], "a@x.example", ["MICROSOFT"])).toBe(true);
  });

  it("refuses rules that would lock the Administrator out, or leave no way in, with the reason next to the field", async () => {
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR", "school.example");
    await expect(updateSignInSettings(admin.id, form(school.id, { required: true }))).rejects.toMatchObject({ field: "required" });
    await expect(updateSignInSettings(admin.id, form(school.id, { microsoft: true, required: true, domains: "elsewhere.example" }))).rejects.toMatchObject({
      field: "domains", message: expect.stringContaining("You could not sign in with these settings"),
    });
    await expect(updateSignInSettings(admin.id, form(school.id, { domains: "not a domain" }))).rejects.toMatchObject({ field: "domains" });
    delete process.env.AUTH_GOOGLE_ID;
    try {
      await expect(updateSignInSettings(admin.id, form(school.id, { google: true, required: true }))).rejects.toMatchObject({ field: "required", message: expect.stringContaining("not set up on this service") });
    } finally {
      process.env.AUTH_GOOGLE_ID = PROVIDER_ENV.AUTH_GOOGLE_ID;
    }
    const unchanged = await db.organisation.findUniqueOrThrow({ where: { id: school.id } });
    expect(unchanged).toMatchObject({ signInProviders: ["MICROSOFT", "GOOGLE"], providerSignInRequired: false, signInDomains: [] });
  });

  it("refuses rules that would shut out an Administrator of another organisation who is on the staff", async () => {
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR", "school.example");
    const trust = await makeOrganisation({ name: unique("Sso Trust"), kind: "TRUST" });
    const lead = await makeUser(trust.id, "ADMINISTRATOR"); // @test.example
    await db.membership.create({ data: { userId: lead.id, organisationId: school.id } });
    await expect(updateSignInSettings(admin.id, form(school.id, { microsoft: true, required: true, domains: "school.example" }))).rejects.toMatchObject({
      field: "domains", message: expect.stringContaining(`is an Administrator of ${trust.name}`),
    });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: school.id } })).providerSignInRequired).toBe(false);
  });

  it("signs colleagues out when the rules get stricter, but not the Administrator saving them, and not when they loosen", async () => {
    const { createSession } = await import("@/lib/sessions");
    const { school, person: admin } = await schoolWithMember("ADMINISTRATOR", "school.example");
    const { person: colleague } = await schoolWithMember("MEMBER", "school.example");
    await db.membership.create({ data: { userId: colleague.id, organisationId: school.id } });
    const mine = await createSession(admin.id);
    const theirs = await createSession(colleague.id);
    const open = async (id: string) => (await db.session.findUniqueOrThrow({ where: { id } })).revokedAt === null;
    await updateSignInSettings(admin.id, form(school.id, { microsoft: true, google: true, domains: "" }));
    expect(await open(theirs.id)).toBe(true); // nothing stricter than the defaults
    await updateSignInSettings(admin.id, form(school.id, { microsoft: true, google: true, required: true }));
    expect(await open(theirs.id)).toBe(false);
    expect(await open(mine.id)).toBe(true);
    const again = await createSession(colleague.id);
    await updateSignInSettings(admin.id, form(school.id, { microsoft: true, google: true }));
    expect(await open(again.id)).toBe(true);
  });

  it("answers another organisation's Administrator with not found, and refuses a Member", async () => {
    const { school } = await schoolWithMember("ADMINISTRATOR");
    const { person: elsewhere } = await schoolWithMember("ADMINISTRATOR");
    await expect(updateSignInSettings(elsewhere.id, form(school.id, { google: true }))).rejects.toThrow(/Not found/);
    const member = await makeUser(school.id, "MEMBER");
    await expect(updateSignInSettings(member.id, form(school.id, { google: true }))).rejects.toThrow(/Only an Administrator/);
    await expect(updateSignInSettings(member.id, { ...form(school.id, {}), organisationId: "not-a-uuid" })).rejects.toThrow();
  });
});
