import "server-only";
import { db } from "./db";
import type { PermittedScope } from "./access";
import type { Role } from "./generated/prisma/enums";
import { roleLabels, roleWithArticle } from "./labels";
import { newcomerRole } from "./permissions";

// The audit actions that My School's "Recent changes" tells the story of.
const COLLEAGUE_ACTIONS = ["membership.role_changed", "membership.removed", "invitation.created", "invitation.resent", "invitation.withdrawn", "invitation.accepted"];

type Person = { userId?: string; name?: string; email?: string; role?: string };
export type ChangeRow = { id: string; action: string; actorId: string | null; actorName: string | null; before: unknown; after: unknown; createdAt: Date };

/** The latest changes to the organisation's colleagues, newest first: for the people who manage them. */
export async function listRecentChanges(manager: PermittedScope<"colleagues.manage">, take = 20): Promise<ChangeRow[]> {
  const rows = await db.auditLog.findMany({
    where: { organisationId: manager.organisationId, action: { in: COLLEAGUE_ACTIONS } },
    select: { id: true, action: true, actorId: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: { id: "desc" },
    take,
  });
  return rows.map((row) => ({ ...row, id: String(row.id), actorName: row.actor?.name ?? null }));
}

function asPerson(value: unknown): Person {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Person) : {};
}

// An audit row written before a role existed, or a hand-edited one, still reads as a sentence.
function withArticle(role: string | undefined) {
  return roleWithArticle(role !== undefined && Object.hasOwn(roleLabels, role) ? (role as Role) : newcomerRole);
}

/** One sentence a person can read: "Rachel Head made Tom Teacher an Administrator". */
export function describeChange(change: ChangeRow): string {
  const actor = change.actorName ?? "Someone";
  const before = asPerson(change.before);
  const after = asPerson(change.after);
  const subject = after.userId ?? before.userId;
  const target = subject && subject === change.actorId ? "themselves" : (after.name ?? before.name ?? after.email ?? before.email ?? "a colleague");
  switch (change.action) {
    case "membership.role_changed":
      return `${actor} made ${target} ${withArticle(after.role)}`;
    case "membership.removed":
      return subject === change.actorId ? `${actor} left the organisation` : `${actor} removed ${target}`;
    case "invitation.created":
      return `${actor} invited ${after.email ?? "a colleague"}`;
    case "invitation.resent":
      return `${actor} sent the invitation for ${after.email ?? "a colleague"} again, with a new link`;
    case "invitation.withdrawn":
      return `${actor} withdrew the invitation for ${before.email ?? "a colleague"}`;
    case "invitation.accepted":
      return `${after.name ?? actor} accepted an invitation and joined as ${withArticle(after.role)}`;
    default:
      return `${actor}: ${change.action}`;
  }
}
