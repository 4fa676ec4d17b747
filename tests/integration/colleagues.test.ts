// Role changes and removals, on a real PostgreSQL: the last-Administrator rule one step at a time and
// under concurrency, what a removal keeps, and the audit trail that "Recent changes" reads.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", () => ({ getViewer: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { ActionError } = await import("@/lib/errors");
const { changeRole, LastAdministratorError, listColleagues, removeColleague } = await import("@/lib/colleagues");
const { db } = await import("@/lib/db");
const { describeChange, listRecentChanges } = await import("@/lib/recent-changes");
const { addPerson, auditCount, makeSchoolWithStaff, roleOf } = await import("./colleague-fixtures");
const { makeOrganisation, permittedAs } = await import("./helpers");

const administrators = (organisationId: string) => db.membership.count({ where: { organisationId, role: "ADMINISTRATOR" } });

describe("the last Administrator, one change at a time", () => {
  it("lets an Administrator make themselves a Member while another Administrator remains", async () => {
    const { school, admin, secondAdmin } = await makeSchoolWithStaff();
    expect((await changeRole(admin.id, { organisationId: school.id, membershipId: admin.membershipId, role: "MEMBER", confirm: "yes" })).message).toBe("You are now a Member.");
    expect(await roleOf(admin.membershipId)).toBe("MEMBER");
    // Now the only one left: refused, with the reason and the way forward.
    const refusal = changeRole(secondAdmin.id, { organisationId: school.id, membershipId: secondAdmin.membershipId, role: "MEMBER", confirm: "yes" });
    await expect(refusal).rejects.toBeInstanceOf(LastAdministratorError);
    await expect(refusal).rejects.toThrow(/only Administrator of .+ Make a colleague an Administrator first/);
    expect(await roleOf(secondAdmin.membershipId)).toBe("ADMINISTRATOR");
  });

  it("refuses to remove the last Administrator, and to let them remove themselves", async () => {
    const school = await makeOrganisation();
    const admin = await addPerson(school.id, "ADMINISTRATOR");
    const audits = await auditCount(school.id);
    await expect(removeColleague(admin.id, { organisationId: school.id, membershipId: admin.membershipId })).rejects.toThrow(/You are the only Administrator/);
    await expect(changeRole(admin.id, { organisationId: school.id, membershipId: admin.membershipId, role: "MEMBER", confirm: "yes" })).rejects.toBeInstanceOf(LastAdministratorError);
    expect(await roleOf(admin.membershipId)).toBe("ADMINISTRATOR");
    expect(await auditCount(school.id)).toBe(audits);
  });

  it("answers a change to the role someone already has without writing anything", async () => {
    const { school, admin, member } = await makeSchoolWithStaff();
    const audits = await auditCount(school.id);
    const result = await changeRole(admin.id, { organisationId: school.id, membershipId: member.membershipId, role: "MEMBER", confirm: "yes" });
    expect(result.message).toMatch(/is already a Member/);
    expect(await auditCount(school.id)).toBe(audits);
  });

  it("takes a demoted Administrator's powers away at once", async () => {
    const { school, admin, secondAdmin, member } = await makeSchoolWithStaff();
    await changeRole(admin.id, { organisationId: school.id, membershipId: secondAdmin.membershipId, role: "MEMBER", confirm: "yes" });
    await expect(changeRole(secondAdmin.id, { organisationId: school.id, membershipId: member.membershipId, role: "ADMINISTRATOR", confirm: "yes" })).rejects.toThrow(/Only an Administrator/);
  });
});

