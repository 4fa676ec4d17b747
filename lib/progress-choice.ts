import "server-only";
import { cookies } from "next/headers";
import { listProgressScopes } from "./access";
import { progressValueFor } from "./progress-scopes";

/** The path of the person's last `View course progress for:` choice, kept on this device. */
export const LAST_CHOICE_COOKIE = "schoot-progress-choice";

/**
 * The last choice, only while the viewer may still open it (lib/access.ts, now): a demotion or a removed
 * trust choice since then sends the person to My Courses instead of a not-found page.
 */
export async function findLastProgressChoice(viewerId: string): Promise<string | null> {
  const path = (await cookies()).get(LAST_CHOICE_COOKIE)?.value;
  const value = path ? progressValueFor(path) : null;
  if (!value) return null;
  const scopes = await listProgressScopes(viewerId);
  const granted = scopes.some((scope) =>
    scope.kind === "trust-school" ? scope.schoolId === value || `trust:${scope.trustId}` === value : scope.kind === "own-organisation" && scope.schoolId === value,
  );
  return granted ? path! : null;
}
