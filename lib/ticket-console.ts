import "server-only";
import { cache } from "react";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { db } from "./db";
import type { Prisma } from "./generated/prisma/client";
import { TicketCategory, TicketStatus } from "./generated/prisma/enums";
import { assertSupport } from "./support";
import { consoleStatusLabels } from "./ticket-labels";
import { appendReply, messageBody, ticketConversationSelect, ticketSummarySelect } from "./tickets";

/*
 * Schoot support's side of tickets: the queue, any ticket, replies and status changes. Every function
 * re-reads the actor's platform role from the database (assertSupport) and answers anyone else with
 * NotFoundError, exactly as for an id that does not exist.
 */

export const QUEUE_PAGE_SIZE = 50;

/** The queue's filters from the URL; anything unrecognised falls back to the default rather than failing. */
export const ticketQueueFilters = z.object({
  status: z.enum(["ACTIVE", "ALL", ...Object.values(TicketStatus)]).catch("ACTIVE"),
  category: z.enum(TicketCategory).optional().catch(undefined),
  organisation: z.uuid().optional().catch(undefined),
  /** Keyset cursor: the ticket number after which the page starts (an int4 column: a larger one is an error there). */
  after: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});
export type TicketQueueFilters = z.output<typeof ticketQueueFilters>;

/** Oldest first, by ticket number (allocated in creation order), one page at a time. */
export async function listTicketQueue(actorId: string, filters: TicketQueueFilters) {
  await assertSupport(db, actorId);
  const where: Prisma.SupportTicketWhereInput = {
    status: filters.status === "ACTIVE" ? { not: "RESOLVED" } : filters.status === "ALL" ? undefined : filters.status,
    category: filters.category,
    organisationId: filters.organisation,
    number: filters.after ? { gt: filters.after } : undefined,
  };
  const rows = await db.supportTicket.findMany({
    where,
    select: { ...ticketSummarySelect, organisation: { select: { id: true, name: true } }, createdBy: { select: { name: true } } },
    orderBy: { number: "asc" },
    take: QUEUE_PAGE_SIZE + 1,
  });
  const tickets = rows.slice(0, QUEUE_PAGE_SIZE);
  return { tickets, nextAfter: rows.length > QUEUE_PAGE_SIZE ? tickets.at(-1)!.number : null };
}

/** The organisations that have raised tickets, for the queue's organisation filter. */
export async function listTicketOrganisations(actorId: string) {
  await assertSupport(db, actorId);
  return db.organisation.findMany({ where: { tickets: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Any ticket with its conversation, for support; null for an unknown id. */
export const getTicketForSupport = cache(async (actorId: string, ticketId: string) => {
  await assertSupport(db, actorId);
  if (!z.uuid().safeParse(ticketId).success) return null;
  return db.supportTicket.findUnique({
    where: { id: ticketId },
    select: { ...ticketConversationSelect, createdBy: { select: { name: true, email: true } } },
  });
});

export const supportReplyInput = z.object({
  ticketId: z.uuid(),
  body: messageBody,
  status: z.enum(TicketStatus, "Choose the ticket's status after this reply"),
});
export type SupportReplyInput = z.output<typeof supportReplyInput>;

export const changeTicketStatusInput = z.object({
  ticketId: z.uuid(),
  status: z.enum(TicketStatus, "Choose a status"),
});
export type ChangeTicketStatusInput = z.output<typeof changeTicketStatusInput>;

/** Support answers a ticket and sets where it stands (usually Waiting on customer, or Resolved). */
export async function replyAsSupport(actorId: string, input: SupportReplyInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertSupport(tx, actorId);
    const ticket = await tx.supportTicket.findUnique({ where: { id: input.ticketId }, select: { id: true, status: true, organisationId: true } });
    if (!ticket) throw new NotFoundError();
    await appendReply(tx, actorId, ticket, { body: input.body, status: input.status, fromSupport: true });
  });
}

/** Support moves a ticket between Open, Waiting on customer and Resolved. */
export async function changeTicketStatus(actorId: string, input: ChangeTicketStatusInput): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertSupport(tx, actorId);
    const ticket = await tx.supportTicket.findUnique({ where: { id: input.ticketId }, select: { id: true, status: true, organisationId: true } });
    if (!ticket) throw new NotFoundError();
    if (ticket.status === input.status) throw new ActionError(`The ticket is already ${consoleStatusLabels[input.status]}.`);
    await tx.supportTicket.update({ where: { id: ticket.id, organisationId: ticket.organisationId }, data: { status: input.status } });
    await writeAudit(tx, {
      actorId,
      action: "ticket.status_changed",
      organisationId: ticket.organisationId,
      targetType: "SupportTicket",
      targetId: ticket.id,
      before: { status: ticket.status },
      after: { status: input.status },
    });
  });
}
