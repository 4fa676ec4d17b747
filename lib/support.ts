import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "./errors";
import { requireViewer, type Viewer } from "./auth";
import type { Db } from "./db";

/*
 * Schoot support is User.platformRole = SUPPORT, read from the database at the moment it matters and
 * never from the client or the session cookie. Everyone else is answered exactly as if the console did
 * not exist: the not-found page, or NotFoundError from an action.
 */

/** With the client or inside a write's transaction: the actor must be support now, or the answer is not found. */
export async function assertSupport(tx: Pick<Db, "user">, actorId: string): Promise<void> {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { platformRole: true } });
  if (actor?.platformRole !== "SUPPORT") throw new NotFoundError();
}

/** A console page's first line: the viewer when they are support, otherwise the not-found page. */
export async function requireSupportViewer(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.platformRole !== "SUPPORT") notFound();
  return viewer;
}

export function isSupport(viewer: Pick<Viewer, "platformRole">): boolean {
  return viewer.platformRole === "SUPPORT";
}
