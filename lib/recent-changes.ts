import "server-only";
import { db } from "./db";
import type { PermittedScope } from "./access";
import type { Role } from "./generated/prisma/enums";
import { roleLabels, roleWithArticle } from "./labels";
import { newcomerRole } from "./permissions";

// The audit actions that My School's "Recent changes" tells the story of. A staff list's import is told as one line
// (its summary row), not as the hundreds of rows it may write for each person (those carry `via: "staff list"`).
const COLLEAGUE_ACTIONS = [
  "membership.role_changed", "membership.removed", "invitation.created", "invitation.resent", "invitation.withdrawn", "invitation.accepted",
  "staff_import.applied",
];

type Person = { userId?: string; name?: string; email?: string; role?: string };
type ImportSummary = { fileName?: string; via?: string; added?: number; invited?: number; renamed?: number; roleChanged?: number; removed?: number };
export type ChangeRow = { id: string; action: string; actorId: string | null; actorName: string | null; before: unknown; after: unknown; createdAt: Date };

/** The latest changes to the organisation's colleagues, newest first: for the people who manage them. */
export async function listRecentChanges(manager: PermittedScope<"colleagues.manage">, take = 20): Promise<ChangeRow[]> {
  const rows = await db.$queryRaw<(Omit<ChangeRow, "id"> & { id: bigint })[]>`
    SELECT a.id, a.action, a."actorId", a.before, a.after, a."createdAt", u.name AS "actorName"
      FROM "AuditLog" a LEFT JOIN "User" u ON u.id = a."actorId"
     WHERE a."organisationId" = ${manager.organisationId}::uuid AND a.action = ANY(${COLLEAGUE_ACTIONS}::text[])
       AND (a.after IS NULL OR a.after->>'via' IS DISTINCT FROM 'staff list')
     ORDER BY a.id DESC
     LIMIT ${take}`;
  return rows.map((row) => ({ ...row, id: String(row.id) }));
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
    case "staff_import.applied": {
      const summary = change.after as ImportSummary | null;
      const who = change.actorName ?? (summary?.via === "command line" ? "The command line" : actor);
      const counts = ([["added", summary?.added], ["invited", summary?.invited], ["renamed", summary?.renamed], ["given a new role", summary?.roleChanged], ["removed", summary?.removed]] as const)
        .filter(([, n]) => n)
        .map(([words, n]) => `${n} ${words}`);
      return `${who} imported a staff list${summary?.fileName ? ` (${summary.fileName})` : ""}: ${counts.length ? counts.join(", ") : "nothing changed"}`;
    }
    default:
      return `${actor}: ${change.action}`;
  }
}
