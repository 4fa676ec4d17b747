import "server-only";
import { z } from "zod";
import { writeAudit } from "./audit";
import { db } from "./db";
import { ActionError } from "./errors";
import { hashPassword, newPasswordRule } from "./password";
import { revokeAllSessions } from "./sessions";
import { waitInWords } from "./format";
import { checkCredentials } from "./sign-in";

/*
 * A person's own account: changing the password, and ending the sessions on their other devices. Both end
 * every other copy of the session cookie at once (lib/sessions.ts) and are audited in the same transaction.
 */

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: newPasswordRule,
    confirmPassword: z.string().max(200),
  })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], message: "Type the same new password again" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "Choose a password different from your current one" });

export class WrongCurrentPassword extends ActionError {}

/**
 * Checks the current password through the sign-in throttle (so a borrowed session cannot be used to guess
 * it quickly), sets the new one, and signs the person out everywhere but this browser.
 */
export async function changePassword(person: { id: string; email: string }, sessionId: string, ip: string, input: z.input<typeof changePasswordInput>, now = new Date()) {
  const { currentPassword, newPassword } = changePasswordInput.parse(input);
  const userId = person.id;
  const check = await checkCredentials(person.email, currentPassword, ip, now);
  if (!check.ok && check.reason === "throttled") throw new ActionError(`Too many wrong passwords. Wait ${waitInWords(check.retryAfterMs)} and try again.`);
  // A right password is right even where an organisation requires Microsoft or Google for signing in.
  const rightFor = check.ok || check.reason === "provider-required" ? check.userId : null;
  if (rightFor !== userId) throw new WrongCurrentPassword("Your current password is not right.");
  const passwordHash = await hashPassword(newPassword); // before the transaction: hashing is slow on purpose
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    const ended = await revokeAllSessions(tx, userId, now, sessionId);
    await writeAudit(tx, { actorId: userId, action: "user.password_changed", targetType: "User", targetId: userId, after: { sessionsEnded: ended } });
    return { ended };
  });
}

/** The person ends the sessions on their other devices (a phone left signed in at a conference). */
export async function signOutOtherSessions(userId: string, sessionId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const ended = await revokeAllSessions(tx, userId, now, sessionId);
    await writeAudit(tx, { actorId: userId, action: "user.signed_out_elsewhere", targetType: "User", targetId: userId, after: { sessionsEnded: ended } });
    return { ended };
  });
}

/** What the account page shows: the person's other open sessions. */
export async function listOtherSessions(userId: string, sessionId: string, now = new Date()) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, id: { not: sessionId } },
    select: { id: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/** How the person can sign in: whether they have a password, and the providers linked to the account. */
export async function signInMethodsOf(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, providerAccounts: { select: { provider: true, email: true, createdAt: true, lastSignInAt: true }, orderBy: { createdAt: "asc" } } },
  });
  return { hasPassword: user.passwordHash !== null, providers: user.providerAccounts };
}
