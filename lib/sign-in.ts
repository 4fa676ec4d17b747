import "server-only";
import { db } from "./db";
import { verifyPassword } from "./password";
import { passwordRefusal } from "./sso";

/*
 * Sign-in throttling that slows an attacker without shutting out the owner. Failures are counted in the
 * database (every instance sees the same numbers) per (address, client) and per client, never per address
 * alone: ten wrong passwords from elsewhere do not stop the owner signing in from their own device.
 * Past a few free failures each further try must wait longer (15 s, 30 s, 1 min… up to 15 min) after the
 * last failure; a refused try is recorded as THROTTLED, not as a failure, so it never extends the wait.
 * A try counts as failed only once its password has been checked, so fifty staff of one school signing
 * in at 8:30 from one public address all get in; bursts are held back by counting tries still being checked:
 * a few at a time for one account from one client, and 100 at a time from one client for any accounts (so a
 * burst spraying one password across many addresses is checked 100 at most before its failures count).
 * The wait for a client as a whole is short (a minute at most) and does not apply to an address that has
 * signed in from that client before: someone behind a school's shared address who fails on purpose can slow
 * strangers there, but not shut out the staff who sign in from it every day.
 */
export const THROTTLE = {
  /** Failures older than this are forgotten. */
  windowMs: 60 * 60 * 1000,
  /** Wrong passwords for one address from one client before any wait (typos, a forgotten caps lock). */
  freeAccountFailures: 5,
  /** Wrong passwords from one client, for any addresses (a school's staff behind one public address). */
  freeClientFailures: 50,
  firstDelayMs: 15_000,
  maxDelayMs: 15 * 60 * 1000,
  /** Tries for one (address, client) being checked at once; more are refused until these finish. */
  maxInFlight: 3,
  /** Tries from one client being checked at once, for any addresses. */
  maxClientInFlight: 100,
  /** The longest wait for a client as a whole. */
  maxClientDelayMs: 60_000,
  /** An address that signed in from a client this recently is not held up by that client's other failures. */
  knownGoodMs: 90 * 24 * 60 * 60 * 1000,
  /** A try still PENDING after this crashed mid-check and is ignored. */
  pendingStaleMs: 60_000,
} as const;

export type CredentialsCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; retryAfterMs: number }
  /** The password was right, but an organisation of the person's requires Microsoft or Google: `message` says which. */
  | { ok: false; reason: "provider-required"; message: string; userId: string };

/** How long to wait after the last failure, given how many there have been: 0 while they are free. */
export function delayAfter(failures: number, free: number, max: number = THROTTLE.maxDelayMs): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** Math.min(failures - free, 20), max);
}

type Counts = {
  accountFailures: number;
  accountLastFailure: Date | null;
  clientFailures: number;
  clientLastFailure: Date | null;
  inFlight: number;
  clientInFlight: number;
  knownGood: boolean;
};

async function countTries(email: string, ip: string, attemptId: bigint, now: Date): Promise<Counts> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const staleBefore = new Date(now.getTime() - THROTTLE.pendingStaleMs);
  const knownGoodSince = new Date(now.getTime() - THROTTLE.knownGoodMs);
  // One round trip. Failures for the account count from its last success from this client, so the
  // owner's own sign-in clears their typos.
  const [row] = await db.$queryRaw<Counts[]>`
    WITH mine AS (
      SELECT id, outcome, "createdAt" FROM "SignInAttempt"
      WHERE email = ${email} AND ip = ${ip} AND "createdAt" > ${since}
    ), cleared AS (
      SELECT coalesce(max("createdAt"), ${since}) AS at FROM mine WHERE outcome = 'SUCCEEDED'
    ), client AS (
      SELECT "createdAt" FROM "SignInAttempt"
      WHERE ip = ${ip} AND outcome = 'FAILED' AND "createdAt" > ${since}
    )
    SELECT
      (SELECT count(*) FROM mine, cleared WHERE mine.outcome = 'FAILED' AND mine."createdAt" > cleared.at)::int AS "accountFailures",
      (SELECT max(mine."createdAt") FROM mine, cleared WHERE mine.outcome = 'FAILED' AND mine."createdAt" > cleared.at) AS "accountLastFailure",
      (SELECT count(*) FROM client)::int AS "clientFailures",
      (SELECT max("createdAt") FROM client) AS "clientLastFailure",
      (SELECT count(*) FROM mine WHERE outcome = 'PENDING' AND id < ${attemptId} AND "createdAt" > ${staleBefore})::int AS "inFlight",
      (SELECT count(*) FROM "SignInAttempt"
        WHERE ip = ${ip} AND outcome = 'PENDING' AND id < ${attemptId} AND "createdAt" > ${staleBefore})::int AS "clientInFlight",
      EXISTS (SELECT 1 FROM "SignInAttempt"
        WHERE email = ${email} AND ip = ${ip} AND outcome = 'SUCCEEDED' AND "createdAt" > ${knownGoodSince}) AS "knownGood"`;
  return row!;
}

/** How long this try must still wait (0: go ahead). */
function waitFor(counts: Counts, now: Date): number {
  const until = (last: Date | null, delay: number) => (last && delay ? last.getTime() + delay - now.getTime() : 0);
  return Math.max(
    0,
    until(counts.accountLastFailure, delayAfter(counts.accountFailures, THROTTLE.freeAccountFailures)),
    counts.knownGood ? 0 : until(counts.clientLastFailure, delayAfter(counts.clientFailures, THROTTLE.freeClientFailures, THROTTLE.maxClientDelayMs)),
  );
}

async function finish(id: bigint, outcome: "SUCCEEDED" | "FAILED" | "THROTTLED") {
  await db.signInAttempt.update({ where: { id }, data: { outcome }, select: { id: true } });
}

/**
 * Checks an email and password from a client address. A wrong password and an unknown email are the same
 * answer, in the same time (the password is hashed either way); throttling is answered the same for both.
 */
export async function checkCredentials(email: string, password: string, ip: string, now = new Date()): Promise<CredentialsCheck> {
  const attempt = await db.signInAttempt.create({ data: { email, ip, createdAt: now }, select: { id: true } });
  const counts = await countTries(email, ip, attempt.id, now);
  const burst = counts.inFlight >= THROTTLE.maxInFlight || counts.clientInFlight >= THROTTLE.maxClientInFlight;
  const retryAfterMs = burst ? THROTTLE.firstDelayMs : waitFor(counts, now);
  if (retryAfterMs > 0) {
    await finish(attempt.id, "THROTTLED");
    return { ok: false, reason: "throttled", retryAfterMs };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const ok = (await verifyPassword(user?.passwordHash ?? null, password)) && !!user;
  await finish(attempt.id, ok ? "SUCCEEDED" : "FAILED");
  if (!ok || !user) return { ok: false, reason: "wrong" };
  const required = await passwordRefusal(user.id);
  return required ? { ok: false, reason: "provider-required", message: required, userId: user.id } : { ok: true, userId: user.id };
}

/**
 * Forgets what the throttle no longer reads (the mail cron runs it): failures and refusals after the window,
 * successes after the "known good" period. Returns how many rows went.
 */
export async function pruneSignInAttempts(now = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs - THROTTLE.pendingStaleMs);
  const knownGoodStart = new Date(now.getTime() - THROTTLE.knownGoodMs);
  const { count } = await db.signInAttempt.deleteMany({
    where: { OR: [{ createdAt: { lt: knownGoodStart } }, { outcome: { not: "SUCCEEDED" }, createdAt: { lt: windowStart } }] },
  });
  return count;
}
