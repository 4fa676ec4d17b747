// "Forgot your password?" (lib/password-reset.ts) on a real PostgreSQL, with the mail read from the local SMTP server.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashLinkToken } from "@/lib/link-token";
import { unseal } from "@/lib/mail/seal";
import { hashPassword } from "@/lib/password";
import {
  findPasswordReset, MAX_RESETS_PER_CLIENT_PER_HOUR, MAX_RESETS_PER_HOUR, requestPasswordReset, RESET_LIFETIME_MS, resetPassword, ResetLinkUnusable,
} from "@/lib/password-reset";
import { createSession } from "@/lib/sessions";
import { checkCredentials } from "@/lib/sign-in";
import { makeOrganisation, makeUser, unique } from "./helpers";
import { mailCount, outboxFor, sendNow, waitForMailTo } from "./mail-helpers";

const OLD_PASSWORD = "the-old-password-1";
const NEW_PASSWORD = "a-brand-new-password";
// A client address of its own for each test: the per-client limit counts across addresses.
let clients = 0;
let IP = "";
beforeEach(() => {
  IP = `203.0.113.${++clients}`;
});

async function person(options: { verified?: boolean } = {}) {
  const user = await makeUser((await makeOrganisation()).id);
  return db.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(OLD_PASSWORD), ...(options.verified === false ? { emailVerifiedAt: null } : {}) },
  });
}

/** A reset link's token, read from its outbox row before sending (what the email's link will carry). */
async function requestToken(email: string, now = new Date()): Promise<string> {
  const [id] = await requestPasswordReset(email, IP, now);
  expect(id).toBeDefined();
  const row = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
  return unseal(row.secret!);
}

const openSessions = (userId: string) => db.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } } });

describe("asking for a reset link", () => {
  it("emails the person one link to /reset-password/<token>, stores only the token's hash, and erases the token once sent", async () => {
    const user = await person();
    const before = mailCount();
    const ids = await requestPasswordReset(`  ${user.email.toUpperCase()} `, IP);
    expect(ids).toHaveLength(1);
    const report = await sendNow(ids);
    expect(report.sent).toBe(1);

    const mail = await waitForMailTo(user.email, /Reset your Schoot password/, before);
    expect(mail.links).toHaveLength(1);
    const match = new RegExp(`^${process.env.APP_URL}/reset-password/([A-Za-z0-9_-]{43})$`).exec(mail.links[0]!);
    expect(match).not.toBeNull();
    const token = match![1]!;
    expect(mail.text).toContain(user.name);

    const [reset] = await db.passwordReset.findMany({ where: { userId: user.id } });
    expect(reset!.tokenHash).not.toBe(token);
    expect(reset!.tokenHash).toBe(hashLinkToken(token));
    expect(reset!.expiresAt.getTime() - reset!.createdAt.getTime()).toBe(RESET_LIFETIME_MS);
    const [row] = await outboxFor(user.email);
    expect(row).toMatchObject({ kind: "PASSWORD_RESET", status: "SENT", secret: null, userId: user.id });
    expect(JSON.stringify(row)).not.toContain(token);

    const audit = await db.auditLog.findFirst({ where: { action: "user.password_reset_requested", targetId: user.id } });
    expect(audit?.after).toMatchObject({ resetId: reset!.id, ip: IP });
    expect(await findPasswordReset(token)).toEqual({ status: "valid", email: user.email, firstPassword: false });
  });

  it("writes nothing and sends nothing for an address with no account (the caller answers the same)", async () => {
    const email = `${unique("nobody")}@test.example`;
    const audits = await db.auditLog.count({ where: { action: "user.password_reset_requested" } });
    expect(await requestPasswordReset(email, IP)).toEqual([]);
    expect(await outboxFor(email)).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "user.password_reset_requested" } })).toBe(audits);
  });

  it("refuses an address that is not one, as sign-in does", async () => {
    await expect(requestPasswordReset("not an address", IP)).rejects.toThrow();
  });

  it(`sends at most ${MAX_RESETS_PER_HOUR} links an hour to one address, even when asked for at once, then again after the hour`, async () => {
    const user = await person();
    const t0 = new Date(Date.now() - 2 * RESET_LIFETIME_MS);
    const asks = await Promise.all(Array.from({ length: 6 }, () => requestPasswordReset(user.email, IP, t0)));
    expect(asks.flat()).toHaveLength(MAX_RESETS_PER_HOUR);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(MAX_RESETS_PER_HOUR);
    expect(await outboxFor(user.email)).toHaveLength(MAX_RESETS_PER_HOUR);

    // Still within the hour: nothing more is written.
    expect(await requestPasswordReset(user.email, IP, new Date(t0.getTime() + RESET_LIFETIME_MS - 1))).toEqual([]);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(MAX_RESETS_PER_HOUR);
    // An hour on, the first ones no longer count.
    expect(await requestPasswordReset(user.email, IP, new Date(t0.getTime() + RESET_LIFETIME_MS))).toHaveLength(1);
  });

  it(`sends at most ${MAX_RESETS_PER_CLIENT_PER_HOUR} links an hour asked for by one client, whatever the addresses`, async () => {
    const people = await Promise.all(Array.from({ length: MAX_RESETS_PER_CLIENT_PER_HOUR + 2 }, () => person()));
    const sent: string[] = [];
    for (const p of people) sent.push(...(await requestPasswordReset(p.email, IP)));
    expect(sent).toHaveLength(MAX_RESETS_PER_CLIENT_PER_HOUR);
    expect(await outboxFor(people.at(-1)!.email)).toEqual([]);
    // Another client is not held back by this one.
    expect(await requestPasswordReset(people.at(-1)!.email, "198.51.100.7")).toHaveLength(1);
  });
});

