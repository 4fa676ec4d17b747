import "server-only";
import { z } from "zod";
import { writeAudit } from "./audit";
import { db } from "./db";
import { ActionError, NotFoundError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import { claimInvitation, invitationRefusal, joinOrganisation, statusOf } from "./invitations";
import { hashLinkToken, linkToken, newLinkToken } from "./link-token";
import { enqueueMail } from "./mail/outbox";
import { hashPassword, newPasswordRule } from "./password";
import { enrolRequired } from "./requirements/assign";

/*
 * The only way to a new account: proving the address. An invitation's link is emailed to the invitee and also
 * shown to the Administrator who made it, so holding the link proves nothing about the address. A visitor with
 * the link can only ask for a second link to be sent to the invited address (requestAddressConfirmation);
 * whoever opens that one has shown the address is theirs and may choose a password (completeSignUp). An address
 * that already has an account is told so by email, never on a page: no page tells an Administrator, or anyone
 * else, whether an address has an account.
 */

export const VERIFICATION_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Confirmation emails (a link, or "you already have an account") per invitation per hour; more are not sent. */
export const CONFIRMATIONS_PER_HOUR = 3;
export const completeSignUpInput = z.object({
  token: linkToken,
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  password: newPasswordRule,
});

/** The one answer to a confirmation request, whatever happened: it must not tell whether the address has an account. */
export const confirmationSentMessage = (address: string) => `We have sent a link to ${address}. Open it to choose your password.`;

/**
 * A visitor holding an invitation link asks to make an account. Nothing is decided here that the visitor
 * could see: a link to choose a password goes to the invited address (or, if it has an account already, an
 * email saying so), at most CONFIRMATIONS_PER_HOUR an hour per invitation, and the answer is always the same.
 */
export async function requestAddressConfirmation(token: string, now = new Date()): Promise<{ message: string; outboxIds: string[] }> {
  if (!linkToken.safeParse(token).success) throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const found = await tx.invitation.findUnique({
      where: { tokenHash: hashLinkToken(token) },
      select: { id: true, email: true, organisationId: true, expiresAt: true, acceptedAt: true, withdrawnAt: true, organisation: { select: { name: true } } },
    });
    if (!found) throw new NotFoundError();
    const status = statusOf(found, now);
    if (status !== "valid") throw new ActionError(invitationRefusal(status));
    // One request at a time per invitation, so two at once cannot both pass the count below.
    await tx.$queryRaw`SELECT id FROM "Invitation" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const answer = { message: confirmationSentMessage(found.email), outboxIds: [] as string[] };
    const recent = await tx.outboxMessage.count({
      where: { invitationId: found.id, kind: { in: ["EMAIL_VERIFICATION", "ACCOUNT_EXISTS"] }, createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
    });
    if (recent >= CONFIRMATIONS_PER_HOUR) return answer;

    const payload = { organisationName: found.organisation.name, email: found.email };
    const mail = { to: found.email, userId: null, organisationId: found.organisationId, invitationId: found.id, payload };
    const existing = await tx.user.findUnique({ where: { email: found.email }, select: { id: true } });
    let outboxId: string;
    if (existing) {
      outboxId = await enqueueMail(tx, { ...mail, kind: "ACCOUNT_EXISTS", secret: token });
    } else {
      const secret = newLinkToken();
      await tx.emailVerification.create({
        data: { invitationId: found.id, email: found.email, tokenHash: hashLinkToken(secret), createdAt: now, expiresAt: new Date(now.getTime() + VERIFICATION_LIFETIME_MS) },
        select: { id: true },
      });
      outboxId = await enqueueMail(tx, { ...mail, kind: "EMAIL_VERIFICATION", secret });
    }
    // Read by no page: "Recent changes" leaves it out, so no school learns from it whether the address has an account.
    await writeAudit(tx, {
      actorId: null, action: "invitation.confirmation_requested", organisationId: found.organisationId, targetType: "Invitation", targetId: found.id,
      after: { email: found.email, existingAccount: Boolean(existing) },
    });
    return { ...answer, outboxIds: [outboxId] };
  });
}

export type VerificationStatus = "valid" | "expired" | "used";

const verificationRefusals: Record<Exclude<VerificationStatus, "valid">, string> = {
  used: "This link has already been used. If you chose your password then, sign in. If not, open the invitation again to get a new link.",
  expired: "This link has expired: it works for 24 hours. Open the invitation again to get a new link.",
};
export const unknownVerificationMessage = "This link is not valid. Check that you copied all of it, or open the invitation again to get a new link.";

function verificationStatusOf(verification: { usedAt: Date | null; expiresAt: Date }, now: Date): VerificationStatus {
  if (verification.usedAt) return "used";
  return verification.expiresAt <= now ? "expired" : "valid";
}

/** What the confirmation page shows for a link: null when the token matches nothing. Reading changes nothing. */
export async function findVerification(token: string, now = new Date()) {
  if (!linkToken.safeParse(token).success) return null;
  const verification = await db.emailVerification.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { email: true, expiresAt: true, usedAt: true, invitation: { select: { expiresAt: true, acceptedAt: true, withdrawnAt: true, organisation: { select: { name: true } } } } },
  });
  if (!verification) return null;
  const status = verificationStatusOf(verification, now);
  const invitationStatus = statusOf(verification.invitation, now);
  return {
    email: verification.email,
    organisationName: verification.invitation.organisation.name,
    status,
    /** Why the form is not offered, or null when it is. */
    refusal: status !== "valid" ? verificationRefusals[status] : invitationStatus !== "valid" ? invitationRefusal(invitationStatus) : null,
  };
}

/**
 * The person who opened the emailed link chooses a name and password: the account is made with its address
 * confirmed, and joins the invitation's organisation as a Member. The verification and the invitation are
 * each claimed by a conditional update in the one transaction: a link works once, even used twice at once.
 */
export async function completeSignUp(input: z.input<typeof completeSignUpInput>, now = new Date()): Promise<{ email: string }> {
  const { token, name, password } = completeSignUpInput.parse(input);
  const tokenHash = hashLinkToken(token);
  // A made-up token must not cost a 19 MiB hash: check it exists and is usable first (claimed again below).
  const pending = await db.emailVerification.findUnique({ where: { tokenHash }, select: { usedAt: true, expiresAt: true } });
  if (!pending) throw new ActionError(unknownVerificationMessage);
  const status = verificationStatusOf(pending, now);
  if (status !== "valid") throw new ActionError(verificationRefusals[status]);
  const passwordHash = await hashPassword(password); // before the transaction: hashing is slow on purpose
  try {
    const joined = await db.$transaction(async (tx) => {
      const verification = await tx.emailVerification.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, email: true, invitationId: true } });
      const { count } = await tx.emailVerification.updateMany({ where: { id: verification.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (count === 0) throw new ActionError(verificationRefusals.used);
      const claimed = await claimInvitation(tx, { id: verification.invitationId }, now);
      if (claimed.email !== verification.email) throw new NotFoundError(); // cannot happen: both are written together
      const existing = await tx.user.findUnique({ where: { email: claimed.email }, select: { id: true } });
      if (existing) throw new ActionError(`There is already an account for ${claimed.email}. Sign in to accept the invitation.`);
      const user = await tx.user.create({
        data: { email: claimed.email, name, passwordHash, emailVerifiedAt: now },
        select: { id: true, name: true, email: true },
      });
      await writeAudit(tx, { actorId: user.id, action: "user.created", targetType: "User", targetId: user.id, after: { email: user.email, name: user.name, emailVerified: true } });
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
