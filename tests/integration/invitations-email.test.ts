// Invitations by email on a real PostgreSQL and the local SMTP server: the invitation is emailed, a new account
// needs the link sent to the invited address (so an Administrator who sees an invitation link cannot plant an
// account for someone else's address), the same answer whether or not the address has an account, the
// confirmation link's single use and 24 hours, sending again with a new link, and the limit on confirmation emails.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", () => ({ getViewer: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { db } = await import("@/lib/db");
const { createInvitation, findInvitation, INVITATIONS_PER_HOUR, listPendingInvitations, resendInvitation, SENDS_PER_INVITATION_PER_DAY } = await import("@/lib/invitations");
const { completeSignUp, CONFIRMATIONS_PER_HOUR, findVerification, requestAddressConfirmation, VERIFICATION_LIFETIME_MS } = await import("@/lib/sign-up");
const { makeSchoolWithStaff } = await import("./colleague-fixtures");
const { makeOrganisation, makeUser, permittedAs, unique } = await import("./helpers");
const { mailTo, outboxFor, sendNow, waitForMailTo } = await import("./mail-helpers");

const APP_URL = process.env.APP_URL!;
const newEmail = () => `${unique("invitee")}@mail.example`;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** The token at the end of the one link a received email holds. */
function tokenOf(link: string, route: "invite" | "confirm-email"): string {
  const match = new RegExp(`^${APP_URL}/${route}/([A-Za-z0-9_-]{43})$`).exec(link);
  if (!match) throw new Error(`Not a /${route}/ link: ${link}`);
  return match[1]!;
}

/** What the invited person's mailbox says after the invitation page's button was pressed. */
async function requestAndRead(invitationToken: string, email: string, subject = /Confirm your email address/, now = new Date()) {
  const answer = await requestAddressConfirmation(invitationToken, now);
  await sendNow(answer.outboxIds);
  const mail = await waitForMailTo(email, subject);
  return { answer, mail };
}

describe("the invitation email", () => {
  it("is written with the invitation and sent with its link, and the pending list says it was sent", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const email = newEmail();
    const created = await createInvitation(admin.id, { organisationId: school.id, email });
    const [row] = await outboxFor(email);
    expect(row).toMatchObject({ id: created.outboxId, kind: "INVITATION", status: "PENDING", invitationId: created.invitationId, organisationId: school.id, userId: null });
    expect(row!.secret).not.toContain(created.token); // sealed until sent

    expect((await sendNow([created.outboxId])).sent).toBe(1);
    const mail = await waitForMailTo(email, new RegExp(`Join ${school.name} on Schoot`));
    expect(mail.links).toEqual([`${APP_URL}/invite/${created.token}`]);
    expect(mail.text).toContain(`${admin.name} has invited you to join ${school.name}`);
    expect(mail.text).toContain(`The invitation is for ${email}`);
    expect((await outboxFor(email))[0]).toMatchObject({ status: "SENT", secret: null });

    const [listed] = await listPendingInvitations(await permittedAs(school.id, "colleagues.manage"));
    expect(listed!.lastEmail).toMatchObject({ status: "SENT", lastError: null });
    expect(listed!.lastEmail!.sentAt).toBeInstanceOf(Date);
  });

  it("is not written when the invitation is refused and its transaction rolls back", async () => {
    const { school, admin, member } = await makeSchoolWithStaff();
    await expect(createInvitation(admin.id, { organisationId: school.id, email: member.email })).rejects.toThrow(/already a member/);
    const email = newEmail();
    await expect(createInvitation(member.id, { organisationId: school.id, email })).rejects.toThrow(/Only an Administrator/);
    expect(await outboxFor(member.email)).toEqual([]);
    expect(await outboxFor(email)).toEqual([]);
    expect(await db.invitation.count({ where: { email } })).toBe(0);
  });

  it("shows a failed or delayed email in the pending list, with its reason", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const created = await createInvitation(admin.id, { organisationId: school.id, email: newEmail() });
    const scope = await permittedAs(school.id, "colleagues.manage");
    expect((await listPendingInvitations(scope))[0]!.lastEmail).toMatchObject({ status: "PENDING", lastError: null });
    const retryAt = new Date(Date.now() + 5 * 60_000);
    await db.outboxMessage.update({ where: { id: created.outboxId }, data: { lastError: "421 Try again later", nextAttemptAt: retryAt, attempts: 1 } });
    expect((await listPendingInvitations(scope))[0]!.lastEmail).toMatchObject({ status: "PENDING", lastError: "421 Try again later", nextAttemptAt: retryAt });
    await db.outboxMessage.update({ where: { id: created.outboxId }, data: { status: "FAILED", lastError: "550 No such mailbox" } });
    expect((await listPendingInvitations(scope))[0]!.lastEmail).toMatchObject({ status: "FAILED", lastError: "550 No such mailbox" });
  });
});

