// Sessions that can end (lib/sessions.ts, lib/console-people.ts): the cookie is only as good as its row.
import { describe, expect, it } from "vitest";
import { changePassword, signOutOtherSessions } from "@/lib/account";
import { findPersonForSupport, signOutEverywhereBySupport } from "@/lib/console-people";
import { db } from "@/lib/db";
import { createSession, revokeAllSessions, revokeSession, SESSION_LIFETIME_MS } from "@/lib/sessions";
import { hashPassword, verifyPassword } from "@/lib/password";
import { makeOrganisation, makeUser, unique } from "./helpers";

const open = (userId: string) => db.session.count({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } } });

describe("sessions", () => {
  it("opens a session per sign-in that lasts as long as the cookie, and signing out ends only that one", async () => {
    const person = await makeUser((await makeOrganisation()).id);
    const now = new Date();
    const phone = await createSession(person.id, now);
    const laptop = await createSession(person.id, now);
    expect(phone.expiresAt.getTime() - now.getTime()).toBe(SESSION_LIFETIME_MS);
    expect(await open(person.id)).toBe(2);
    await revokeSession(phone.id);
    expect(await open(person.id)).toBe(1);
    expect((await db.session.findUnique({ where: { id: laptop.id } }))!.revokedAt).toBeNull();
    await revokeSession("not-a-uuid"); // a forged cookie's id is ignored, not an error
  });

  it("ends every session of a person at once, and no one else's", async () => {
    const organisation = await makeOrganisation();
    const person = await makeUser(organisation.id);
    const colleague = await makeUser(organisation.id);
    await createSession(person.id);
    await createSession(person.id);
    await createSession(colleague.id);
    expect(await db.$transaction((tx) => revokeAllSessions(tx, person.id))).toBe(2);
    expect(await open(person.id)).toBe(0);
    expect(await open(colleague.id)).toBe(1);
  });

  it("removes a person's long-ended sessions when they sign in again", async () => {
    const person = await makeUser((await makeOrganisation()).id);
    const old = await createSession(person.id, new Date(Date.now() - 40 * 24 * 60 * 60 * 1000));
    await createSession(person.id);
    expect(await db.session.findUnique({ where: { id: old.id } })).toBeNull();
  });
});

describe("support's Sign out everywhere", () => {
  it("ends every session of the person with one audit row, in one transaction", async () => {
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    const person = await makeUser((await makeOrganisation()).id);
    await createSession(person.id);
    await createSession(person.id);
    const result = await signOutEverywhereBySupport(support.id, { userId: person.id });
    expect(result).toMatchObject({ ended: 2, email: person.email });
    expect(await open(person.id)).toBe(0);
    const audit = await db.auditLog.findMany({ where: { action: "user.signed_out_everywhere", targetId: person.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: support.id, targetType: "User", after: { email: person.email, sessionsEnded: 2 } });
    const found = await findPersonForSupport(support.id, ` ${person.email.toUpperCase()} `);
    expect(found?.sessions).toHaveLength(0);
  });

  it("answers anyone but support, and an unknown person, as not found, changing nothing", async () => {
    const organisation = await makeOrganisation();
    const admin = await makeUser(organisation.id, "ADMINISTRATOR");
    const person = await makeUser(organisation.id);
    await createSession(person.id);
    const audited = () => db.auditLog.count({ where: { OR: [{ targetId: person.id }, { actorId: admin.id }] } });
    const auditBefore = await audited();
    await expect(signOutEverywhereBySupport(admin.id, { userId: person.id })).rejects.toThrow(/Not found/);
    await expect(findPersonForSupport(admin.id, person.email)).rejects.toThrow(/Not found/);
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    await expect(signOutEverywhereBySupport(support.id, { userId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(/Not found/);
    expect(await findPersonForSupport(support.id, "nobody@nowhere.example")).toBeNull();
    expect(await findPersonForSupport(support.id, "not an email")).toBeNull();
    expect(await open(person.id)).toBe(1);
    expect(await audited()).toBe(auditBefore);
  });
});

describe("a person's own account", () => {
  it("changes the password only with the current one, and then ends every other session, audited", async () => {
    const person = await makeUser((await makeOrganisation()).id);
    await db.user.update({ where: { id: person.id }, data: { passwordHash: await hashPassword("old-password-1") } });
    const here = await createSession(person.id);
    const elsewhere = await createSession(person.id);
    const input = { currentPassword: "wrong-password", newPassword: "new-password-1", confirmPassword: "new-password-1" };
    await expect(changePassword(person, here.id, unique("ip"), input)).rejects.toThrow("Your current password is not right.");
    expect(await open(person.id)).toBe(2);

    const { ended } = await changePassword(person, here.id, unique("ip"), { ...input, currentPassword: "old-password-1" });
    expect(ended).toBe(1);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { passwordHash: true } });
    expect(await verifyPassword(passwordHash, "new-password-1")).toBe(true);
    expect((await db.session.findUniqueOrThrow({ where: { id: here.id } })).revokedAt).toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: elsewhere.id } })).revokedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.password_changed", targetId: person.id } })).toBe(1);
  });

  it("signs out everywhere else, keeping this browser", async () => {
    const person = await makeUser((await makeOrganisation()).id);
    const here = await createSession(person.id);
    await createSession(person.id);
    await createSession(person.id);
    expect(await signOutOtherSessions(person.id, here.id)).toEqual({ ended: 2 });
    expect(await open(person.id)).toBe(1);
  });
});
