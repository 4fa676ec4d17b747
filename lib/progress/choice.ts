import "server-only";
import { cookies } from "next/headers";
import { findSchoolProgressScope, findTrustOverview } from "../access";
import { progressValueFor, trustIdOf } from "./selector";

/** The path of the person's last `View course progress for:` choice, kept on this device. */
export const LAST_CHOICE_COOKIE = "schoot-progress-choice";

/**
 * The last choice, only while the viewer may still open it (lib/access.ts, now): a demotion or a removed
 * trust choice since then sends the person to My Courses instead of a not-found page.
 */
export async function findLastProgressChoice(viewerId: string): Promise<string | null> {
  const path = (await cookies()).get(LAST_CHOICE_COOKIE)?.value;
  const value = path ? progressValueFor(path) : null;
  if (!path || !value) return null;
  const trustId = trustIdOf(value);
  const granted = trustId ? await findTrustOverview(viewerId, trustId) : await findSchoolProgressScope(viewerId, value);
  return granted ? path : null;
}
