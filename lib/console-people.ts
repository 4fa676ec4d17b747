import "server-only";
import { z } from "zod";
import { writeAudit } from "./audit";
import { db } from "./db";
import { NotFoundError } from "./errors";
import { revokeAllSessions } from "./sessions";
import { assertSupport } from "./support";

/*
 * Support finds a person by their email address (a head rings: "a laptop was left signed in at a
 * conference") and can end every session they have. Nothing here is open to anyone but support.
 */

export const personLookupInput = z.string().trim().toLowerCase().max(254).pipe(z.email());

export async function findPersonForSupport(actorId: string, email: string, now = new Date()) {
  await assertSupport(db, actorId);
  const parsed = personLookupInput.safeParse(email);
  if (!parsed.success) return null;
  return db.user.findUnique({
    where: { email: parsed.data },
    select: {
      id: true, name: true, email: true, createdAt: true,
      memberships: { select: { role: true, organisation: { select: { id: true, name: true } } }, orderBy: { organisation: { name: "asc" } } },
      sessions: { where: { revokedAt: null, expiresAt: { gt: now } }, select: { id: true, createdAt: true, expiresAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
}

export const signOutEverywhereInput = z.object({ userId: z.uuid() });

/**
 * Support's "Sign out everywhere": every session of the person ends at once, whatever copies of the
 * cookie exist, audited in the same transaction. Anyone but support, and an unknown person, get not found.
 */
export async function signOutEverywhereBySupport(actorId: string, input: z.input<typeof signOutEverywhereInput>, now = new Date()) {
  const { userId } = signOutEverywhereInput.parse(input);
  return db.$transaction(async (tx) => {
    await assertSupport(tx, actorId);
    const person = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
    if (!person) throw new NotFoundError();
    const ended = await revokeAllSessions(tx, person.id, now);
    await writeAudit(tx, {
      actorId, action: "user.signed_out_everywhere", targetType: "User", targetId: person.id,
      after: { email: person.email, sessionsEnded: ended },
    });
    return { ended, name: person.name, email: person.email };
  });
}
