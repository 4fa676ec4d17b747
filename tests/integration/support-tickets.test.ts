import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listProgressScopes } from "@/lib/access";
import { ActionError, NotFoundError } from "@/lib/errors";
import { db } from "@/lib/db";
import { changeDesignation } from "@/lib/designations";
import type { Designation } from "@/lib/generated/prisma/enums";
import { changeTicketStatus, getTicketForSupport, listTicketQueue, replyAsSupport } from "@/lib/ticket-console";
import { createTicket, getMyTicket, listMyTickets, replyToMyTicket, type CreateTicketInput } from "@/lib/tickets";
import { makeOrganisation, makeUser, unique, userByEmail } from "./helpers";

function ticketInput(organisationId: string, overrides: Partial<CreateTicketInput> = {}): CreateTicketInput {
  return { category: "COURSES", subject: unique("Subject"), message: "The course will not open.", organisationId, idempotencyKey: randomUUID(), ...overrides };
}

/** An organisation with a Member who raised a ticket, an Administrator, and a support colleague. */
async function makeTicketWorld(designation: Designation = "LOCAL_AUTHORITY_MAINTAINED") {
  const organisation = await makeOrganisation({ designation });
  const raiser = await makeUser(organisation.id, "MEMBER");
  const administrator = await makeUser(organisation.id, "ADMINISTRATOR");
  const support = await makeUser(undefined, "MEMBER", "SUPPORT");
  const ticket = await createTicket(raiser.id, ticketInput(organisation.id, { category: "CHANGE_DESIGNATION" }));
  return { organisation, raiser, administrator, support, ticket };
}

async function auditRows(targetId: string) {
  return db.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } });
}

