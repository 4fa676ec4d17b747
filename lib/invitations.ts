import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { requireMember, type PermittedScope } from "./access";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { hashPassword } from "./password";
import { newcomerRole } from "./permissions";
import { enrolRequired } from "./requirements/assign";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const email = z.string().trim().toLowerCase().pipe(z.email("Enter an email address, like name@school.org.uk").max(254));
/** A token is 32 random bytes, base64url: anything else cannot be one of ours. */
export const invitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const createInvitationInput = z.object({ organisationId: z.uuid(), email });
export const withdrawInvitationInput = z.object({ organisationId: z.uuid(), invitationId: z.uuid() });
export const newAccountInput = z.object({
  token: invitationToken,
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  password: z.string().min(10, "Use at least 10 characters").max(200, "Use at most 200 characters"),
});

/** Only the SHA-256 of a token is stored, so a copy of the database holds no usable link. */
export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a pending invitation and returns its single-use token, which is shown once to the
 * Administrator and never stored. A newer invitation to the same address replaces any pending one.
 */
export async function createInvitation(actorId: string, input: z.input<typeof createInvitationInput>, now = new Date()) {
  const { organisationId, email } = createInvitationInput.parse(input);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  return db.$transaction(async (tx) => {
    const organisation = await requireMember(tx, actorId, organisationId, "colleagues.manage");
    const member = await tx.membership.findFirst({ where: { organisationId, user: { email } }, select: { id: true } });
    if (member) throw new ActionError(`${email} is already a member of ${organisation.name}.`);
    const replaced = await tx.invitation.updateMany({
      where: { organisationId, email, acceptedAt: null, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    const invitation = await tx.invitation.create({
      data: { organisationId, email, tokenHash: hashInvitationToken(token), invitedById: actorId, createdAt: now, expiresAt },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId, action: "invitation.created", organisationId, targetType: "Invitation", targetId: invitation.id,
      after: { email, expiresAt: expiresAt.toISOString(), replacedPending: replaced.count },
    });
    return { invitationId: invitation.id, token, email, expiresAt, organisationName: organisation.name };
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
    await writeAudit(tx, {
      actorId, action: "invitation.withdrawn", organisationId, targetType: "Invitation", targetId: invitation.id,
      before: { email: invitation.email },
    });
    return { message: `The invitation for ${invitation.email} has been withdrawn.` };
  });
}

/** Invitations that can still be accepted, newest first: for the people who may invite. */
export async function listPendingInvitations(manager: PermittedScope<"colleagues.manage">, now = new Date()) {
  return db.invitation.findMany({
    where: { organisationId: manager.organisationId, acceptedAt: null, withdrawnAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export type InvitationStatus = "valid" | "expired" | "accepted" | "withdrawn";

function statusOf(invitation: { acceptedAt: Date | null; withdrawnAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.withdrawnAt) return "withdrawn";
  return invitation.expiresAt <= now ? "expired" : "valid";
}

const refusals: Record<Exclude<InvitationStatus, "valid">, string> = {
  accepted: "This invitation has already been used. Sign in to reach your school.",
  withdrawn: "This invitation has been withdrawn. Ask your school's Administrator for a new one.",
  expired: "This invitation has expired. Ask your school's Administrator for a new one.",
};

/** What the invitation page shows for a link: null when the token matches no invitation. */
export async function findInvitation(token: string, now = new Date()) {
  if (!invitationToken.safeParse(token).success) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
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
async function claimInvitation(tx: Prisma.TransactionClient, token: string, now: Date) {
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
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

async function joinOrganisation(tx: Prisma.TransactionClient, user: { id: string; name: string; email: string }, invitation: { id: string; organisationId: string }) {
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

/** A signed-in person accepts an invitation addressed to their own email. */
export async function acceptInvitation(userId: string, token: string, now = new Date()): Promise<{ organisationId: string }> {
  if (!invitationToken.safeParse(token).success) throw new NotFoundError();
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true } });
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: { email: true } });
    if (!invitation) throw new NotFoundError();
    if (invitation.email !== user.email) {
      throw new ActionError(`This invitation is for ${invitation.email}. Sign out, then open the link again to accept it as that person.`);
    }
    const claimed = await claimInvitation(tx, token, now);
    await joinOrganisation(tx, user, claimed);
    return { organisationId: claimed.organisationId };
  });
  await enrolRequired({ userIds: [userId] }); // the school's required training, after the commit
  return result;
}

/** A visitor holding the link sets their name and password: a new account that joins as a Member. */
export async function acceptInvitationWithNewAccount(input: z.input<typeof newAccountInput>, now = new Date()): Promise<{ email: string }> {
  const { token, name, password } = newAccountInput.parse(input);
  // A made-up token must not cost a 19 MiB hash: check it exists and is usable first (claimed again below).
  const pending = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: { expiresAt: true, acceptedAt: true, withdrawnAt: true } });
  if (!pending) throw new NotFoundError();
  const status = statusOf(pending, now);
  if (status !== "valid") throw new ActionError(refusals[status]);
  const passwordHash = await hashPassword(password); // before the transaction: hashing is slow on purpose
  try {
    const joined = await db.$transaction(async (tx) => {
      const claimed = await claimInvitation(tx, token, now);
      const existing = await tx.user.findUnique({ where: { email: claimed.email }, select: { id: true } });
      if (existing) throw new ActionError(`There is already an account for ${claimed.email}. Sign in to accept the invitation.`);
      const user = await tx.user.create({ data: { email: claimed.email, name, passwordHash }, select: { id: true, name: true, email: true } });
      await joinOrganisation(tx, user, claimed);
      return { id: user.id, email: user.email };
    });
    await enrolRequired({ userIds: [joined.id] }); // the school's required training, after the commit
    return { email: joined.email };
  } catch (error) {
    // Someone created the same account a moment ago: answer as if we had seen it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ActionError("There is already an account for this email. Sign in to accept the invitation.");
    }
    throw error;
  }
}