describe("choosing a new password with the link", () => {
  it("sets the password, signs the person out everywhere, voids their other links, verifies the address and is audited", async () => {
    const user = await person({ verified: false });
    const other = await makeUser();
    await createSession(user.id);
    await createSession(user.id);
    await createSession(other.id);
    const first = await requestToken(user.email);
    const second = await requestToken(user.email);

    const result = await resetPassword({ token: second, password: NEW_PASSWORD }, IP);
    expect(result).toEqual({ email: user.email, sessionsEnded: 2 });

    expect(await openSessions(user.id)).toBe(0);
    expect(await openSessions(other.id)).toBe(1);
    expect(await findPasswordReset(second)).toMatchObject({ status: "used" });
    expect(await findPasswordReset(first)).toMatchObject({ status: "used" });
    await expect(resetPassword({ token: first, password: "yet-another-password" }, IP)).rejects.toMatchObject({ status: "used" });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true } });
    expect(after.emailVerifiedAt).not.toBeNull();
    expect(await checkCredentials(user.email, NEW_PASSWORD, "198.51.100.7")).toEqual({ ok: true, userId: user.id });
    expect(await checkCredentials(user.email, OLD_PASSWORD, "198.51.100.7")).toEqual({ ok: false, reason: "wrong" });

    const audit = await db.auditLog.findFirst({ where: { action: "user.password_reset", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: user.id, after: { sessionsEnded: 2, otherLinksVoided: 1, ip: IP } });
  });

  it("keeps an address verified earlier as it was", async () => {
    const user = await person();
    const verifiedAt = user.emailVerifiedAt!;
    await resetPassword({ token: await requestToken(user.email), password: NEW_PASSWORD }, IP);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toEqual(verifiedAt);
  });

  it("works once: a second use is refused and leaves the password as the first set it", async () => {
    const user = await person();
    const token = await requestToken(user.email);
    await resetPassword({ token, password: NEW_PASSWORD }, IP);
    const error = await resetPassword({ token, password: "a-second-new-password" }, IP).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResetLinkUnusable);
    expect(error).toMatchObject({ status: "used" });
    expect(await checkCredentials(user.email, NEW_PASSWORD, IP)).toMatchObject({ ok: true });
  });

  it("works once under two submits at the same moment: exactly one succeeds", async () => {
    const user = await person();
    await createSession(user.id);
    const token = await requestToken(user.email);
    const results = await Promise.allSettled([
      resetPassword({ token, password: "first-racer-password" }, IP),
      resetPassword({ token, password: "second-racer-password" }, IP),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ status: "used" });
    expect(await db.auditLog.count({ where: { action: "user.password_reset", targetId: user.id } })).toBe(1);
    const winner = results[0]!.status === "fulfilled" ? "first-racer-password" : "second-racer-password";
    expect(await checkCredentials(user.email, winner, IP)).toMatchObject({ ok: true });
  });

  it("expires exactly an hour after it was asked for", async () => {
    const user = await person();
    const t0 = new Date(Date.now() - 3 * RESET_LIFETIME_MS);
    const token = await requestToken(user.email, t0);
    const justBefore = new Date(t0.getTime() + RESET_LIFETIME_MS - 1);
    const atTheHour = new Date(t0.getTime() + RESET_LIFETIME_MS);
    expect(await findPasswordReset(token, justBefore)).toMatchObject({ status: "valid" });
    expect(await findPasswordReset(token, atTheHour)).toMatchObject({ status: "expired" });
    await expect(resetPassword({ token, password: NEW_PASSWORD }, IP, atTheHour)).rejects.toMatchObject({ status: "expired" });
    expect(await checkCredentials(user.email, OLD_PASSWORD, IP)).toMatchObject({ ok: true });
    // A moment before the hour it still works.
    await resetPassword({ token, password: NEW_PASSWORD }, IP, justBefore);
    expect(await checkCredentials(user.email, NEW_PASSWORD, IP)).toMatchObject({ ok: true });
  });

  it("knows no made-up or malformed token, and spends no hash on one", async () => {
    expect(await findPasswordReset("not-a-token")).toBeNull();
    expect(await findPasswordReset("A".repeat(43))).toBeNull();
    await expect(resetPassword({ token: "A".repeat(43), password: NEW_PASSWORD }, IP)).rejects.toMatchObject({ status: "unknown" });
    await expect(resetPassword({ token: "../../etc", password: NEW_PASSWORD }, IP)).rejects.toThrow();
  });

  it("refuses a password the rules refuse, and leaves the link usable", async () => {
    const user = await person();
    const token = await requestToken(user.email);
    await expect(resetPassword({ token, password: "short" }, IP)).rejects.toThrow();
    await expect(resetPassword({ token, password: "x".repeat(201) }, IP)).rejects.toThrow();
    expect(await findPasswordReset(token)).toMatchObject({ status: "valid" });
  });

  it("lets the person sign in straight away from the same client, however many wrong passwords led them here", async () => {
    const user = await person();
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
    const now = new Date();
    await db.signInAttempt.createMany({
      data: Array.from({ length: 9 }, (_, i) => ({ email: user.email, ip, outcome: "FAILED" as const, createdAt: new Date(now.getTime() - 60_000 + i * 1000) })),
    });
    expect(await checkCredentials(user.email, OLD_PASSWORD, ip)).toMatchObject({ ok: false, reason: "throttled" });
    await resetPassword({ token: await requestToken(user.email), password: NEW_PASSWORD }, ip);
    expect(await checkCredentials(user.email, NEW_PASSWORD, ip)).toEqual({ ok: true, userId: user.id });
  });
});
