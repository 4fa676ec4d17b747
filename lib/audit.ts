import "server-only";
import type { Tx } from "./db";
import type { Prisma } from "./generated/prisma/client";

export type AuditEntry = {
  /** Who did it; null for the system (a seed, a job). */
  actorId: string | null;
  /** A dotted name, area first: "membership.role_changed", "invitation.created", "trust.chosen"… */
  action: string;
  organisationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** What the target looked like before and after: enough to tell the story without joining rows that may be gone. */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/**
 * Appends one row to the audit log. It takes the transaction client on purpose: the change and its
 * audit row commit together or not at all (the log itself refuses UPDATE and DELETE).
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      organisationId: entry.organisationId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
