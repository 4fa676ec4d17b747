// Organisation kinds: only a School chooses a Multi Academy Trust and only a Trust is chosen, held by the
// database itself (whatever writes), by lib/trust.ts, and by support's console; the migration that gave existing
// rows their kind; and the demo data's kinds and differences between schools.
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { listProgressScopes } from "@/lib/access";
import { ActionError, NotFoundError } from "@/lib/errors";
import { changeKind, createOrganisation, createOrganisationInput } from "@/lib/console-organisations";
import { changeDesignation } from "@/lib/designations";
import { db } from "@/lib/db";
import { chooseTrust, chooseTrustInput, listTrustAccessGaps } from "@/lib/trust";
import { createTicket } from "@/lib/tickets";
import { openSchemaEngine, readMigrations, noFilters } from "../../scripts/schema-engine";
import { seedOrganisations } from "../../prisma/seed";
import { makeOrganisation, makeTrust, makeUser, unique, userByEmail } from "./helpers";

describe("kinds held by the database", () => {
  it("refuses a school as anyone's trust, a trust choosing a trust, and so any cycle", async () => {
    const schoolA = await makeOrganisation();
    const schoolB = await makeOrganisation();
    const trustA = await makeTrust();
    const trustB = await makeTrust();
    await expect(db.organisation.update({ where: { id: schoolA.id }, data: { trustId: schoolB.id } })).rejects.toThrow(/Only a trust can be chosen/);
    await expect(db.organisation.update({ where: { id: trustA.id }, data: { trustId: trustB.id } })).rejects.toThrow(/only_school_chooses_trust/);
    await expect(db.$executeRaw`UPDATE "Organisation" SET "trustId" = ${trustA.id}::uuid WHERE id = ${trustB.id}::uuid`).rejects.toThrow();
    await expect(db.organisation.create({ data: { name: unique("Bad"), kind: "SCHOOL", designation: "ACADEMIES", trustId: schoolA.id } })).rejects.toThrow(/Only a trust/);
    // A school choosing a trust is fine.
    await db.organisation.update({ where: { id: schoolA.id }, data: { trustId: trustA.id } });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: schoolA.id } })).trustId).toBe(trustA.id);
  });

  it("refuses changing a chosen trust into a school, and a school with a trust into a trust", async () => {
    const trust = await makeTrust();
    const school = await makeOrganisation({ trustId: trust.id });
    await expect(db.organisation.update({ where: { id: trust.id }, data: { kind: "SCHOOL" } })).rejects.toThrow(/cannot become a school/);
    await expect(db.organisation.update({ where: { id: school.id }, data: { kind: "TRUST" } })).rejects.toThrow(/only_school_chooses_trust/);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: trust.id } })).kind).toBe("TRUST");
  });
});

describe("choosing a trust through lib/trust.ts", () => {
  it("refuses a choice without its confirmation, in the action's schema and in the function itself", async () => {
    const trust = await makeTrust();
    const school = await makeOrganisation();
    const head = await makeUser(school.id, "ADMINISTRATOR");
    const unconfirmed = chooseTrustInput.safeParse({ schoolId: school.id, trustId: trust.id });
    expect(unconfirmed.success).toBe(false);
    expect(unconfirmed.error?.issues[0]?.path).toEqual(["confirmedTrustId"]);
    expect(chooseTrustInput.safeParse({ schoolId: school.id, trustId: trust.id, confirmedTrustId: trust.id }).success).toBe(true);
    await expect(chooseTrust(head.id, { schoolId: school.id, trustId: trust.id })).rejects.toThrow(ActionError);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: school.id } })).trustId).toBeNull();
    expect(await db.auditLog.count({ where: { organisationId: school.id } })).toBe(0);
  });

  it("answers a school's id as not found, and refuses a trust that tries to choose", async () => {
    const school = await makeOrganisation();
    const neighbour = await makeOrganisation();
    const head = await makeUser(school.id, "ADMINISTRATOR");
    await expect(chooseTrust(head.id, { schoolId: school.id, trustId: neighbour.id, confirmedTrustId: neighbour.id })).rejects.toThrow(NotFoundError);

    const trust = await makeTrust();
    const otherTrust = await makeTrust();
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    await expect(chooseTrust(lead.id, { schoolId: trust.id, trustId: otherTrust.id, confirmedTrustId: otherTrust.id })).rejects.toThrow(/Only a school chooses/);
    expect(await db.trustChoiceEvent.count({ where: { schoolId: { in: [school.id, trust.id] } } })).toBe(0);
  });
});

