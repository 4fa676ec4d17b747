import "server-only";
import { cache } from "react";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { db } from "./db";
import { Designation } from "./generated/prisma/enums";
import { designationLabels } from "./labels";
import { enrolRequired } from "./requirements/assign";
import { assertSupport } from "./support";

/*
 * Only Schoot support changes an organisation's designation (product.md). The designation is one of the
 * three conditions of the progress rule in access.ts, so a change here takes effect on every MAT lead's
 * very next request; each change is audited with its reason and the ticket that asked for it.
 */

export const DESIGNATION_CHANGED = "organisation.designation_changed";

export const changeDesignationInput = z.object({
  organisationId: z.uuid(),
  /** What the form showed: a change made meanwhile by someone else is refused rather than overwritten. */
  expectedDesignation: z.enum(Designation),
  designation: z.enum(Designation, "Choose a designation"),
  reason: z.string().trim().min(1, "Enter the reason for the change").max(500, "Keep the reason under 500 characters"),
  ticketId: z.union([z.literal("").transform(() => undefined), z.uuid("Choose a ticket")]).optional(),
  /** A checkbox: resolve the chosen ticket in the same step. */
  resolveTicket: z.literal("on").optional(),
});
export type ChangeDesignationInput = z.output<typeof changeDesignationInput>;

/**
 * Changes the designation, writes the audit row (before, after, reason, ticket) and, when the change
 * answers a ticket, a message on that ticket: all in one transaction, so none exists without the others.
 */
export async function changeDesignation(actorId: string, input: ChangeDesignationInput): Promise<{ name: string; designation: Designation; ticketResolved: boolean }> {
  const result = await db.$transaction(async (tx) => {
    await assertSupport(tx, actorId);
    const organisation = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true, designation: true } });
    if (!organisation) throw new NotFoundError();
    const before = organisation.designation;
    if (before !== input.expectedDesignation) {
      throw new ActionError(`${organisation.name}'s designation was changed meanwhile to ${designationLabels[before]}. Check it and try again.`);
    }
    if (before === input.designation) throw new ActionError(`${organisation.name} is already designated ${designationLabels[before]}.`);

    // The ticket must be about this organisation: a ticket of another one is answered as not found.
    const ticket = input.ticketId
      ? await tx.supportTicket.findFirst({ where: { id: input.ticketId, organisationId: organisation.id }, select: { id: true, status: true } })
      : null;
    if (input.ticketId && !ticket) throw new NotFoundError();

    // Conditional on the designation read above: of two changes racing, the second updates nothing.
    const { count } = await tx.organisation.updateMany({ where: { id: organisation.id, designation: before }, data: { designation: input.designation } });
    if (count !== 1) throw new ActionError(`${organisation.name}'s designation was changed meanwhile. Reload the page and try again.`);

    await writeAudit(tx, {
      actorId,
      action: DESIGNATION_CHANGED,
      organisationId: organisation.id,
      targetType: "Organisation",
      targetId: organisation.id,
      before: { designation: before },
      after: { designation: input.designation, reason: input.reason, ticketId: ticket?.id ?? null, ticketResolved: !!(ticket && input.resolveTicket) },
    });
    if (ticket) {
      await tx.ticketMessage.create({
        data: {
          ticketId: ticket.id,
          authorId: actorId,
          fromSupport: true,
          body: `Schoot support changed the designation of ${organisation.name} from ${designationLabels[before]} to ${designationLabels[input.designation]}.`,
        },
      });
      const resolve = input.resolveTicket === "on" && ticket.status !== "RESOLVED";
      await tx.supportTicket.update({ where: { id: ticket.id, organisationId: organisation.id }, data: { updatedAt: new Date(), ...(resolve ? { status: "RESOLVED" } : {}) } });
      if (resolve) {
        await writeAudit(tx, {
          actorId, action: "ticket.status_changed", organisationId: organisation.id, targetType: "SupportTicket", targetId: ticket.id,
          before: { status: ticket.status }, after: { status: "RESOLVED", withDesignationChange: true },
        });
      }
    }
    return { name: organisation.name, designation: input.designation, ticketResolved: !!(ticket && input.resolveTicket) };
  });
  // A trust designated Academies: its required training now applies to the schools that chose it.
  await enrolRequired({ organisationId: input.organisationId });
  return result;
}

/** What the console's organisation page shows: designation, members, trust choice, open tickets. */
export const getConsoleOrganisation = cache(async (actorId: string, organisationId: string) => {
  await assertSupport(db, actorId);
  if (!z.uuid().safeParse(organisationId).success) return null;
  return db.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      name: true,
      kind: true,
      urn: true,
      companiesHouseNumber: true,
      address: true,
      designation: true,
      trust: { select: { id: true, name: true, designation: true } },
      trustChosenAt: true,
      trustChosenBy: { select: { name: true } },
      schools: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      memberships: {
        select: { role: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ role: "desc" }, { user: { name: "asc" } }],
        take: 500,
      },
      tickets: {
        select: { id: true, number: true, subject: true, status: true, category: true },
        orderBy: { number: "desc" },
        take: 20,
      },
    },
  });
});

type DesignationAudit = { designation?: Designation; reason?: string; ticketId?: string | null };

/** The organisation's designation changes, newest first, from the audit log. */
export async function listDesignationChanges(actorId: string, organisationId: string) {
  await assertSupport(db, actorId);
  const rows = await db.auditLog.findMany({
    where: { organisationId, action: DESIGNATION_CHANGED },
    select: { id: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map((row) => {
    const before = (row.before ?? {}) as DesignationAudit;
    const after = (row.after ?? {}) as DesignationAudit;
    return { id: String(row.id), createdAt: row.createdAt, actorName: row.actor?.name ?? "Schoot", from: before.designation, to: after.designation, reason: after.reason ?? "", ticketId: after.ticketId ?? null };
  });
}

/** Organisations by name, for finding one in the console. */
export async function searchOrganisations(actorId: string, query: string) {
  await assertSupport(db, actorId);
  const name = query.trim().slice(0, 100);
  return db.organisation.findMany({
    where: name ? { name: { contains: name, mode: "insensitive" } } : undefined,
    select: { id: true, name: true, kind: true, urn: true, companiesHouseNumber: true, designation: true, _count: { select: { memberships: true } } },
    orderBy: { name: "asc" },
    take: 50,
  });
}