describe("a new account needs the link emailed to the address", () => {
  it("gives the person holding the invitation link nothing but an answer: the token goes only by email, stored hashed", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const email = newEmail();
    const { token } = await createInvitation(admin.id, { organisationId: school.id, email });
    const answer = await requestAddressConfirmation(token);
    expect(Object.keys(answer).sort()).toEqual(["message", "outboxIds"]);
    expect(answer.message).toBe(`We have sent a link to ${email}. Open it to choose your password.`);
    // The invitation's own token is no way in.
    await expect(completeSignUp({ token, name: "Holder", password: "a-good-long-password" })).rejects.toThrow(/not valid/);

    await sendNow(answer.outboxIds);
    const mail = await waitForMailTo(email, new RegExp(`Confirm your email address to join ${school.name}`));
    const confirmation = tokenOf(mail.links[0]!, "confirm-email");
    expect(mail.links).toHaveLength(1);
    const verification = await db.emailVerification.findFirstOrThrow({ where: { email } });
    expect(verification.tokenHash).toBe(sha256(confirmation));
    expect(JSON.stringify(verification)).not.toContain(confirmation);
    expect(verification.expiresAt.getTime() - verification.createdAt.getTime()).toBe(VERIFICATION_LIFETIME_MS);
    expect((await outboxFor(email)).map((m) => [m.kind, m.status, m.secret])).toEqual([["INVITATION", "PENDING", expect.any(String)], ["EMAIL_VERIFICATION", "SENT", null]]);
    expect(await db.user.count({ where: { email } })).toBe(0);

    // Opening the page changes nothing (mail scanners open links): the link still works after.
    expect(await findVerification(confirmation)).toEqual({ email, organisationName: school.name, status: "valid", refusal: null });
    expect(await findVerification(confirmation)).toMatchObject({ status: "valid" });
    await completeSignUp({ token: confirmation, name: "Invited Person", password: "a-good-long-password" });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await findVerification(confirmation)).toMatchObject({ status: "used", refusal: expect.stringMatching(/already been used/) });
    expect(await findVerification("A".repeat(43))).toBeNull();
  });

  it("the squatting sequence fails at every step: only the invited person's mailbox gets the link, and they join the school they choose", async () => {
    // School A (Riverside-like) invites an address of school B's.
    const schoolA = await makeOrganisation({ name: unique("Riverside-like") });
    const adminA = await makeUser(schoolA.id, "ADMINISTRATOR");
    const schoolB = await makeOrganisation({ name: unique("Hillcrest-like") });
    const adminB = await makeUser(schoolB.id, "ADMINISTRATOR");
    const x = `${unique("new.deputy")}@hillcrest-like.example`;
    const fromA = await createInvitation(adminA.id, { organisationId: schoolA.id, email: x });

    // A's Administrator, who saw the link, opens it signed out and asks to make the account.
    const { answer: askedByA, mail: linkFromA } = await requestAndRead(fromA.token, x, new RegExp(`to join ${schoolA.name}`));
    expect(askedByA.message).toBe(`We have sent a link to ${x}. Open it to choose your password.`);
    expect(linkFromA.to).toContain(x);
    expect(await mailTo(adminA.email)).toEqual([]); // the link went to x alone
    expect(await db.user.count({ where: { email: x } })).toBe(0); // no account was made

    // School B invites its real deputy, who opens B's email and asks for the link.
    const fromB = await createInvitation(adminB.id, { organisationId: schoolB.id, email: x });
    await sendNow([fromB.outboxId]);
    const invitationMail = await waitForMailTo(x, new RegExp(`Join ${schoolB.name} on Schoot`));
    const invitationToken = tokenOf(invitationMail.links[0]!, "invite");
    const { answer: askedByX, mail: linkFromB } = await requestAndRead(invitationToken, x, new RegExp(`to join ${schoolB.name}`));
    expect(askedByX.message).toBe(askedByA.message);

    // x confirms from B's email and sets the password: the account is B's only.
    const account = await completeSignUp({ token: tokenOf(linkFromB.links[0]!, "confirm-email"), name: "Real Deputy", password: "the-deputys-own-password" });
    expect(account.email).toBe(x);
    const user = await db.user.findUniqueOrThrow({ where: { email: x }, select: { id: true, memberships: { select: { organisationId: true, role: true } } } });
    expect(user.memberships).toEqual([{ organisationId: schoolB.id, role: "MEMBER" }]);

    // A's confirmation link is now no way into A: the address has an account, which must sign in to accept.
    await expect(completeSignUp({ token: tokenOf(linkFromA.links[0]!, "confirm-email"), name: "Planted", password: "a-good-long-password" })).rejects.toThrow(`There is already an account for ${x}`);
    expect((await findInvitation(fromA.token))?.status).toBe("valid");

    // Asked again on A's link, the page's answer is the same as when no account existed; x's mailbox is told to sign in.
    const { answer: askedAgain, mail: existsMail } = await requestAndRead(fromA.token, x, /You already have a Schoot account/);
    expect(askedAgain.message).toBe(askedByA.message);
    expect(existsMail.links).toEqual([`${APP_URL}/sign-in?callbackUrl=${encodeURIComponent(`/invite/${fromA.token}`)}`]);
    expect(await db.emailVerification.count({ where: { email: x } })).toBe(2); // none for the account that exists
    expect(await mailTo(adminA.email)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { email: x }, select: { memberships: { select: { organisationId: true } } } })).memberships).toEqual([{ organisationId: schoolB.id }]);
  });

  it("answers an address that already has an account exactly as one that has none, and emails it ACCOUNT_EXISTS instead of a link", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const existing = await makeUser();
    const fresh = newEmail();
    const toExisting = await createInvitation(admin.id, { organisationId: school.id, email: existing.email });
    const toFresh = await createInvitation(admin.id, { organisationId: school.id, email: fresh });
    const a = await requestAddressConfirmation(toExisting.token);
    const b = await requestAddressConfirmation(toFresh.token);
    expect(a.message.replace(existing.email, "ADDRESS")).toBe(b.message.replace(fresh, "ADDRESS"));
    expect([a.outboxIds.length, b.outboxIds.length]).toEqual([1, 1]);
    const kinds = await db.outboxMessage.findMany({ where: { id: { in: [...a.outboxIds, ...b.outboxIds] } }, select: { to: true, kind: true } });
    expect(kinds).toEqual(expect.arrayContaining([{ to: existing.email, kind: "ACCOUNT_EXISTS" }, { to: fresh, kind: "EMAIL_VERIFICATION" }]));
    await sendNow(a.outboxIds);
    const mail = await waitForMailTo(existing.email, /You already have a Schoot account/);
    expect(mail.text).toContain(`join ${school.name}`);
    // What an Administrator of the school can read says nothing of it.
    const { listRecentChanges } = await import("@/lib/recent-changes");
    expect(JSON.stringify(await listRecentChanges(await permittedAs(school.id, "colleagues.manage")))).not.toContain("existingAccount");
  });
});