describe("the kind migration", () => {
  it("gives existing rows their kind and clears a trust's own choice, keeping it in the history", async () => {
    const name = `kinds_${randomUUID().slice(0, 8)}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const all = readMigrations();
    const init = { ...all, migrationDirectories: all.migrationDirectories.filter((d) => d.path.endsWith("_init")) };
    expect(init.migrationDirectories).toHaveLength(1);
    const engine = await openSchemaEngine(url.toString());
    const client = new Client({ connectionString: url.toString() });
    try {
      await engine.applyMigrations({ migrationsList: init, filters: noFilters });
      await client.connect();
      // Before kinds: Big Trust chosen by two schools; "Lonely Learning Trust" chosen by nobody; a school with
      // nothing; "Chooser Trust" chosen by a school and itself choosing Big Trust (possible then).
      const rows = await client.query<{ id: string; name: string }>(`
        INSERT INTO "Organisation" (id, name, designation) VALUES
          (gen_random_uuid(), 'Big Academies', 'ACADEMIES'),
          (gen_random_uuid(), 'Lonely Learning Trust', 'ACADEMIES'),
          (gen_random_uuid(), 'Plain Primary', 'LOCAL_AUTHORITY_MAINTAINED'),
          (gen_random_uuid(), 'Chooser Trust', 'ACADEMIES'),
          (gen_random_uuid(), 'Member School One', 'ACADEMIES'),
          (gen_random_uuid(), 'Member School Two', 'ACADEMIES')
        RETURNING id, name`);
      const id = Object.fromEntries(rows.rows.map((r) => [r.name, r.id]));
      const choose = (school: string, trust: string) => client.query(`UPDATE "Organisation" SET "trustId" = $1, "trustChosenAt" = now() WHERE id = $2`, [id[trust], id[school]]);
      await choose("Member School One", "Big Academies");
      await choose("Chooser Trust", "Big Academies");
      await choose("Member School Two", "Chooser Trust");
      const before = (await client.query(`SELECT count(*)::int AS n FROM "Organisation"`)).rows[0].n;

      await engine.applyMigrations({ migrationsList: all, filters: noFilters });
      const after = await client.query<{ name: string; kind: string; trust: string | null }>(`
        SELECT o.name, o.kind::text AS kind, t.name AS trust FROM "Organisation" o LEFT JOIN "Organisation" t ON t.id = o."trustId" ORDER BY o.name`);
      expect(after.rows).toEqual([
        { name: "Big Academies", kind: "TRUST", trust: null },
        { name: "Chooser Trust", kind: "TRUST", trust: null },
        { name: "Lonely Learning Trust", kind: "TRUST", trust: null },
        { name: "Member School One", kind: "SCHOOL", trust: "Big Academies" },
        { name: "Member School Two", kind: "SCHOOL", trust: "Chooser Trust" },
        { name: "Plain Primary", kind: "SCHOOL", trust: null },
      ]);
      expect(after.rows).toHaveLength(before);
      const events = await client.query(`SELECT action::text FROM "TrustChoiceEvent" WHERE "schoolId" = $1 AND "trustId" = $2`, [id["Chooser Trust"], id["Big Academies"]]);
      expect(events.rows).toEqual([{ action: "REMOVED" }]);
    } finally {
      engine.free();
      await client.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe("support sets the kind", () => {
  it("creates an organisation of a kind, audited, and refuses a URN on a trust", async () => {
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    const input = createOrganisationInput.parse({ name: unique("New Trust"), kind: "TRUST", designation: "ACADEMIES", urn: "", companiesHouseNumber: `0${Math.floor(1e6 + Math.random() * 8e6)}`, address: "" });
    const created = await createOrganisation(support.id, input);
    const row = await db.organisation.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.kind, row.urn, row.companiesHouseNumber]).toEqual(["TRUST", null, input.companiesHouseNumber]);
    expect((await db.auditLog.findMany({ where: { targetId: created.id } })).map((a) => a.action)).toEqual(["organisation.created"]);
    const bad = createOrganisationInput.safeParse({ name: "X Trust", kind: "TRUST", designation: "ACADEMIES", urn: "140999", companiesHouseNumber: "", address: "" });
    expect(bad.success ? null : Object.keys(bad.error.flatten().fieldErrors)).toEqual(["urn"]);
    const teacher = await userByEmail("teacher@riverside.example");
    await expect(createOrganisation(teacher.id, { ...input, name: unique("Sneaky"), companiesHouseNumber: null })).rejects.toThrow(NotFoundError);
  });

  it("changes a kind with an audit row, and refuses one that would break a trust choice", async () => {
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    const lonely = await makeOrganisation();
    await changeKind(support.id, { organisationId: lonely.id, expectedKind: "SCHOOL", kind: "TRUST", reason: "It is a MAT" });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: lonely.id } })).kind).toBe("TRUST");
    const audit = await db.auditLog.findMany({ where: { targetId: lonely.id } });
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([["organisation.kind_changed", { kind: "SCHOOL" }, { kind: "TRUST", reason: "It is a MAT" }]]);

    const trust = await makeTrust();
    const school = await makeOrganisation({ trustId: trust.id });
    await expect(changeKind(support.id, { organisationId: trust.id, expectedKind: "TRUST", kind: "SCHOOL", reason: "x" })).rejects.toThrow(/cannot be chosen/);
    await expect(changeKind(support.id, { organisationId: school.id, expectedKind: "SCHOOL", kind: "TRUST", reason: "x" })).rejects.toThrow(/remove its choice/);
    await expect(changeKind(support.id, { organisationId: lonely.id, expectedKind: "SCHOOL", kind: "TRUST", reason: "x" })).rejects.toThrow(/changed meanwhile/);
    const head = await makeUser(school.id, "ADMINISTRATOR");
    await expect(changeKind(head.id, { organisationId: school.id, expectedKind: "SCHOOL", kind: "TRUST", reason: "x" })).rejects.toThrow(NotFoundError);
    expect(await db.auditLog.count({ where: { targetId: { in: [trust.id, school.id] }, action: "organisation.kind_changed" } })).toBe(0);
  });

  it("resolves the ticket in the same step as a designation change when asked", async () => {
    const trust = await makeTrust({ designation: "LOCAL_AUTHORITY_MAINTAINED" });
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const support = await makeUser(undefined, "MEMBER", "SUPPORT");
    const ticket = await createTicket(lead.id, { category: "CHANGE_DESIGNATION", subject: "Academies please", message: "We are a MAT.", organisationId: trust.id, idempotencyKey: randomUUID() });
    const result = await changeDesignation(support.id, {
      organisationId: trust.id, expectedDesignation: "LOCAL_AUTHORITY_MAINTAINED", designation: "ACADEMIES", reason: "Confirmed", ticketId: ticket.id, resolveTicket: "on",
    });
    expect(result.ticketResolved).toBe(true);
    expect((await db.supportTicket.findUniqueOrThrow({ where: { id: ticket.id } })).status).toBe("RESOLVED");
    expect((await db.auditLog.findMany({ where: { organisationId: trust.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(
      expect.arrayContaining(["organisation.designation_changed", "ticket.status_changed"]),
    );
  });
});

describe("the reason a trust's staff see no school", () => {
  it("names the designation for Oak Hill's lead, the role for Northstar's analyst, and nothing for Northstar's lead", async () => {
    const gaps = async (email: string) => (await listTrustAccessGaps((await userByEmail(email)).id)).map((g) => [g.trust.name, g.missing]);
    expect(await gaps("lead@oakhill.example")).toEqual([["Oak Hill Trust", ["designation"]]]);
    expect(await gaps("analyst@northstar.example")).toEqual([["Northstar Academy Trust", ["role"]]]);
    expect(await gaps("lead@northstar.example")).toEqual([]);
    expect(await gaps("teacher@riverside.example")).toEqual([]);
  });

  it("names a lead's own trust as its central team in the selector's scopes", async () => {
    const scopes = await listProgressScopes((await userByEmail("lead@northstar.example")).id);
    expect(scopes.find((s) => s.kind === "own-organisation")).toMatchObject({ schoolName: "Northstar Academy Trust", organisationKind: "TRUST" });
    expect(await listProgressScopes((await userByEmail("teacher@riverside.example")).id)).toEqual([{ kind: "self" }]);
  });
});

describe("demo data", () => {
  it("gives every organisation product.md's kind, trusts a Companies House number and schools a URN", async () => {
    const rows = await db.organisation.findMany({ where: { name: { in: seedOrganisations.map((o) => o.name) } }, select: { name: true, kind: true, urn: true, companiesHouseNumber: true } });
    expect(rows).toHaveLength(seedOrganisations.length);
    for (const row of rows) {
      const expected = seedOrganisations.find((o) => o.name === row.name)!;
      expect(row.kind, row.name).toBe(expected.kind);
      expect(row.kind === "TRUST" ? row.companiesHouseNumber : row.urn, row.name).toMatch(/^\d{6,8}$/);
    }
    expect(rows.filter((r) => r.kind === "TRUST").map((r) => r.name).sort()).toEqual(["Elmwood Learning Trust", "Northstar Academy Trust", "Oak Hill Trust"]);
  });

  it("makes schools differ: 6 to 40 staff, completion from about 30 % to 90 %, Hillcrest well behind Riverside", async () => {
    const schools = await db.$queryRaw<{ name: string; staff: number; rate: number }[]>`
      SELECT o.name, count(DISTINCT m."userId")::int AS staff,
             (count(e.id) FILTER (WHERE e."completedAt" IS NOT NULL))::float / count(e.id) AS rate
        FROM "Organisation" o JOIN "Membership" m ON m."organisationId" = o.id JOIN "Enrolment" e ON e."userId" = m."userId"
       WHERE o.kind = 'SCHOOL' AND o.name = ANY(${seedOrganisations.filter((o) => o.kind === "SCHOOL").map((o) => o.name)})
       GROUP BY o.name`;
    const by = Object.fromEntries(schools.map((s) => [s.name, s]));
    expect(Object.keys(by)).toHaveLength(6);
    for (const school of schools) expect(school.staff, school.name).toBeGreaterThanOrEqual(6);
    expect(Math.max(...schools.map((s) => s.staff))).toBeGreaterThanOrEqual(40); // Brookside (other tests may add people)
    expect(Math.min(...schools.map((s) => s.rate))).toBeLessThan(0.4);
    expect(Math.max(...schools.map((s) => s.rate))).toBeGreaterThan(0.7);
    expect(by["Hillcrest Academy"]!.rate).toBeLessThan(by["Riverside Primary Academy"]!.rate - 0.3);
  });
});
