import "server-only";
import type { Db } from "./db";
import type { Prisma } from "./generated/prisma/client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  organisationId: string | null;
  targetType: string;
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/**
 * Appends one row to the audit log inside the caller's transaction, so a change and its record commit
 * or roll back together. The table refuses UPDATE and DELETE (a trigger), so rows are never rewritten.
 */
export async function writeAudit(tx: Pick<Db, "auditLog">, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