describe("the confirmation link", () => {
  it("works for 24 hours", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const email = newEmail();
    const now = new Date();
    const { token } = await createInvitation(admin.id, { organisationId: school.id, email }, now);
    const { mail } = await requestAndRead(token, email, /Confirm your email address/, now);
    const confirmation = tokenOf(mail.links[0]!, "confirm-email");
    const expiry = new Date(now.getTime() + VERIFICATION_LIFETIME_MS);
    expect(await findVerification(confirmation, new Date(expiry.getTime() - 1))).toMatchObject({ status: "valid", refusal: null });
    expect(await findVerification(confirmation, expiry)).toMatchObject({ status: "expired", refusal: expect.stringMatching(/expired.*Open the invitation again/) });
    await expect(completeSignUp({ token: confirmation, name: "Late", password: "a-good-long-password" }, expiry)).rejects.toThrow(/expired/);
    expect(await db.user.count({ where: { email } })).toBe(0);
    // A new link can be asked for on the invitation, and works.
    const { mail: second } = await requestAndRead(token, email, /Confirm your email address/, expiry);
    expect(second.links[0]).not.toBe(mail.links[0]);
    await completeSignUp({ token: tokenOf(second.links[0]!, "confirm-email"), name: "On Time", password: "a-good-long-password" }, expiry);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("On Time");
  });

  it("works once", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const email = newEmail();
    const { token } = await createInvitation(admin.id, { organisationId: school.id, email });
    const { mail } = await requestAndRead(token, email);
    const confirmation = tokenOf(mail.links[0]!, "confirm-email");
    await completeSignUp({ token: confirmation, name: "Once", password: "a-good-long-password" });
    await expect(completeSignUp({ token: confirmation, name: "Twice", password: "a-good-long-password" })).rejects.toThrow(/already been used/);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("is sent at most 3 times an hour for one invitation; beyond that the answer is the same and nothing is sent", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const email = newEmail();
    const { token, invitationId } = await createInvitation(admin.id, { organisationId: school.id, email });
    const answers = [];
    for (let i = 0; i < CONFIRMATIONS_PER_HOUR + 2; i++) answers.push(await requestAddressConfirmation(token));
    expect(CONFIRMATIONS_PER_HOUR).toBe(3);
    expect(new Set(answers.map((a) => a.message)).size).toBe(1);
    expect(answers.map((a) => a.outboxIds.length)).toEqual([1, 1, 1, 0, 0]);
    const confirmations = () => db.outboxMessage.count({ where: { invitationId, kind: { in: ["EMAIL_VERIFICATION", "ACCOUNT_EXISTS"] } } });
    expect(await confirmations()).toBe(3);
    // Even when asked for at the same moment.
    const burst = await Promise.all([1, 2, 3].map(() => requestAddressConfirmation(token)));
    expect(burst.flatMap((a) => a.outboxIds)).toEqual([]);
    // An hour later, one more may go.
    const later = await requestAddressConfirmation(token, new Date(Date.now() + 61 * 60_000));
    expect(later.outboxIds).toHaveLength(1);
    expect(await confirmations()).toBe(4);
  });
});

