import "server-only";
import { z } from "zod";
import { db, type Tx } from "./db";

/** As long as the session cookie lives (lib/auth.ts): a session row is never valid for longer. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** Ended sessions are kept this long (support can see recent sign-ins), then removed at the owner's next sign-in. */
const KEEP_ENDED_MS = 30 * 24 * 60 * 60 * 1000;

/** A new signed-in browser: the row whose id the session cookie carries. */
export async function createSession(userId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const keepSince = new Date(now.getTime() - KEEP_ENDED_MS);
  const [, session] = await db.$transaction([
    db.session.deleteMany({ where: { userId, expiresAt: { lt: keepSince } } }),
    db.session.create({ data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) }, select: { id: true, expiresAt: true } }),
  ]);
  return session;
}

/** Ends one session (signing out): every copy of its cookie stops working at once. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<void> {
  if (!z.uuid().safeParse(sessionId).success) return;
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every session of a person, in the caller's transaction (a password change, "Sign out everywhere"),
 * except `keep` (the browser the person is changing their password in).
 */
export async function revokeAllSessions(tx: Tx, userId: string, now = new Date(), keep?: string): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}
