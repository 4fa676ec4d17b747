import "server-only";
import { z } from "zod";
import { writeAudit } from "./audit";
import { db } from "./db";
import { emailAddress } from "./email-address";
import { hashLinkToken, linkToken, newLinkToken } from "./link-token";
import { ActionError } from "./errors";
import { enqueueMail } from "./mail/outbox";
import { hashPassword, newPasswordRule } from "./password";
import { revokeAllSessions } from "./sessions";

/*
 * "Forgot your password?" (issue 14). A link to the address is the proof: whoever can read the person's mail
 * may choose their password. So the link is single-use, lasts an hour, and only its SHA-256 is stored (a copy of
 * the database holds no usable link; the outbox keeps the token sealed until sent, then erases it).
 * Asking for a link answers the same whatever the address: an account or none, throttled or not. Using it signs
 * the person out everywhere, voids their other pending links, and counts as a successful sign-in from that
 * client for the sign-in throttle, so the failed tries that made them ask do not hold up the sign-in that follows.
 */

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
/** Reset emails to one address per RESET_LIFETIME_MS: enough for a lost first one, too few to flood an inbox. */
export const MAX_RESETS_PER_HOUR = 3;
/**
 * Reset emails asked for by one client address per RESET_LIFETIME_MS, to any addresses: a school's staff behind
 * one public address forget passwords now and then; a script trying a list of addresses sends a handful, not one
 * to every address of a school.
 */
export const MAX_RESETS_PER_CLIENT_PER_HOUR = 10;

export const forgotPasswordInput = z.object({ email: emailAddress });
export const resetPasswordInput = z.object({ token: linkToken, password: newPasswordRule });
/** The form's fields: the new password typed twice, as on the Account page. */
export const resetPasswordFormInput = resetPasswordInput
  .extend({ confirmPassword: z.string().max(200) })
  .refine((input) => input.confirmPassword === input.password, { path: ["confirmPassword"], message: "Type the same new password again" });


/**
 * Sends a reset link to the address if it has an account, at most MAX_RESETS_PER_HOUR an hour. Returns the
 * outbox ids for sendSoon (none when nothing was sent): the caller shows the same answer either way.
 */
export async function requestPasswordReset(address: string, ip: string, now = new Date()): Promise<string[]> {
  const { email: to } = forgotPasswordInput.parse({ email: address });
  const person = await db.user.findUnique({ where: { email: to }, select: { id: true } });
  if (!person) return [];
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  return db.$transaction(async (tx) => {
    // The person's row, locked: two requests at once count one after the other, so the cap holds.
    const [user] = await tx.$queryRaw<{ id: string; name: string; email: string }[]>`
      SELECT id, name, email FROM "User" WHERE id = ${person.id}::uuid FOR UPDATE`;
    if (!user) return [];
    const since = new Date(now.getTime() - RESET_LIFETIME_MS);
    const recent = await tx.passwordReset.count({ where: { userId: user.id, createdAt: { gt: since } } });
    if (recent >= MAX_RESETS_PER_HOUR) return [];
    // Not locked across people: two clients' requests at once may pass this count together, a few over at most.
    const fromClient = await tx.passwordReset.count({ where: { ip, createdAt: { gt: since } } });
    if (fromClient >= MAX_RESETS_PER_CLIENT_PER_HOUR) return [];
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, ip, tokenHash: hashLinkToken(token), createdAt: now, expiresAt },
      select: { id: true },
    });
    const id = await enqueueMail(tx, { kind: "PASSWORD_RESET", to: user.email, userId: user.id, payload: { name: user.name, email: user.email }, secret: token });
    // No actor: anyone may ask for a link to an address; the client address says where the asking came from.
    await writeAudit(tx, {
      actorId: null, action: "user.password_reset_requested", targetType: "User", targetId: user.id,
      after: { resetId: reset.id, expiresAt: expiresAt.toISOString(), ip },
    });
    return [id];
  });
}

export type ResetLinkStatus = "valid" | "expired" | "used";

function statusOf(reset: { usedAt: Date | null; expiresAt: Date }, now: Date): ResetLinkStatus {
  if (reset.usedAt) return "used";
  return reset.expiresAt <= now ? "expired" : "valid";
}

/** What the reset page shows for a link: null when the token matches no reset (or cannot be one). */
/** A link's state, and whether it is the person's first password (a staff list's welcome: no password yet). */
export async function findPasswordReset(token: string, now = new Date()): Promise<{ status: ResetLinkStatus; email: string; firstPassword: boolean } | null> {
  if (!linkToken.safeParse(token).success) return null;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, passwordHash: true } } },
  });
  return reset ? { status: statusOf(reset, now), email: reset.user.email, firstPassword: reset.user.passwordHash === null } : null;
}

const unusable: Record<Exclude<ResetLinkStatus, "valid"> | "unknown", string> = {
  used: "This link has already been used. Ask for a new one if you still need to change your password.",
  expired: "This link has expired. Ask for a new one.",
  unknown: "This link is not valid. Check that you copied all of it, or ask for a new one.",
};

/** The link cannot be used (any more): its message says so, and the page offers a new link. */
export class ResetLinkUnusable extends ActionError {
  constructor(readonly status: keyof typeof unusable) {
    super(unusable[status]);
  }
}

/**
 * Sets a new password with a reset link, once. Returns the address, for the caller to sign the person in.
 * `ip` is the client's (lib/auth's clientIp): the reset is recorded as a sign-in that succeeded from it.
 */
export async function resetPassword(input: z.input<typeof resetPasswordInput>, ip: string, now = new Date()): Promise<{ email: string; sessionsEnded: number }> {
  const { token, password } = resetPasswordInput.parse(input);
  const tokenHash = hashLinkToken(token);
  // Checked before hashing, so a made-up or spent token costs no slow hash; the claim below is what counts.
  const found = await db.passwordReset.findUnique({ where: { tokenHash }, select: { usedAt: true, expiresAt: true } });
  if (!found) throw new ResetLinkUnusable("unknown");
  const status = statusOf(found, now);
  if (status !== "valid") throw new ResetLinkUnusable(status);
  const passwordHash = await hashPassword(password); // before the transaction: hashing is slow on purpose
  return db.$transaction(async (tx) => {
    // The claim: of two submits at once, the second waits on the row and then finds usedAt set.
    const claimed = await tx.passwordReset.updateManyAndReturn({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { id: true, userId: true },
    });
    const reset = claimed[0];
    if (!reset) throw new ResetLinkUnusable("used");
    const userId = reset.userId;
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } });
    // The link reached the address, so the address is the person's.
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    const voided = await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    const sessionsEnded = await revokeAllSessions(tx, userId, now);
    // Whoever linked a Microsoft or Google account to this one loses it too: the owner, proven by the mailbox,
    // links theirs again by signing in with it.
    const providerLinksRemoved = (await tx.providerAccount.deleteMany({ where: { userId } })).count;
    // Proof of the address is proof enough for the sign-in throttle (lib/sign-in.ts): failures from this client
    // count from its last success, so the sign-in that follows is not held up by the tries that led here.
    await tx.signInAttempt.create({ data: { email: user.email, ip, outcome: "SUCCEEDED", createdAt: now }, select: { id: true } });
    await writeAudit(tx, {
      actorId: userId, action: "user.password_reset", targetType: "User", targetId: userId,
      after: { resetId: reset.id, sessionsEnded, otherLinksVoided: voided.count, providerLinksRemoved, ip },
    });
    return { email: user.email, sessionsEnded };
  });
}