describe("sending an invitation again", () => {
  it("emails a new link, the old one stops working, and an unsent earlier email is not sent", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const email = newEmail();
    const first = await createInvitation(admin.id, { organisationId: school.id, email });
    const later = new Date(Date.now() + 3 * 24 * 60 * 60_000);
    const again = await resendInvitation(admin.id, { organisationId: school.id, invitationId: first.invitationId }, later);
    expect(again.invitationId).toBe(first.invitationId);
    expect(again.token).not.toBe(first.token);
    expect(again.expiresAt.getTime()).toBe(later.getTime() + 7 * 24 * 60 * 60_000);
    expect(await findInvitation(first.token)).toBeNull();
    expect(await findInvitation(again.token)).toMatchObject({ status: "valid", email });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.invitationId } })).tokenHash).toBe(sha256(again.token));

    expect((await outboxFor(email)).map((m) => [m.id, m.status])).toEqual([[first.outboxId, "CANCELLED"], [again.outboxId, "PENDING"]]);
    expect((await sendNow([first.outboxId, again.outboxId])).sent).toBe(1);
    const mail = await waitForMailTo(email, /Join .* on Schoot/);
    expect(mail.links).toEqual([`${APP_URL}/invite/${again.token}`]);
    expect(await mailTo(email)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "invitation.resent", targetId: first.invitationId, actorId: admin.id } })).toBe(1);
    const [listed] = await listPendingInvitations(await permittedAs(school.id, "colleagues.manage"));
    expect(listed).toMatchObject({ id: first.invitationId, lastEmail: { status: "SENT" } });
  });

  it("answers another organisation's invitation, or one no longer pending, as not found", async () => {
    const { school, admin, otherSchool, otherAdmin } = await makeSchoolWithStaff();
    const theirs = await createInvitation(otherAdmin.id, { organisationId: otherSchool.id, email: newEmail() });
    await expect(resendInvitation(admin.id, { organisationId: school.id, invitationId: theirs.invitationId })).rejects.toThrow(/Not found/);
    await expect(resendInvitation(admin.id, { organisationId: otherSchool.id, invitationId: theirs.invitationId })).rejects.toThrow(/Not found/);
    expect(await findInvitation(theirs.token)).toMatchObject({ status: "valid" });
    expect(await outboxFor(theirs.email)).toHaveLength(1);

    const { withdrawInvitation } = await import("@/lib/invitations");
    const ours = await createInvitation(admin.id, { organisationId: school.id, email: newEmail() });
    await withdrawInvitation(admin.id, { organisationId: school.id, invitationId: ours.invitationId });
    await expect(resendInvitation(admin.id, { organisationId: school.id, invitationId: ours.invitationId })).rejects.toThrow(/Not found/);
    expect((await outboxFor(ours.email)).map((m) => m.status)).toEqual(["CANCELLED"]); // the withdrawn link is not emailed
  });

  it("is refused to a Member, and changes nothing", async () => {
    const { school, admin, member } = await makeSchoolWithStaff();
    const created = await createInvitation(admin.id, { organisationId: school.id, email: newEmail() });
    await expect(resendInvitation(member.id, { organisationId: school.id, invitationId: created.invitationId })).rejects.toThrow(/Only an Administrator/);
    expect(await findInvitation(created.token)).toMatchObject({ status: "valid" });
    expect(await outboxFor(created.email)).toHaveLength(1);
  });

  it("does not revive an expired invitation: the Administrator is told to invite again", async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const created = await createInvitation(admin.id, { organisationId: school.id, email: newEmail() });
    const afterExpiry = new Date(Date.now() + 8 * 24 * 60 * 60_000);
    await expect(resendInvitation(admin.id, { organisationId: school.id, invitationId: created.invitationId }, afterExpiry)).rejects.toThrow(/has expired\. Invite them again/);
    expect(await outboxFor(created.email)).toHaveLength(1);
  });

  it(`sends one invitation at most ${SENDS_PER_INVITATION_PER_DAY} times a day, even when asked at once`, async () => {
    const { school, admin } = await makeSchoolWithStaff();
    const created = await createInvitation(admin.id, { organisationId: school.id, email: newEmail() });
    const input = { organisationId: school.id, invitationId: created.invitationId };
    const results = await Promise.allSettled(Array.from({ length: SENDS_PER_INVITATION_PER_DAY + 2 }, () => resendInvitation(admin.id, input)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(SENDS_PER_INVITATION_PER_DAY - 1); // the first send counts
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual(
      Array.from({ length: 3 }, () => expect.stringMatching(/has been sent 5 times today/)),
    );
    expect(await outboxFor(created.email)).toHaveLength(SENDS_PER_INVITATION_PER_DAY);
  });
});

describe("how many invitations an organisation may send", () => {
  it(`stops at ${INVITATIONS_PER_HOUR} in an hour, with a message saying so, and writes nothing`, async () => {
    const { school, admin } = await makeSchoolWithStaff();
    // As if the school had just sent its hundredth invitation.
    await db.outboxMessage.createMany({
      data: Array.from({ length: INVITATIONS_PER_HOUR }, (_, i) => ({ kind: "INVITATION" as const, to: `bulk-${i}@mail.example`, organisationId: school.id, payload: {}, status: "SENT" as const })),
    });
    const email = newEmail();
    await expect(createInvitation(admin.id, { organisationId: school.id, email })).rejects.toThrow(`has sent ${INVITATIONS_PER_HOUR} invitations in the last hour`);
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    // An hour on, it may send again.
    await expect(createInvitation(admin.id, { organisationId: school.id, email }, new Date(Date.now() + 61 * 60_000))).resolves.toMatchObject({ email });
  });
});
