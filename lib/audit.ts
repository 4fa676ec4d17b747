import "server-only";
import type { Tx } from "./db";
import type { Prisma } from "./generated/prisma/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  organisationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** Writes one audit row inside the caller's transaction, so the change and its record commit together. */
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