describe("raising a ticket", () => {
  it("creates an open ticket with its first message and an audit row", async () => {
    const organisation = await makeOrganisation();
    const person = await makeUser(organisation.id);
    const input = ticketInput(organisation.id, { category: "ACCOUNT_AND_ACCESS", message: "I cannot sign in on my phone." });
    const { id, created } = await createTicket(person.id, input);
    expect(created).toBe(true);
    const ticket = await getMyTicket(person.id, id);
    expect(ticket).toMatchObject({ subject: input.subject, category: "ACCOUNT_AND_ACCESS", status: "OPEN", organisation: { id: organisation.id } });
    expect(ticket!.messages.map((m) => [m.body, m.fromSupport])).toEqual([["I cannot sign in on my phone.", false]]);
    const audit = await auditRows(id);
    expect(audit.map((a) => [a.action, a.actorId, a.organisationId])).toEqual([["ticket.created", person.id, organisation.id]]);
  });

  it("returns the same ticket for a second submission with the same key", async () => {
    const organisation = await makeOrganisation();
    const person = await makeUser(organisation.id);
    const input = ticketInput(organisation.id);
    const first = await createTicket(person.id, input);
    const second = await createTicket(person.id, { ...input, message: "Sent again" });
    expect(second).toEqual({ ...first, created: false });
    expect(await db.supportTicket.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
    expect(await db.ticketMessage.count({ where: { ticketId: first.id } })).toBe(1);
  });

  it("creates one ticket when the same submission arrives several times at once (a double click)", async () => {
    const organisation = await makeOrganisation();
    const person = await makeUser(organisation.id);
    const input = ticketInput(organisation.id);
    const results = await Promise.all(Array.from({ length: 5 }, () => createTicket(person.id, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.supportTicket.count({ where: { createdById: person.id } })).toBe(1);
  });

  it("refuses a ticket about an organisation the person does not belong to", async () => {
    const mine = await makeOrganisation();
    const theirs = await makeOrganisation();
    const person = await makeUser(mine.id);
    await expect(createTicket(person.id, ticketInput(theirs.id))).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.supportTicket.count({ where: { createdById: person.id } })).toBe(0);
  });

  it("does not let another person reuse someone's key to reach their ticket", async () => {
    const organisation = await makeOrganisation();
    const owner = await makeUser(organisation.id);
    const other = await makeUser(organisation.id);
    const input = ticketInput(organisation.id);
    await createTicket(owner.id, input);
    await expect(createTicket(other.id, input)).rejects.toBeInstanceOf(ActionError);
    expect(await listMyTickets(other.id)).toEqual([]);
  });
});

describe("a person's own tickets", () => {
  it("lists only the tickets the person raised, most recently active first", async () => {
    const organisation = await makeOrganisation();
    const person = await makeUser(organisation.id);
    const colleague = await makeUser(organisation.id, "ADMINISTRATOR");
    const older = await createTicket(person.id, ticketInput(organisation.id));
    const newer = await createTicket(person.id, ticketInput(organisation.id));
    await createTicket(colleague.id, ticketInput(organisation.id));
    expect((await listMyTickets(person.id)).map((t) => t.id)).toEqual([newer.id, older.id]);
    await replyToMyTicket(person.id, { ticketId: older.id, body: "Any news?" });
    expect((await listMyTickets(person.id)).map((t) => t.id)).toEqual([older.id, newer.id]);
  });

  it("hides a ticket from everyone but the person who raised it, even an Administrator of the same organisation", async () => {
    const { raiser, administrator, support, ticket } = await makeTicketWorld();
    expect(await getMyTicket(raiser.id, ticket.id)).not.toBeNull();
    expect(await getMyTicket(administrator.id, ticket.id)).toBeNull();
    expect(await getMyTicket(support.id, ticket.id)).toBeNull();
    expect(await getMyTicket(raiser.id, "not-a-uuid")).toBeNull();
    await expect(replyToMyTicket(administrator.id, { ticketId: ticket.id, body: "Me too" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.ticketMessage.count({ where: { ticketId: ticket.id } })).toBe(1);
  });
});

describe("replies and status changes", () => {
  it("support replies and waits on the person; the person's reply opens the ticket again, even once resolved", async () => {
    const { raiser, support, ticket } = await makeTicketWorld();
    await replyAsSupport(support.id, { ticketId: ticket.id, body: "Which school is it?", status: "WAITING_ON_YOU" });
    let seen = await getMyTicket(raiser.id, ticket.id);
    expect(seen!.status).toBe("WAITING_ON_YOU");
    expect(seen!.messages.at(-1)).toMatchObject({ body: "Which school is it?", fromSupport: true });

    await replyToMyTicket(raiser.id, { ticketId: ticket.id, body: "Our trust." });
    expect((await getMyTicket(raiser.id, ticket.id))!.status).toBe("OPEN");

    await changeTicketStatus(support.id, { ticketId: ticket.id, status: "RESOLVED" });
    expect((await getMyTicket(raiser.id, ticket.id))!.status).toBe("RESOLVED");
    await replyToMyTicket(raiser.id, { ticketId: ticket.id, body: "One more thing." });
    seen = await getMyTicket(raiser.id, ticket.id);
    expect(seen!.status).toBe("OPEN");
    expect(seen!.messages.map((m) => m.body)).toEqual(["The course will not open.", "Which school is it?", "Our trust.", "One more thing."]);

    const audit = await auditRows(ticket.id);
    expect(audit.map((a) => [a.action, (a.before as { status?: string } | null)?.status, (a.after as { status?: string }).status])).toEqual([
      ["ticket.created", undefined, "OPEN"],
      ["ticket.replied", "OPEN", "WAITING_ON_YOU"],
      ["ticket.replied", "WAITING_ON_YOU", "OPEN"],
      ["ticket.status_changed", "OPEN", "RESOLVED"],
      ["ticket.replied", "RESOLVED", "OPEN"],
    ]);
  });

  it("tells support when the ticket already has the status asked for", async () => {
    const { support, ticket } = await makeTicketWorld();
    await expect(changeTicketStatus(support.id, { ticketId: ticket.id, status: "OPEN" })).rejects.toThrow("already Open");
  });

  it("lists the queue oldest first and filters it by status, category and organisation", async () => {
    const support = await userByEmail("support@schoot.example");
    const organisation = await makeOrganisation();
    const person = await makeUser(organisation.id);
    const first = await createTicket(person.id, ticketInput(organisation.id, { category: "COURSES" }));
    const second = await createTicket(person.id, ticketInput(organisation.id, { category: "CHANGE_DESIGNATION" }));
    const third = await createTicket(person.id, ticketInput(organisation.id, { category: "COURSES" }));
    await changeTicketStatus(support.id, { ticketId: third.id, status: "RESOLVED" });

    const ids = async (filters: Parameters<typeof listTicketQueue>[1]) => (await listTicketQueue(support.id, filters)).tickets.map((t) => t.id);
    expect(await ids({ status: "ACTIVE", organisation: organisation.id })).toEqual([first.id, second.id]);
    expect(await ids({ status: "ALL", organisation: organisation.id })).toEqual([first.id, second.id, third.id]);
    expect(await ids({ status: "RESOLVED", organisation: organisation.id })).toEqual([third.id]);
    expect(await ids({ status: "ALL", category: "COURSES", organisation: organisation.id })).toEqual([first.id, third.id]);
    expect(await ids({ status: "ALL", organisation: organisation.id, after: first.number })).toEqual([second.id, third.id]);
    const whole = (await listTicketQueue(support.id, { status: "ALL" })).tickets.map((t) => t.number);
    expect(whole).toEqual([...whole].sort((a, b) => a - b));
  });
});

describe("changing a designation", () => {
  it("writes the designation, an audit row with reason and ticket, and a message on the ticket, together", async () => {
    const { organisation, raiser, support, ticket } = await makeTicketWorld("LOCAL_AUTHORITY_MAINTAINED");
    await changeDesignation(support.id, {
      organisationId: organisation.id,
      expectedDesignation: "LOCAL_AUTHORITY_MAINTAINED",
      designation: "ACADEMIES",
      reason: "Converted to a Multi Academy Trust in September",
      ticketId: ticket.id,
    });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).designation).toBe("ACADEMIES");
    const audit = await db.auditLog.findMany({ where: { organisationId: organisation.id, action: "organisation.designation_changed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: support.id,
      targetType: "Organisation",
      targetId: organisation.id,
      before: { designation: "LOCAL_AUTHORITY_MAINTAINED" },
      after: { designation: "ACADEMIES", reason: "Converted to a Multi Academy Trust in September", ticketId: ticket.id },
    });
    const seen = await getMyTicket(raiser.id, ticket.id);
    expect(seen!.messages.at(-1)).toMatchObject({ fromSupport: true });
    expect(seen!.messages.at(-1)!.body).toContain("from Local authority maintained to Academies");
  });

  it("changes nothing when the ticket is about another organisation", async () => {
    const { organisation, support } = await makeTicketWorld();
    const elsewhere = await makeTicketWorld();
    await expect(
      changeDesignation(support.id, { organisationId: organisation.id, expectedDesignation: "LOCAL_AUTHORITY_MAINTAINED", designation: "ACADEMIES", reason: "r", ticketId: elsewhere.ticket.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).designation).toBe("LOCAL_AUTHORITY_MAINTAINED");
    expect(await db.auditLog.count({ where: { organisationId: organisation.id, action: "organisation.designation_changed" } })).toBe(0);
    expect(await db.ticketMessage.count({ where: { ticketId: elsewhere.ticket.id } })).toBe(1);
  });

  it("refuses a change based on a designation that has changed meanwhile, and a change to the same designation", async () => {
    const { organisation, support } = await makeTicketWorld("OTHER");
    const base = { organisationId: organisation.id, reason: "r" };
    await expect(changeDesignation(support.id, { ...base, expectedDesignation: "INDEPENDENT", designation: "ACADEMIES" })).rejects.toThrow("changed meanwhile");
    await expect(changeDesignation(support.id, { ...base, expectedDesignation: "OTHER", designation: "OTHER" })).rejects.toThrow("already designated Other");
    // Two support staff at once: one change wins, the other is refused rather than silently overwriting it.
    const results = await Promise.allSettled([
      changeDesignation(support.id, { ...base, expectedDesignation: "OTHER", designation: "ACADEMIES" }),
      changeDesignation(support.id, { ...base, expectedDesignation: "OTHER", designation: "INDEPENDENT" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { organisationId: organisation.id, action: "organisation.designation_changed" } })).toBe(1);
  });

  it("lets lead@oakhill.example see Willow Academy's progress only once support designates Oak Hill Trust Academies", async () => {
    const lead = await userByEmail("lead@oakhill.example");
    const support = await userByEmail("support@schoot.example");
    const oakHill = await db.organisation.findFirstOrThrow({ where: { name: "Oak Hill Trust" } });
    const trustSchools = async () =>
      (await listProgressScopes(lead.id)).flatMap((scope) => (scope.kind === "trust-school" ? [`${scope.trustName}: ${scope.schoolName}`] : []));
    expect(oakHill.designation).toBe("LOCAL_AUTHORITY_MAINTAINED");
    expect(await trustSchools()).toEqual([]);
    const ticket = await createTicket(lead.id, ticketInput(oakHill.id, { category: "CHANGE_DESIGNATION", subject: "Change our designation to Academies" }));
    try {
      await changeDesignation(support.id, {
        organisationId: oakHill.id,
        expectedDesignation: "LOCAL_AUTHORITY_MAINTAINED",
        designation: "ACADEMIES",
        reason: "Oak Hill Trust is a Multi Academy Trust",
        ticketId: ticket.id,
      });
      expect(await trustSchools()).toEqual(["Oak Hill Trust: Willow Academy"]);
    } finally {
      // Shared demo data: put it back for the other tests (the audit rows stay, as they must).
      await db.organisation.update({ where: { id: oakHill.id }, data: { designation: "LOCAL_AUTHORITY_MAINTAINED" } });
      await db.supportTicket.delete({ where: { id: ticket.id } });
    }
    expect(await trustSchools()).toEqual([]);
  });
});

/*
 * Who may use support's side, as data: one generated test per actor and action. Only Schoot support may;
 * everyone else, including an Administrator of the ticket's own organisation, is answered not found and
 * changes nothing.
 */
type World = Awaited<ReturnType<typeof makeTicketWorld>>;
const actors: Record<string, (world: World) => Promise<string>> = {
  "a Member who raised the ticket": async (w) => w.raiser.id,
  "an Administrator of the ticket's organisation": async (w) => w.administrator.id,
  "an Administrator of another organisation": async () => (await makeUser((await makeOrganisation()).id, "ADMINISTRATOR")).id,
  "Schoot support": async (w) => w.support.id,
};
const supportActions: Record<string, (actorId: string, world: World) => Promise<unknown>> = {
  "list the ticket queue": (actorId) => listTicketQueue(actorId, { status: "ACTIVE" }),
  "read the ticket in the console": (actorId, w) => getTicketForSupport(actorId, w.ticket.id),
  "reply as support": (actorId, w) => replyAsSupport(actorId, { ticketId: w.ticket.id, body: "Done", status: "WAITING_ON_YOU" }),
  "change the ticket's status": (actorId, w) => changeTicketStatus(actorId, { ticketId: w.ticket.id, status: "RESOLVED" }),
  "change the organisation's designation": (actorId, w) =>
    changeDesignation(actorId, { organisationId: w.organisation.id, expectedDesignation: "LOCAL_AUTHORITY_MAINTAINED", designation: "ACADEMIES", reason: "r", ticketId: w.ticket.id }),
};

describe("only Schoot support uses the console", () => {
  for (const [actorName, actorFor] of Object.entries(actors)) {
    for (const [actionName, run] of Object.entries(supportActions)) {
      const allowed = actorName === "Schoot support";
      it(`${actorName} ${allowed ? "may" : "may not"} ${actionName}`, async () => {
        const world = await makeTicketWorld();
        const actorId = await actorFor(world);
        const snapshot = async () => ({
          designation: (await db.organisation.findUniqueOrThrow({ where: { id: world.organisation.id } })).designation,
          ticket: await db.supportTicket.findUniqueOrThrow({ where: { id: world.ticket.id }, select: { status: true, _count: { select: { messages: true } } } }),
          audit: await db.auditLog.count({ where: { organisationId: world.organisation.id } }),
        });
        const before = await snapshot();
        if (allowed) {
          await expect(run(actorId, world)).resolves.not.toBeNull();
        } else {
          await expect(run(actorId, world)).rejects.toBeInstanceOf(NotFoundError);
          expect(await snapshot()).toEqual(before);
        }
      });
    }
  }
});
