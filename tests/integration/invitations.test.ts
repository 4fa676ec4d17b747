// Invitations on a real PostgreSQL: a hashed single-use token, 7 days' validity, withdrawal, and joining
// as a new account (through the link emailed to the address: tests/integration/invitations-email.test.ts has
// the emails themselves) or as an existing one.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", () => ({ getViewer: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { db } = await import("@/lib/db");
const { describeChange, listRecentChanges } = await import("@/lib/recent-changes");
const { checkCredentials } = await import("@/lib/sign-in");
const invitations = await import("@/lib/invitations");
const { acceptInvitation, createInvitation, findInvitation, INVITATION_LIFETIME_MS, listPendingInvitations, withdrawInvitation } = invitations;
const { completeSignUp, requestAddressConfirmation } = await import("@/lib/sign-up");
const { makeSchoolWithStaff } = await import("./colleague-fixtures");
const { permittedAs, unique } = await import("./helpers");
const { sendNow, waitForMailTo } = await import("./mail-helpers");

const newEmail = () => `${unique("invitee")}@new.example`;

/** Asks for the confirmation link as the invitation page does, and reads its token from the email that arrived. */
async function confirmationToken(invitationToken: string, email: string, now = new Date()): Promise<string> {
  const { outboxIds } = await requestAddressConfirmation(invitationToken, now);
  await sendNow(outboxIds);
  const mail = await waitForMailTo(email, /Confirm your email address/);
  return mail.links[0]!.split("/confirm-email/")[1]!;
}

/** The whole new-account path: the emailed link, then a name and a password. */
async function signUp(invitationToken: string, email: string, name: string, password = "a-good-long-password", now = new Date()) {
  return completeSignUp({ token: await confirmationToken(invitationToken, email, now), name, password }, now);
}

async function invite(email = newEmail(), now = new Date()) {
  const world = await makeSchoolWithStaff();
  const created = await createInvitation(world.admin.id, { organisationId: world.school.id, email }, now);
  return { ...world, ...created };
}

