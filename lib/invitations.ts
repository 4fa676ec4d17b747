import "server-only";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { requireMember, type PermittedScope } from "./access";
import { db, type Tx } from "./db";
import { emailAddress } from "./email-address";
import { hashLinkToken, linkToken, newLinkToken } from "./link-token";
import type { MailStatus } from "./generated/prisma/enums";
import { enqueueMail } from "./mail/outbox";
import { newcomerRole } from "./permissions";
import { enrolRequired } from "./requirements/assign";

/*
 * Invitations: made, sent again and withdrawn by an organisation's Administrators, each written with its email
 * in one transaction, and accepted by a signed-in person whose address they are for. A new account is made only
 * through lib/sign-up.ts: an invitation's link is also shown to the Administrator who made it, so holding the
 * link proves nothing about the address.
 */

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;


export const createInvitationInput = z.object({ organisationId: z.uuid(), email: emailAddress });
export const withdrawInvitationInput = z.object({ organisationId: z.uuid(), invitationId: z.uuid() });
export const resendInvitationInput = withdrawInvitationInput;


/**
 * Invitation emails an organisation may send in an hour, and one invitation may be sent in a day: enough for
 * a school inviting its staff by hand, too few for anyone to use the school's name to send mail in bulk
 * (a staff list is imported instead).
 */
export const INVITATIONS_PER_HOUR = 100;
export const SENDS_PER_INVITATION_PER_DAY = 5;
const HOUR_MS = 60 * 60 * 1000;

/** Earlier invitation emails still waiting to go carry a link that no longer works: they are not sent. */
export async function cancelUnsentInvitationMail(tx: Tx, invitationIds: string[], reason: string) {
  if (!invitationIds.length) return;
  await tx.outboxMessage.updateMany({
    where: { invitationId: { in: invitationIds }, kind: "INVITATION", status: "PENDING" },
    data: { status: "CANCELLED", lastError: reason, secret: null },
  });
}

async function enqueueInvitationMail(tx: Tx, actorId: string, invitation: { id: string; organisationId: string; email: string; expiresAt: Date }, organisationName: string, token: string) {
  const inviter = await tx.user.findUnique({ where: { id: actorId }, select: { name: true } });
  return enqueueMail(tx, {
    kind: "INVITATION", to: invitation.email, userId: null, organisationId: invitation.organisationId, invitationId: invitation.id,
    payload: { organisationName, inviterName: inviter?.name ?? null, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() },
    secret: token,
  });
}

/**
 * Creates a pending invitation, writes its email in the same transaction, and returns its single-use token
 * (shown once to the Administrator, never stored) and the outbox id to send once committed. A newer
 * invitation to the same address replaces any pending one.
 */
