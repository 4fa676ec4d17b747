// The authorization matrix of the trust-access issue, kept as data: actor × situation × action → allowed.
// Each cell builds its own small world on the real database and asks the real code.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { signInAs } from "./session-stand-in";
import { GET as exportSchoolProgress } from "@/app/(app)/courses/progress/[schoolId]/export/route";
import { canViewSchoolProgress, listProgressScopes } from "@/lib/access";
import { db } from "@/lib/db";
import { chooseTrust, listTrustSchools } from "@/lib/trust";
import { makeOrganisation, makeTrust, makeUser } from "./helpers";

// The export cell calls the route handler itself; only the session is stood in for.
vi.mock("@/lib/auth", () => import("./session-stand-in"));

const actors = ["visitor", "staff-member", "school-admin", "mat-admin", "mat-member", "other-mat-admin", "support"] as const;
const situations = [
  "own-organisation", "chose-viewers-trust", "chose-another-trust", "chose-none", "choice-removed", "trust-not-academies", "trust-admin-demoted",
] as const;
const actions = ["list-scopes", "view-progress", "export", "change-choice", "view-my-trust"] as const;
type Actor = (typeof actors)[number];
type Situation = (typeof situations)[number];
type Action = (typeof actions)[number];

/*
 * The world: trust T (Academies) with mat-admin and mat-member; another trust T2 (Academies) with
 * other-mat-admin; school S with school-admin and staff-member; support has no membership.
 * The target of every action is school S, except in "own-organisation", where it is the actor's own
 * organisation (S for school staff and outsiders, T for T's people, T2 for other-mat-admin).
 * "view-my-trust" always asks for T's My Trust page. A trust chooses no Multi Academy Trust, so "change" on a
 * trust's own organisation is refused even for its Administrator.
 *                                   list   view   export change my-trust
 */
const Y = true, N = false;
const matrix: Record<Actor, Record<Situation, [boolean, boolean, boolean, boolean, boolean]>> = {
  visitor: {
    "own-organisation":    [N, N, N, N, N], "chose-viewers-trust": [N, N, N, N, N], "chose-another-trust": [N, N, N, N, N],
    "chose-none":          [N, N, N, N, N], "choice-removed":      [N, N, N, N, N], "trust-not-academies": [N, N, N, N, N],
    "trust-admin-demoted": [N, N, N, N, N],
  },
  "staff-member": {
    "own-organisation":    [N, N, N, N, N], "chose-viewers-trust": [N, N, N, N, N], "chose-another-trust": [N, N, N, N, N],
    "chose-none":          [N, N, N, N, N], "choice-removed":      [N, N, N, N, N], "trust-not-academies": [N, N, N, N, N],
    "trust-admin-demoted": [N, N, N, N, N],
  },
  "school-admin": {
    "own-organisation":    [Y, Y, Y, Y, N], "chose-viewers-trust": [Y, Y, Y, Y, N], "chose-another-trust": [Y, Y, Y, Y, N],
    "chose-none":          [Y, Y, Y, Y, N], "choice-removed":      [Y, Y, Y, Y, N], "trust-not-academies": [Y, Y, Y, Y, N],
    "trust-admin-demoted": [Y, Y, Y, Y, N],
  },
  "mat-admin": {
    "own-organisation":    [Y, Y, Y, N, Y], "chose-viewers-trust": [Y, Y, Y, N, Y], "chose-another-trust": [N, N, N, N, Y],
    "chose-none":          [N, N, N, N, Y], "choice-removed":      [N, N, N, N, Y], "trust-not-academies": [N, N, N, N, Y],
    "trust-admin-demoted": [N, N, N, N, N],
  },
  "mat-member": {
    "own-organisation":    [N, N, N, N, N], "chose-viewers-trust": [N, N, N, N, N], "chose-another-trust": [N, N, N, N, N],
    "chose-none":          [N, N, N, N, N], "choice-removed":      [N, N, N, N, N], "trust-not-academies": [N, N, N, N, N],
    "trust-admin-demoted": [N, N, N, N, N],
  },
  "other-mat-admin": {
    "own-organisation":    [Y, Y, Y, N, N], "chose-viewers-trust": [N, N, N, N, N], "chose-another-trust": [Y, Y, Y, N, N],
    "chose-none":          [N, N, N, N, N], "choice-removed":      [N, N, N, N, N], "trust-not-academies": [N, N, N, N, N],
    "trust-admin-demoted": [N, N, N, N, N],
  },
  support: {
    "own-organisation":    [N, N, N, N, N], "chose-viewers-trust": [N, N, N, N, N], "chose-another-trust": [N, N, N, N, N],
    "chose-none":          [N, N, N, N, N], "choice-removed":      [N, N, N, N, N], "trust-not-academies": [N, N, N, N, N],
    "trust-admin-demoted": [N, N, N, N, N],
  },
};

