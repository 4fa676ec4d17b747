import { describe, expect, it } from "vitest";
import { canViewSchoolProgress, listProgressScopes, listSchoolProgressViewers } from "@/lib/access";
import { ActionError, NotFoundError } from "@/lib/errors";
import { db } from "@/lib/db";
import { chooseTrust, getTrustAccessChecklist, listTrustHistory, removeTrust, searchTrustCandidates } from "@/lib/trust";
import { seedOrganisations } from "../../prisma/seed";
import { makeOrganisation, makeTrust, makeUser, memberScopeOf, permittedAs, scopeAs, userByEmail } from "./helpers";

const schoolNames = (scopes: Awaited<ReturnType<typeof listProgressScopes>>) => scopes.flatMap((s) => (s.kind === "self" ? [] : [s.schoolName]));

describe("progress scopes on the demo data", () => {
  it("lists a MAT lead's granted schools first, alphabetically, then their own organisation, then their own progress", async () => {
    const lead = await userByEmail("lead@northstar.example");
    const scopes = await listProgressScopes(lead.id);
    expect(schoolNames(scopes)).toEqual(["Hillcrest Academy", "Riverside Primary Academy", "Northstar Academy Trust"]);
    expect(scopes.at(-1)).toEqual({ kind: "self" });
  });

  it("gives a trust's Member and a trust that is not Academies no school", async () => {
    expect(schoolNames(await listProgressScopes((await userByEmail("analyst@northstar.example")).id))).toEqual([]);
    expect(schoolNames(await listProgressScopes((await userByEmail("lead@oakhill.example")).id))).toEqual(["Oak Hill Trust"]);
  });

  it("agrees with the inverse question for every demo viewer and school (property)", async () => {
    const users = await db.user.findMany({ where: { email: { not: { endsWith: "@test.example" } } }, select: { id: true } });
    const organisations = await db.organisation.findMany({ where: { name: { in: seedOrganisations.map((o) => o.name) } }, select: { id: true } });
    expect(organisations).toHaveLength(seedOrganisations.length);
    const viewersOf = new Map(await Promise.all(organisations.map(async (o) => [o.id, new Set((await listSchoolProgressViewers(await memberScopeOf(o.id))).map((v) => v.userId))] as const)));
    for (const user of users) {
      const scoped = new Set((await listProgressScopes(user.id)).flatMap((s) => (s.kind === "self" ? [] : [s.schoolId])));
      for (const organisation of organisations) {
        const inverse = viewersOf.get(organisation.id)!.has(user.id);
        expect(scoped.has(organisation.id), `${user.id} / ${organisation.id}`).toBe(inverse);
        expect(await canViewSchoolProgress(user.id, organisation.id)).toBe(inverse);
      }
    }
  });

  it("answers a malformed or unknown school id as no access", async () => {
    const lead = await userByEmail("lead@northstar.example");
    expect(await canViewSchoolProgress(lead.id, "not-a-uuid")).toBe(false);
    expect(await canViewSchoolProgress(lead.id, "00000000-0000-4000-8000-000000000000")).toBe(false);
  });
});