export async function createInvitation(actorId: string, input: z.input<typeof createInvitationInput>, now = new Date()) {
  const { organisationId, email } = createInvitationInput.parse(input);
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  return db.$transaction(async (tx) => {
    const organisation = await requireMember(tx, actorId, organisationId, "colleagues.manage");
    const member = await tx.membership.findFirst({ where: { organisationId, user: { email } }, select: { id: true } });
    if (member) throw new ActionError(`${email} is already a member of ${organisation.name}.`);
    const sentLastHour = await tx.outboxMessage.count({ where: { organisationId, kind: "INVITATION", createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
    if (sentLastHour >= INVITATIONS_PER_HOUR) {
      throw new ActionError(`${organisation.name} has sent ${INVITATIONS_PER_HOUR} invitations in the last hour. Wait a while before sending more.`);
    }
    const pending = { organisationId, email, acceptedAt: null, withdrawnAt: null };
    const replacedIds = (await tx.invitation.findMany({ where: pending, select: { id: true } })).map((i) => i.id);
    const replaced = await tx.invitation.updateMany({ where: { ...pending, id: { in: replacedIds } }, data: { withdrawnAt: now } });
    await cancelUnsentInvitationMail(tx, replacedIds, "A newer invitation replaced this one.");
    const invitation = await tx.invitation.create({
      data: { organisationId, email, tokenHash: hashLinkToken(token), invitedById: actorId, createdAt: now, expiresAt },
      select: { id: true, organisationId: true, email: true, expiresAt: true },
    });
    const outboxId = await enqueueInvitationMail(tx, actorId, invitation, organisation.name, token);
    await writeAudit(tx, {
      actorId, action: "invitation.created", organisationId, targetType: "Invitation", targetId: invitation.id,
      after: { email, expiresAt: expiresAt.toISOString(), replacedPending: replaced.count },
    });
    return { invitationId: invitation.id, token, email, expiresAt, organisationName: organisation.name, outboxId };
  });
}

/**
 * Emails a pending invitation again with a new token: the earlier link stops working (it may have gone to
 * the wrong place, or been shown to someone), and the invitation runs for another 7 days from now.
 */
export async function resendInvitation(actorId: string, input: z.input<typeof resendInvitationInput>, now = new Date()) {
  const { organisationId, invitationId } = resendInvitationInput.parse(input);
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  return db.$transaction(async (tx) => {
    const organisation = await requireMember(tx, actorId, organisationId, "colleagues.manage");
    const where = { id: invitationId, organisationId, acceptedAt: null, withdrawnAt: null };
    const current = await tx.invitation.findFirst({ where, select: { email: true, expiresAt: true } });
    if (!current) throw new NotFoundError();
    // An expired one is not revived: inviting again checks the address is not a member by now.
    if (current.expiresAt <= now) throw new ActionError(`The invitation for ${current.email} has expired. Invite them again.`);
    // Conditional on still being pending and in date: one accepted or withdrawn a moment ago is not revived.
    // The row stays locked to the end, so two resends at once count one after the other below.
    const { count } = await tx.invitation.updateMany({ where: { ...where, expiresAt: { gt: now } }, data: { tokenHash: hashLinkToken(token), expiresAt } });
    if (count === 0) throw new NotFoundError();
    const sentToday = await tx.outboxMessage.count({ where: { invitationId, kind: "INVITATION", createdAt: { gt: new Date(now.getTime() - 24 * HOUR_MS) } } });
    if (sentToday >= SENDS_PER_INVITATION_PER_DAY) {
      throw new ActionError(`The invitation for ${current.email} has been sent ${SENDS_PER_INVITATION_PER_DAY} times today. Check the address with them, or send it again tomorrow.`);
    }
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId }, select: { id: true, organisationId: true, email: true, expiresAt: true } });
    await cancelUnsentInvitationMail(tx, [invitation.id], "Sent again with a new link.");
    const outboxId = await enqueueInvitationMail(tx, actorId, invitation, organisation.name, token);
    await writeAudit(tx, {
      actorId, action: "invitation.resent", organisationId, targetType: "Invitation", targetId: invitation.id,
      after: { email: invitation.email, expiresAt: expiresAt.toISOString() },
    });
    return { invitationId: invitation.id, token, email: invitation.email, expiresAt, outboxId };
  });
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function withdrawInvitation(actorId: string, input: z.input<typeof withdrawInvitationInput>, now = new Date()) {
  const { organisationId, invitationId } = withdrawInvitationInput.parse(input);
  return db.$transaction(async (tx) => {
    await requireMember(tx, actorId, organisationId, "colleagues.manage");
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, organisationId }, select: { id: true, email: true } });
    if (!invitation) throw new NotFoundError();
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, organisationId, acceptedAt: null, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    if (count === 0) throw new ActionError(`The invitation for ${invitation.email} has already been accepted or withdrawn.`);
    await cancelUnsentInvitationMail(tx, [invitation.id], "The invitation was withdrawn.");
    await writeAudit(tx, {
      actorId, action: "invitation.withdrawn", organisationId, targetType: "Invitation", targetId: invitation.id,
      before: { email: invitation.email },
    });
    return { message: `The invitation for ${invitation.email} has been withdrawn.` };
  });
}

export type InvitationEmail = { status: MailStatus; sentAt: Date | null; lastError: string | null; nextAttemptAt: Date; attempts: number };

/**
 * Invitations that can still be accepted, newest first, each with its latest invitation email (null for
 * one made before invitations were emailed): for the people who may invite.
 */