async function buildWorld(situation: Situation) {
  const trust = await makeTrust({ name: "Matrix Trust" });
  const otherTrust = await makeTrust({ name: "Matrix Other Trust" });
  const spareTrust = await makeTrust({ name: "Matrix Spare Trust" });
  const school = await makeOrganisation({ name: "Matrix School" });
  const people = {
    "mat-admin": await makeUser(trust.id, "ADMINISTRATOR"),
    "mat-member": await makeUser(trust.id, "MEMBER"),
    "other-mat-admin": await makeUser(otherTrust.id, "ADMINISTRATOR"),
    "school-admin": await makeUser(school.id, "ADMINISTRATOR"),
    "staff-member": await makeUser(school.id, "MEMBER"),
    support: await makeUser(undefined, "MEMBER", "SUPPORT"),
  };
  const choose = (trustId: string | null) => db.organisation.update({ where: { id: school.id }, data: { trustId, trustChosenAt: trustId ? new Date() : null } });
  switch (situation) {
    case "chose-viewers-trust": await choose(trust.id); break;
    case "chose-another-trust": await choose(otherTrust.id); break;
    case "choice-removed": await choose(trust.id); await choose(null); break;
    case "trust-not-academies": await choose(trust.id); await db.organisation.update({ where: { id: trust.id }, data: { designation: "LOCAL_AUTHORITY_MAINTAINED" } }); break;
    case "trust-admin-demoted": await choose(trust.id); await db.membership.updateMany({ where: { userId: people["mat-admin"].id }, data: { role: "MEMBER" } }); break;
    default: break;
  }
  return { trust, otherTrust, spareTrust, school, people };
}

// Read-only actions share one world per situation; a change gets a fresh world of its own.
const sharedWorlds = new Map<Situation, ReturnType<typeof buildWorld>>();

async function attempt(actor: Actor, situation: Situation, action: Action): Promise<boolean> {
  if (action !== "change-choice" && !sharedWorlds.has(situation)) sharedWorlds.set(situation, buildWorld(situation));
  const world = await (action === "change-choice" ? buildWorld(situation) : sharedWorlds.get(situation)!);
  const actorId = actor === "visitor" ? null : world.people[actor].id;
  const ownOrganisation = actor === "mat-admin" || actor === "mat-member" ? world.trust.id : actor === "other-mat-admin" ? world.otherTrust.id : world.school.id;
  const target = situation === "own-organisation" ? ownOrganisation : world.school.id;
  if (!actorId) return false; // a visitor has no session: every page and action stops at requireViewer/authAction
  switch (action) {
    case "list-scopes":
      return (await listProgressScopes(actorId)).some((s) => s.kind !== "self" && s.schoolId === target);
    case "view-progress":
      return canViewSchoolProgress(actorId, target);
    case "export": { // the route handler itself: a refusal is the not-found page, before the first byte
      signInAs(actorId);
      const response = await exportSchoolProgress(new NextRequest(`http://schoot.test/courses/progress/${target}/export`), { params: Promise.resolve({ schoolId: target }) });
      await response.body?.cancel();
      return response.status === 200;
    }
    case "change-choice":
      return chooseTrust(actorId, { schoolId: target, trustId: world.spareTrust.id, confirmedTrustId: world.spareTrust.id }).then(
        async () => (await db.organisation.findUniqueOrThrow({ where: { id: target } })).trustId === world.spareTrust.id,
        () => false,
      );
    case "view-my-trust":
      return (await listTrustSchools(actorId, world.trust.id)) !== null;
  }
}

describe("authorization matrix", () => {
  for (const actor of actors) {
    for (const situation of situations) {
      actions.forEach((action, index) => {
        const allowed = matrix[actor][situation][index]!;
        it(`${actor} · ${situation} · ${action} → ${allowed ? "allowed" : "refused"}`, async () => {
          expect(await attempt(actor, situation, action)).toBe(allowed);
        });
      });
    }
  }
});
