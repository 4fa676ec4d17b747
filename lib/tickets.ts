import "server-only";
import { cache } from "react";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { db, type Tx } from "./db";
import { Prisma } from "./generated/prisma/client";
import { TicketCategory, type TicketStatus } from "./generated/prisma/enums";

/*
 * Support tickets as the person who raised them sees them. A person sees and answers only the tickets
 * they raised themselves; any other id is answered as not found. Schoot support's side is in
 * ticket-console.ts.
 */

export const SUBJECT_MAX = 120;
export const MESSAGE_MAX = 5000;

export const messageBody = z
  .string()
  .trim()
  .min(1, "Enter your message")
  .max(MESSAGE_MAX, `Keep the message under ${MESSAGE_MAX} characters`);

export const createTicketInput = z.object({
  category: z.enum(TicketCategory, "Choose what the ticket is about"),
  subject: z.string().trim().min(1, "Enter a subject").max(SUBJECT_MAX, `Keep the subject under ${SUBJECT_MAX} characters`),
  message: messageBody,
  organisationId: z.uuid("Choose the organisation this is about"),
  idempotencyKey: z.uuid("This form has expired. Open New Support Ticket again."),
});
export type CreateTicketInput = z.output<typeof createTicketInput>;

export const replyToTicketInput = z.object({ ticketId: z.uuid(), body: messageBody });
export type ReplyToTicketInput = z.output<typeof replyToTicketInput>;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function findTicketByKey(actorId: string, idempotencyKey: string) {
  return db.supportTicket.findFirst({ where: { idempotencyKey, createdById: actorId }, select: { id: true, number: true } });
}

/**
 * Raises a ticket about one of the actor's own organisations, with its first message. The form carries an
 * idempotency key made when it was shown: a second submission with the same key (a double click, a
 * resubmitted page) returns the ticket the first one made, even when both arrive at once.
 */
export async function createTicket(actorId: string, input: CreateTicketInput): Promise<{ id: string; number: number; created: boolean }> {
  const existing = await findTicketByKey(actorId, input.idempotencyKey);
  if (existing) return { ...existing, created: false };
  try {
    return await db.$transaction(async (tx) => {
      const membership = await tx.membership.findUnique({
        where: { userId_organisationId: { userId: actorId, organisationId: input.organisationId } },
        select: { id: true },
      });
      if (!membership) throw new NotFoundError();
      const ticket = await tx.supportTicket.create({
        data: {
          createdById: actorId,
          organisationId: input.organisationId,
          category: input.category,
          subject: input.subject,
          idempotencyKey: input.idempotencyKey,
          messages: { create: { authorId: actorId, body: input.message } },
        },
        select: { id: true, number: true },
      });
      await writeAudit(tx, {
        actorId,
        action: "ticket.created",
        organisationId: input.organisationId,
        targetType: "SupportTicket",
        targetId: ticket.id,
        after: { number: ticket.number, category: input.category, subject: input.subject, status: "OPEN" },
      });
      return { ...ticket, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The same key arrived twice at once and the unique index let one through: answer with that one.
    const winner = await findTicketByKey(actorId, input.idempotencyKey);
    if (winner) return { ...winner, created: false };
    throw new ActionError("This form has already been sent. Open New Support Ticket again to raise another ticket.");
  }
}

/** What every list and view of a ticket shows about it. */
export const ticketSummarySelect = {
  id: true,
  number: true,
  subject: true,
  category: true,
  status: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SupportTicketSelect;

/** The tickets the person raised, most recently active first. */
export async function listMyTickets(userId: string) {
  return db.supportTicket.findMany({
    where: { createdById: userId },
    select: { ...ticketSummarySelect, organisation: { select: { name: true } } },
    orderBy: [{ updatedAt: "desc" }, { number: "desc" }],
    take: 200,
  });
}

/** A ticket and its conversation, as both the person and support see it. */
export const ticketConversationSelect = {
  ...ticketSummarySelect,
  organisation: { select: { id: true, name: true, designation: true } },
  messages: {
    select: { id: true, body: true, createdAt: true, fromSupport: true, author: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.SupportTicketSelect;

/** One of the person's own tickets with its conversation; null for any other id. */
export const getMyTicket = cache(async (userId: string, ticketId: string) => {
  if (!z.uuid().safeParse(ticketId).success) return null;
  return db.supportTicket.findFirst({
    where: { id: ticketId, createdById: userId },
    select: { ...ticketConversationSelect, createdBy: { select: { name: true, email: true } } },
  });
});

export type TicketConversation = NonNullable<Awaited<ReturnType<typeof getMyTicket>>>;

/** The person answers their own ticket; whatever its status was, it is open again for support. */
export async function replyToMyTicket(actorId: string, input: ReplyToTicketInput): Promise<void> {
  await db.$transaction(async (tx) => {
    const ticket = await tx.supportTicket.findFirst({
      where: { id: input.ticketId, createdById: actorId },
      select: { id: true, status: true, organisationId: true },
    });
    if (!ticket) throw new NotFoundError();
    // Whatever its status was, the ticket is open again for support.
    await appendReply(tx, actorId, ticket, { body: input.body, status: "OPEN", fromSupport: false });
  });
}

/**
 * A reply on a ticket, from its author or from support, in the caller's transaction: the message, the
 * ticket's new status (updated even when it stays the same, so updatedAt moves and the lists sort it
 * first) and the audit row.
 */
export async function appendReply(
  tx: Tx,
  actorId: string,
  ticket: { id: string; status: TicketStatus; organisationId: string },
  reply: { body: string; status: TicketStatus; fromSupport: boolean },
): Promise<void> {
  await tx.ticketMessage.create({ data: { ticketId: ticket.id, authorId: actorId, fromSupport: reply.fromSupport, body: reply.body } });
  await tx.supportTicket.update({ where: { id: ticket.id, organisationId: ticket.organisationId }, data: { status: reply.status, updatedAt: new Date() } });
  await writeAudit(tx, {
    actorId,
    action: "ticket.replied",
    organisationId: ticket.organisationId,
    targetType: "SupportTicket",
    targetId: ticket.id,
    before: { status: ticket.status },
    after: reply.fromSupport ? { status: reply.status, fromSupport: true } : { status: reply.status },
  });
}