export async function listPendingInvitations(manager: PermittedScope<"colleagues.manage">, now = new Date()) {
  const invitations = await db.invitation.findMany({
    where: { organisationId: manager.organisationId, acceptedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  const messages = invitations.length
    ? await db.outboxMessage.findMany({
        where: { invitationId: { in: invitations.map((i) => i.id) }, kind: "INVITATION", organisationId: manager.organisationId },
        select: { invitationId: true, status: true, sentAt: true, lastError: true, nextAttemptAt: true, attempts: true },
        orderBy: [{ invitationId: "asc" }, { createdAt: "desc" }],
        distinct: ["invitationId"],
      })
    : [];
  const latest = new Map(messages.map(({ invitationId, ...message }) => [invitationId, message as InvitationEmail]));
  return invitations.map((invitation) => ({ ...invitation, lastEmail: latest.get(invitation.id) ?? null }));
}

export type InvitationStatus = "valid" | "expired" | "accepted" | "withdrawn";

export function statusOf(invitation: { acceptedAt: Date | null; withdrawnAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.withdrawnAt) return "withdrawn";
  return invitation.expiresAt <= now ? "expired" : "valid";
}

const refusals: Record<Exclude<InvitationStatus, "valid">, string> = {
  accepted: "This invitation has already been used. Sign in to reach your school.",
  withdrawn: "This invitation has been withdrawn. Ask your school's Administrator for a new one.",
  expired: "This invitation has expired. Ask your school's Administrator for a new one.",
};

/** Why an invitation that is not valid any more cannot be used, in the words the pages show. */
export function invitationRefusal(status: Exclude<InvitationStatus, "valid">): string {
  return refusals[status];
}

/** What the invitation page shows for a link: null when the token matches no invitation. */
export async function findInvitation(token: string, now = new Date()) {
  if (!linkToken.safeParse(token).success) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { email: true, expiresAt: true, acceptedAt: true, withdrawnAt: true, organisation: { select: { name: true } } },
  });
  if (!invitation) return null;
  // Deliberately not whether the address has an account: the page must not tell (see app/invite).
  return {
    email: invitation.email,
    organisationName: invitation.organisation.name,
    expiresAt: invitation.expiresAt,
    status: statusOf(invitation, now),
  };
}

/**
 * Marks the invitation used, in the caller's transaction, and returns it. The conditional update is
 * what makes a link single-use: of two people accepting at once, exactly one changes the row.
 */
// Exported for lib/sign-up.ts, the one other place an invitation is claimed.
export async function claimInvitation(tx: Tx, where: { tokenHash: string } | { id: string }, now: Date) {
  const invitation = await tx.invitation.findUnique({
    where,
    select: { id: true, email: true, organisationId: true, expiresAt: true, acceptedAt: true, withdrawnAt: true },
  });
  if (!invitation) throw new NotFoundError();
  const status = statusOf(invitation, now);
  if (status !== "valid") throw new ActionError(refusals[status]);
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  if (count === 0) throw new ActionError(refusals.accepted);
  return invitation;
}

export async function joinOrganisation(tx: Tx, user: { id: string; name: string; email: string }, invitation: { id: string; organisationId: string }) {
  // Already a member (joined another way since): keep the role they have.
  const membership = await tx.membership.upsert({
    where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisationId } },
    create: { userId: user.id, organisationId: invitation.organisationId, role: newcomerRole },
    update: {},
    select: { id: true, role: true },
  });
  await tx.user.update({ where: { id: user.id }, data: { currentOrganisationId: invitation.organisationId } });
  await writeAudit(tx, {
    actorId: user.id, action: "invitation.accepted", organisationId: invitation.organisationId, targetType: "Membership", targetId: membership.id,
    after: { userId: user.id, name: user.name, email: user.email, role: membership.role, invitationId: invitation.id },
  });
}

/** A signed-in person accepts an invitation addressed to their own, confirmed, email. */
export async function acceptInvitation(userId: string, token: string, now = new Date()): Promise<{ organisationId: string }> {
  if (!linkToken.safeParse(token).success) throw new NotFoundError();
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, emailVerifiedAt: true } });
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) }, select: { email: true } });
    if (!invitation) throw new NotFoundError();
    if (invitation.email !== user.email) {
      throw new ActionError(`This invitation is for ${invitation.email}. Sign out, then open the link again to accept it as that person.`);
    }
    // Only an account whose address was never proved (none made by this app has that) is stopped here.
    if (!user.emailVerifiedAt) {
      throw new ActionError(`Confirm your address first: ${user.email} has not been confirmed as yours. Ask Schoot support for help.`);
    }
    const claimed = await claimInvitation(tx, { tokenHash: hashLinkToken(token) }, now);
    await joinOrganisation(tx, user, claimed);
    return { organisationId: claimed.organisationId };
  });
  await enrolRequired({ userIds: [userId] }); // the school's required training, after the commit
  return result;
}