describe("choosing a Multi Academy Trust", () => {
  it("chooses, changes and removes, with history, audit rows and access following at once", async () => {
    const trust = await makeTrust({ name: "Choice Trust A" });
    const other = await makeTrust({ name: "Choice Trust B" });
    const school = await makeOrganisation({ name: "Choice School" });
    const head = await makeUser(school.id, "ADMINISTRATOR");
    const trustLead = await makeUser(trust.id, "ADMINISTRATOR");
    const otherLead = await makeUser(other.id, "ADMINISTRATOR");

    await chooseTrust(head.id, { schoolId: school.id, trustId: trust.id, confirmedTrustId: trust.id });
    expect(await canViewSchoolProgress(trustLead.id, school.id)).toBe(true);

    await chooseTrust(head.id, { schoolId: school.id, trustId: other.id, confirmedTrustId: other.id });
    expect(await canViewSchoolProgress(trustLead.id, school.id)).toBe(false);
    expect(await canViewSchoolProgress(otherLead.id, school.id)).toBe(true);

    await removeTrust(head.id, { schoolId: school.id });
    expect(await canViewSchoolProgress(otherLead.id, school.id)).toBe(false);

    const history = await listTrustHistory(await scopeAs(school.id));
    const lines = history.map((h) => `${h.action} ${h.trustName}`);
    expect(lines[0]).toBe("REMOVED Choice Trust B");
    expect(lines.at(-1)).toBe("CHOSEN Choice Trust A");
    expect(lines.slice(1, 3).sort()).toEqual(["CHOSEN Choice Trust B", "REMOVED Choice Trust A"]);
    expect(history).toHaveLength(4);
    expect((await listTrustHistory(await scopeAs(trust.id))).map((h) => h.action).sort()).toEqual(["CHOSEN", "REMOVED"]);
    const audit = await db.auditLog.findMany({ where: { organisationId: school.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["trust.chosen", "trust.changed", "trust.removed"]);
    expect(audit.every((a) => a.actorId === head.id)).toBe(true);
  });

  it("refuses a Member, an outsider, an unknown trust, an unconfirmed choice, and the school itself", async () => {
    const trust = await makeTrust({ name: "Refusal Trust" });
    const notAcademies = await makeTrust({ name: "Refusal LA", designation: "LOCAL_AUTHORITY_MAINTAINED" });
    const school = await makeOrganisation({ name: "Refusal School" });
    const head = await makeUser(school.id, "ADMINISTRATOR");
    const member = await makeUser(school.id, "MEMBER");
    const outsider = await makeUser(trust.id, "ADMINISTRATOR");

    await expect(chooseTrust(member.id, { schoolId: school.id, trustId: trust.id, confirmedTrustId: trust.id })).rejects.toThrow(ActionError);
    await expect(chooseTrust(outsider.id, { schoolId: school.id, trustId: trust.id, confirmedTrustId: trust.id })).rejects.toThrow(NotFoundError);
    await expect(chooseTrust(head.id, { schoolId: school.id, trustId: "00000000-0000-4000-8000-000000000000", confirmedTrustId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(NotFoundError);
    await expect(chooseTrust(head.id, { schoolId: school.id, trustId: trust.id })).rejects.toThrow(/Confirm the trust/);
    await expect(chooseTrust(head.id, { schoolId: school.id, trustId: trust.id, confirmedTrustId: notAcademies.id })).rejects.toThrow(/Confirm the trust/);
    await expect(chooseTrust(head.id, { schoolId: school.id, trustId: school.id, confirmedTrustId: school.id })).rejects.toThrow(/cannot choose itself/);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: school.id } })).trustId).toBeNull();
    expect(await db.auditLog.count({ where: { organisationId: school.id } })).toBe(0);
    expect(await db.trustChoiceEvent.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it("chooses a trust not designated Academies, whose Administrators then see nothing until it is designated", async () => {
    const notAcademies = await makeTrust({ name: "Chosen LA Trust", designation: "LOCAL_AUTHORITY_MAINTAINED" });
    const school = await makeOrganisation({ name: "Chooses LA School" });
    const head = await makeUser(school.id, "ADMINISTRATOR");
    const lead = await makeUser(notAcademies.id, "ADMINISTRATOR");
    await chooseTrust(head.id, { schoolId: school.id, trustId: notAcademies.id, confirmedTrustId: notAcademies.id });
    expect((await db.organisation.findUniqueOrThrow({ where: { id: school.id } })).trustId).toBe(notAcademies.id);
    expect(await canViewSchoolProgress(lead.id, school.id)).toBe(false);
  });

  it("offers only trusts, never a school or the organisation itself, by name, Companies House number or member school", async () => {
    const meadowLane = await db.organisation.findFirstOrThrow({ where: { name: "Meadow Lane Academy" } });
    const academy = await searchTrustCandidates(await permittedAs(meadowLane.id, "trust.choose"), "Academy");
    // By name, or by a member school named "… Academy"; and not one of the demo's schools named "… Academy".
    expect(academy.map((o) => o.name)).toEqual(expect.arrayContaining(["Elmwood Learning Trust", "Northstar Academy Trust", "Oak Hill Trust"]));
    const kinds = await db.organisation.findMany({ where: { id: { in: academy.map((o) => o.id) } }, select: { kind: true } });
    expect(kinds.length).toBe(academy.length);
    expect(kinds.every((o) => o.kind === "TRUST")).toBe(true);
    expect((await searchTrustCandidates(await permittedAs(meadowLane.id, "trust.choose"), "northstar")).map((o) => o.name)).toEqual(["Northstar Academy Trust"]);
    expect((await searchTrustCandidates(await permittedAs(meadowLane.id, "trust.choose"), "Oak Hill")).map((o) => [o.name, o.designation])).toEqual([["Oak Hill Trust", "LOCAL_AUTHORITY_MAINTAINED"]]);
    expect((await searchTrustCandidates(await permittedAs(meadowLane.id, "trust.choose"), "08123401")).map((o) => o.name)).toEqual(["Northstar Academy Trust"]);
    expect((await searchTrustCandidates(await permittedAs(meadowLane.id, "trust.choose"), "Hillcrest")).map((o) => [o.name, o.schoolNames])).toEqual([["Northstar Academy Trust", ["Hillcrest Academy", "Riverside Primary Academy"]]]);
    expect(await searchTrustCandidates(await permittedAs(meadowLane.id, "trust.choose"), "Meadow Lane")).toEqual([]);
    expect(await searchTrustCandidates(await permittedAs(meadowLane.id, "trust.choose"), "St Anne")).toEqual([]);
    const northstar = await db.organisation.findFirstOrThrow({ where: { name: "Northstar Academy Trust" } });
    expect((await searchTrustCandidates(await permittedAs(northstar.id, "trust.choose"), "Trust")).map((o) => o.name)).not.toContain("Northstar Academy Trust");
  });
});

describe("Trust access checklist", () => {
  it("reads the three conditions for Oak Hill Trust and Northstar", async () => {
    const oakhill = await userByEmail("lead@oakhill.example");
    const oak = await getTrustAccessChecklist(oakhill.id, oakhill.currentOrganisationId!);
    expect(oak?.organisation.designation).toBe("LOCAL_AUTHORITY_MAINTAINED");
    expect(oak?.role).toBe("ADMINISTRATOR");
    expect(oak?.schools.map((s) => s.name)).toEqual(["Willow Academy"]);

    const analyst = await userByEmail("analyst@northstar.example");
    const north = await getTrustAccessChecklist(analyst.id, analyst.currentOrganisationId!);
    expect(north?.role).toBe("MEMBER");
    expect(north?.administrators.map((a) => a.email)).toContain("lead@northstar.example");
    expect(north?.schools.map((s) => s.name)).toEqual(["Hillcrest Academy", "Riverside Primary Academy"]);
  });

  it("answers nothing for an organisation the viewer does not belong to", async () => {
    const oakhill = await userByEmail("lead@oakhill.example");
    const northstar = await db.organisation.findFirstOrThrow({ where: { name: "Northstar Academy Trust" } });
    expect(await getTrustAccessChecklist(oakhill.id, northstar.id)).toBeNull();
  });
});

describe("who can see my training", () => {
  it("names a Riverside teacher's school Administrators and the trust's Administrators", async () => {
    const riverside = await db.organisation.findFirstOrThrow({ where: { name: "Riverside Primary Academy" } });
    const viewers = await listSchoolProgressViewers(await memberScopeOf(riverside.id));
    expect(viewers.map((v) => `${v.email} ${v.reason}`)).toEqual(["head@riverside.example school-administrator", "lead@northstar.example trust-administrator"]);
  });
});