describe("creating an invitation", () => {
  it("stores only the SHA-256 of a random token, valid for 7 days, and audits it", async () => {
    const now = new Date("2026-11-20T09:00:00Z");
    const { school, admin, token, invitationId, email } = await invite(undefined, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    expect(row.invitedById).toBe(admin.id);
    expect((await listPendingInvitations(await permittedAs(school.id, "colleagues.manage"), now)).map((i) => i.email)).toEqual([email]);
    expect((await listRecentChanges(await permittedAs(school.id, "colleagues.manage"))).map(describeChange)).toEqual([`${admin.name} invited ${email}`]);
  });

  it("normalises the email, and a new invitation to the same address replaces the pending one", async () => {
    const email = newEmail();
    const { school, admin, token: first } = await invite(email.toUpperCase());
    const second = await createInvitation(admin.id, { organisationId: school.id, email: ` ${email} ` });
    expect(second.email).toBe(email);
    expect((await findInvitation(first))?.status).toBe("withdrawn");
    expect((await findInvitation(second.token))?.status).toBe("valid");
    expect(await listPendingInvitations(await permittedAs(school.id, "colleagues.manage"))).toHaveLength(1);
  });

  it("refuses to invite someone who is already a member", async () => {
    const { school, admin, member } = await makeSchoolWithStaff();
    await expect(createInvitation(admin.id, { organisationId: school.id, email: member.email })).rejects.toThrow(/already a member/);
  });
});

describe("an inviter who stops being an Administrator", () => {
  it("has their pending links withdrawn when demoted or removed, so no one can invite themselves back in", async () => {
    const { changeRole, removeColleague } = await import("@/lib/colleagues");
    const world = await makeSchoolWithStaff();
    const byAdmin = await createInvitation(world.admin.id, { organisationId: world.school.id, email: newEmail() });
    const bySecond = await createInvitation(world.secondAdmin.id, { organisationId: world.school.id, email: newEmail() });
    await changeRole(world.secondAdmin.id, { organisationId: world.school.id, membershipId: world.admin.membershipId, role: "MEMBER", confirm: "yes" });
    expect((await findInvitation(byAdmin.token))?.status).toBe("withdrawn");
    expect((await findInvitation(bySecond.token))?.status).toBe("valid");
    await changeRole(world.secondAdmin.id, { organisationId: world.school.id, membershipId: world.admin.membershipId, role: "ADMINISTRATOR", confirm: "yes" });
    await removeColleague(world.admin.id, { organisationId: world.school.id, membershipId: world.secondAdmin.membershipId });
    expect((await findInvitation(bySecond.token))?.status).toBe("withdrawn");
  });
});

describe("accepting with a new account", () => {
  it("creates the account with a confirmed address and an Argon2id password, joins as a Member, and signs in with that password", async () => {
    const { school, token, email } = await invite();
    await signUp(token, email, "  New Colleague ");
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, passwordHash: true, emailVerifiedAt: true, currentOrganisationId: true, memberships: true } });
    expect(user.name).toBe("New Colleague");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.currentOrganisationId).toBe(school.id);
    expect(user.memberships.map((m) => [m.organisationId, m.role])).toEqual([[school.id, "MEMBER"]]);
    expect((await checkCredentials(email, "a-good-long-password", unique("ip"))).ok).toBe(true);
    expect((await listRecentChanges(await permittedAs(school.id, "colleagues.manage"))).map(describeChange)[0]).toBe("New Colleague accepted an invitation and joined as a Member");
    expect((await findInvitation(token))?.status).toBe("accepted");
  });

  it("works once: the used invitation sends no more links, and the used confirmation link is refused", async () => {
    const { token, email } = await invite();
    const confirmation = await confirmationToken(token, email);
    await completeSignUp({ token: confirmation, name: "First", password: "a-good-long-password" });
    await expect(completeSignUp({ token: confirmation, name: "Second", password: "another-long-password" })).rejects.toThrow(/already been used/);
    await expect(requestAddressConfirmation(token)).rejects.toThrow(/already been used/);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("First");
  });

  it("works once even when the confirmation link is used twice at the same moment", async () => {
    const { school, token, email } = await invite();
    const confirmation = await confirmationToken(token, email);
    const results = await Promise.allSettled([
      completeSignUp({ token: confirmation, name: "One", password: "a-good-long-password" }),
      completeSignUp({ token: confirmation, name: "Two", password: "a-good-long-password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.auditLog.count({ where: { organisationId: school.id, action: "invitation.accepted" } })).toBe(1);
  });

  it("refuses an expired invitation (after 7 days) and creates nothing", async () => {
    const created = new Date("2026-01-01T12:00:00Z");
    const { token, email } = await invite(undefined, created);
    const justBefore = new Date(created.getTime() + INVITATION_LIFETIME_MS - 1);
    const justAfter = new Date(created.getTime() + INVITATION_LIFETIME_MS);
    expect((await findInvitation(token, justBefore))?.status).toBe("valid");
    expect((await findInvitation(token, justAfter))?.status).toBe("expired");
    await expect(requestAddressConfirmation(token, justAfter)).rejects.toThrow(/expired/);
    // A confirmation link asked for in time does not outlive the invitation.
    const confirmation = await confirmationToken(token, email, justBefore);
    await expect(completeSignUp({ token: confirmation, name: "Late", password: "a-good-long-password" }, justAfter)).rejects.toThrow(/expired/);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await listPendingInvitations(await permittedAs((await db.invitation.findFirstOrThrow({ where: { email } })).organisationId, "colleagues.manage"), justAfter)).toEqual([]);
  });

  it("refuses a withdrawn invitation, even with a confirmation link sent before it was withdrawn", async () => {
    const { school, admin, token, invitationId, email } = await invite();
    const confirmation = await confirmationToken(token, email);
    expect((await withdrawInvitation(admin.id, { organisationId: school.id, invitationId })).message).toMatch(/withdrawn/);
    await expect(requestAddressConfirmation(token)).rejects.toThrow(/withdrawn/);
    await expect(completeSignUp({ token: confirmation, name: "Too late", password: "a-good-long-password" })).rejects.toThrow(/withdrawn/);
    expect(await db.user.count({ where: { email } })).toBe(0);
    await expect(withdrawInvitation(admin.id, { organisationId: school.id, invitationId })).rejects.toThrow(/already been accepted or withdrawn/);
  });

  it("refuses to create a second account for an email that has one, leaving the invitation usable by signing in", async () => {
    const { school, admin, otherAdmin } = await makeSchoolWithStaff();
    const { token } = await createInvitation(admin.id, { organisationId: school.id, email: otherAdmin.email });
    const answer = await requestAddressConfirmation(token);
    expect(answer.message).toBe(`We have sent a link to ${otherAdmin.email}. Open it to choose your password.`);
    expect(await db.emailVerification.count({ where: { email: otherAdmin.email } })).toBe(0);
    const found = await findInvitation(token);
    expect(found).toMatchObject({ status: "valid" });
    // What the page is given says nothing about whether the address has an account.
    expect(Object.keys(found!).sort()).toEqual(["email", "expiresAt", "organisationName", "status"]);
    expect(await db.user.count({ where: { email: otherAdmin.email } })).toBe(1);
  });

  it("answers a token that matches nothing, or is malformed, as not found", async () => {
    expect(await findInvitation("A".repeat(43))).toBeNull();
    expect(await findInvitation("short")).toBeNull();
    await expect(requestAddressConfirmation("A".repeat(43))).rejects.toThrow(/Not found/);
    await expect(completeSignUp({ token: "A".repeat(43), name: "X", password: "a-good-long-password" })).rejects.toThrow(/not valid/);
  });
});

describe("accepting as a signed-in person", () => {
  it("joins the invited account to a second organisation as a Member, keeping the first", async () => {
    const { school, admin, otherSchool, otherAdmin } = await makeSchoolWithStaff();
    const { token } = await createInvitation(admin.id, { organisationId: school.id, email: otherAdmin.email });
    expect(await acceptInvitation(otherAdmin.id, token)).toEqual({ organisationId: school.id });
    const memberships = await db.membership.findMany({ where: { userId: otherAdmin.id }, select: { organisationId: true, role: true } });
    expect(memberships).toEqual(expect.arrayContaining([{ organisationId: school.id, role: "MEMBER" }, { organisationId: otherSchool.id, role: "ADMINISTRATOR" }]));
    expect((await db.user.findUniqueOrThrow({ where: { id: otherAdmin.id } })).currentOrganisationId).toBe(school.id);
    await expect(acceptInvitation(otherAdmin.id, token)).rejects.toThrow(/already been used/);
  });

  it("refuses an invitation addressed to someone else, and leaves it unused", async () => {
    const { token, member } = await invite();
    await expect(acceptInvitation(member.id, token)).rejects.toThrow(/This invitation is for/);
    expect((await findInvitation(token))?.status).toBe("valid");
  });

  it("refuses an account whose address was never confirmed, and leaves the invitation unused", async () => {
    const { token, email, school } = await invite();
    const unconfirmed = await db.user.create({ data: { email, name: "Not Confirmed", passwordHash: "not-a-hash", emailVerifiedAt: null } });
    await expect(acceptInvitation(unconfirmed.id, token)).rejects.toThrow(/Confirm your address first/);
    expect((await findInvitation(token))?.status).toBe("valid");
    expect(await db.membership.count({ where: { userId: unconfirmed.id, organisationId: school.id } })).toBe(0);
  });
});
