import "server-only";
import { db } from "./db";
import { verifyPassword } from "./password";

// Failed sign-ins are counted in the database, so every serverless instance sees the same numbers.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 10;

export type CredentialsCheck = { ok: true; userId: string } | { ok: false; reason: "wrong" | "throttled" };

/**
 * True when the account (by email, whether or not it exists) or the address has failed too often.
 * `pending` is this attempt's own row, already counted as a failure (see checkCredentials).
 */
export async function isSignInThrottled(email: string, ip: string, now = new Date(), pending = 0): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gt: since } } }),
    db.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gt: since } } }),
  ]);
  return byEmail - pending >= THROTTLE_MAX_FAILURES || byIp - pending >= THROTTLE_MAX_FAILURES;
}

/**
 * Checks an email and password. A wrong password and an unknown email are the same answer, in the
 * same time (the password is hashed either way); throttling is answered the same for both too.
 * The attempt is recorded as a failure before anything is checked, so a burst of concurrent
 * guesses counts in full instead of slipping past the count while the hashes run.
 */
export async function checkCredentials(email: string, password: string, ip: string): Promise<CredentialsCheck> {
  const attempt = await db.signInAttempt.create({ data: { email, ip, succeeded: false }, select: { id: true } });
  if (await isSignInThrottled(email, ip, new Date(), 1)) return { ok: false, reason: "throttled" };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const ok = (await verifyPassword(user?.passwordHash ?? null, password)) && !!user;
  if (!ok || !user) return { ok: false, reason: "wrong" };
  await db.signInAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  return { ok: true, userId: user.id };
}