describe("the last Administrator, under concurrency", () => {
  it("keeps exactly one Administrator when 20 demotions race at an organisation with 2, for 50 rounds", async () => {
    const school = await makeOrganisation();
    const pair = [await addPerson(school.id, "ADMINISTRATOR"), await addPerson(school.id, "ADMINISTRATOR")];

    for (let round = 0; round < 50; round++) {
      const audits = await auditCount(school.id);
      // Every combination: each Administrator demoting themselves and the other, five times over.
      const attempts = Array.from({ length: 20 }, (_, i) => {
        const actor = pair[i % 2]!;
        const target = pair[(i >> 1) % 2]!;
        return changeRole(actor.id, { organisationId: school.id, membershipId: target.membershipId, role: "MEMBER", confirm: "yes" });
      });
      const results = await Promise.allSettled(attempts);

      expect(await administrators(school.id), `round ${round}`).toBe(1);
      expect(await auditCount(school.id), `round ${round}: one demotion happened`).toBe(audits + 1);
      // Every refusal is one a person can read (last Administrator, or no longer an Administrator), never a crash.
      for (const result of results) {
        if (result.status === "rejected") expect(result.reason, String(result.reason)).toBeInstanceOf(ActionError);
      }
      await db.membership.updateMany({ where: { organisationId: school.id }, data: { role: "ADMINISTRATOR" } });
    }
  });

  it("keeps an Administrator when removals and self-demotions race", async () => {
    for (let round = 0; round < 10; round++) {
      const school = await makeOrganisation();
      const [a, b] = [await addPerson(school.id, "ADMINISTRATOR"), await addPerson(school.id, "ADMINISTRATOR")];
      const attempts = Array.from({ length: 20 }, (_, i) => {
        const [actor, other] = i % 2 ? [a, b] : [b, a];
        return i % 4 < 2
          ? removeColleague(actor.id, { organisationId: school.id, membershipId: other.membershipId })
          : changeRole(actor.id, { organisationId: school.id, membershipId: actor.membershipId, role: "MEMBER", confirm: "yes" });
      });
      await Promise.allSettled(attempts);
      expect(await administrators(school.id), `round ${round}`).toBe(1);
    }
  });
});

describe("removing a colleague", () => {
  it("ends the membership but keeps the account and the training history", async () => {
    const { school, admin, member } = await makeSchoolWithStaff();
    const course = await db.course.findFirstOrThrow({ select: { id: true } });
    await db.enrolment.create({ data: { userId: member.id, courseId: course.id } });

    const { message } = await removeColleague(admin.id, { organisationId: school.id, membershipId: member.membershipId });
    expect(message).toBe(`${member.name} is no longer a member of ${school.name}.`);
    expect(await db.membership.count({ where: { id: member.membershipId } })).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { currentOrganisationId: true, _count: { select: { enrolments: true } } } });
    expect(user._count.enrolments).toBe(1);
    expect(user.currentOrganisationId).toBeNull(); // no longer pointing at a school they have left
    expect((await listColleagues(await permittedAs(school.id, "colleagues.view"))).map((c) => c.userId)).not.toContain(member.id);
  });

  it("may remove another Administrator while one remains", async () => {
    const { school, admin, secondAdmin } = await makeSchoolWithStaff();
    await removeColleague(admin.id, { organisationId: school.id, membershipId: secondAdmin.membershipId });
    expect(await administrators(school.id)).toBe(1);
  });
});

describe("My colleagues and Recent changes", () => {
  it("lists everyone by name with their role", async () => {
    const { school, admin, secondAdmin, member, secondMember } = await makeSchoolWithStaff();
    const colleagues = await listColleagues(await permittedAs(school.id, "colleagues.view"));
    expect(colleagues.map((c) => c.userId).sort()).toEqual([admin.id, secondAdmin.id, member.id, secondMember.id].sort());
    expect(colleagues.map((c) => c.name)).toEqual([...colleagues.map((c) => c.name)].sort((x, y) => x.localeCompare(y, "en-GB")));
    expect(colleagues.find((c) => c.userId === admin.id)?.role).toBe("ADMINISTRATOR");
  });

  it("tells who changed whose role and who removed whom, newest first, with an audit row per change", async () => {
    const { school, admin, secondAdmin, member, secondMember } = await makeSchoolWithStaff();
    await changeRole(admin.id, { organisationId: school.id, membershipId: member.membershipId, role: "ADMINISTRATOR", confirm: "yes" });
    await changeRole(secondAdmin.id, { organisationId: school.id, membershipId: secondAdmin.membershipId, role: "MEMBER", confirm: "yes" });
    await removeColleague(admin.id, { organisationId: school.id, membershipId: secondMember.membershipId });

    const changes = await listRecentChanges(await permittedAs(school.id, "colleagues.manage"));
    expect(changes.map(describeChange)).toEqual([
      `${admin.name} removed ${secondMember.name}`,
      `${secondAdmin.name} made themselves a Member`,
      `${admin.name} made ${member.name} an Administrator`,
    ]);
    const row = await db.auditLog.findFirstOrThrow({ where: { organisationId: school.id, action: "membership.role_changed", targetId: member.membershipId } });
    expect(row.actorId).toBe(admin.id);
    expect(row.before).toMatchObject({ role: "MEMBER", userId: member.id });
    expect(row.after).toMatchObject({ role: "ADMINISTRATOR", userId: member.id });
    // Another organisation's history is not mixed in.
    const other = await makeOrganisation();
    expect(await listRecentChanges(await permittedAs(other.id, "colleagues.manage"))).toEqual([]);
  });
});
