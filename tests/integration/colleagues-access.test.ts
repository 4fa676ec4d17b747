// The authorization matrix of My School's actions, as data: each action × each kind of caller, one
// generated test per cell, through the real server action (only the session is stood in for).
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", async () => {
  const { viewerFromSession } = await import("./colleague-fixtures");
  return { getViewer: viewerFromSession, signIn: vi.fn(), signOut: vi.fn() };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ origin: "https://schoot.test" }) }));
// after() needs a request; the outbox rows are what these tests look at (invitations-email.test.ts sends them).
vi.mock("@/lib/mail/send-soon", () => ({ sendSoon: vi.fn() }));

const { changeRoleAction, createInvitationAction, removeColleagueAction, resendInvitationAction, withdrawInvitationAction } = await import("@/app/(app)/workplace/my-school/actions");
const { switchOrganisationAction } = await import("@/app/(app)/actions");
const { db } = await import("@/lib/db");
const { createInvitation } = await import("@/lib/invitations");
const { auditCount, callAs, makeSchoolWithStaff, roleOf } = await import("./colleague-fixtures");
const { makeOrganisation, unique } = await import("./helpers");

type World = Awaited<ReturnType<typeof makeSchoolWithStaff>>;
type Caller = "an Administrator" | "a Member" | "an Administrator of another organisation" | "a visitor";

const NOT_FOUND = "Not found. It may have been removed, or you may not have access to it.";
const SESSION_ENDED = "Your session has ended. Sign in again to carry on.";

const callers: { caller: Caller; id: (w: World) => string | null; expected: RegExp | "allowed" }[] = [
  { caller: "an Administrator", id: (w) => w.admin.id, expected: "allowed" },
  { caller: "a Member", id: (w) => w.member.id, expected: /^Only an Administrator of .+ can change roles, remove colleagues or invite people/ },
  { caller: "an Administrator of another organisation", id: (w) => w.otherAdmin.id, expected: new RegExp(`^${NOT_FOUND.replace(/[.]/g, "\\.")}$`) },
  { caller: "a visitor", id: () => null, expected: new RegExp(`^${SESSION_ENDED}$`) },
];

/** Each action: how to call it on organisation `school`, and the state it would change. */
const actions: {
  name: string;
  prepare?: (w: World) => Promise<Record<string, string>>;
  fields: (w: World, prepared: Record<string, string>) => Record<string, string>;
  action: typeof changeRoleAction;
  state: (w: World, prepared: Record<string, string>) => Promise<unknown>;
}[] = [
  {
    name: "make a Member an Administrator",
    fields: (w) => ({ organisationId: w.school.id, membershipId: w.member.membershipId, role: "ADMINISTRATOR", confirm: "yes" }),
    action: changeRoleAction,
    state: (w) => roleOf(w.member.membershipId),
  },
  {
    name: "make an Administrator a Member",
    fields: (w) => ({ organisationId: w.school.id, membershipId: w.secondAdmin.membershipId, role: "MEMBER", confirm: "yes" }),
    action: changeRoleAction,
    state: (w) => roleOf(w.secondAdmin.membershipId),
  },
  {
    name: "remove a colleague",
    fields: (w) => ({ organisationId: w.school.id, membershipId: w.secondMember.membershipId }),
    action: removeColleagueAction,
    state: (w) => db.membership.count({ where: { id: w.secondMember.membershipId } }),
  },
  {
    name: "invite a colleague",
    fields: (w) => ({ organisationId: w.school.id, email: `${w.school.id.slice(0, 8)}@new.example` }),
    action: createInvitationAction,
    state: (w) => db.invitation.count({ where: { organisationId: w.school.id } }),
  },
  {
    name: "withdraw an invitation",
    prepare: async (w) => ({ invitationId: (await createInvitation(w.admin.id, { organisationId: w.school.id, email: `${unique("w")}@new.example` })).invitationId }),
    fields: (w, p) => ({ organisationId: w.school.id, invitationId: p.invitationId! }),
    action: withdrawInvitationAction,
    state: (_w, p) => db.invitation.findUnique({ where: { id: p.invitationId! }, select: { withdrawnAt: true } }),
  },
  {
    name: "send an invitation again",
    prepare: async (w) => ({ invitationId: (await createInvitation(w.admin.id, { organisationId: w.school.id, email: `${unique("r")}@new.example` })).invitationId }),
    fields: (w, p) => ({ organisationId: w.school.id, invitationId: p.invitationId! }),
    action: resendInvitationAction,
    state: async (_w, p) => [
      await db.invitation.findUnique({ where: { id: p.invitationId! }, select: { tokenHash: true, expiresAt: true } }),
      await db.outboxMessage.count({ where: { invitationId: p.invitationId! } }),
    ],
  },
];

describe("My School actions: who may do what", () => {
  for (const { name, prepare, fields, action, state } of actions) {
    for (const { caller, id, expected } of callers) {
      it(`${name}: ${expected === "allowed" ? "allowed" : "refused"} for ${caller}`, async () => {
        const world = await makeSchoolWithStaff();
        const prepared = (await prepare?.(world)) ?? {};
        const before = await state(world, prepared);
        const audits = await auditCount(world.school.id);

        const result = await callAs(id(world), action, fields(world, prepared));

        if (expected === "allowed") {
          expect(result.ok, result.message).toBe(true);
          expect(await state(world, prepared)).not.toEqual(before);
          expect(await auditCount(world.school.id)).toBe(audits + 1);
        } else {
          expect(result.ok).toBeUndefined();
          expect(result.message).toMatch(expected);
          expect(await state(world, prepared)).toEqual(before);
          expect(await auditCount(world.school.id)).toBe(audits);
        }
      });
    }
  }
});

describe("ids from another organisation", () => {
  it("answers another school's colleague or invitation as not found, even with the caller's own organisation id", async () => {
    const world = await makeSchoolWithStaff();
    const { invitationId } = await createInvitation(world.admin.id, { organisationId: world.school.id, email: `${unique("x")}@new.example` });
    const own = world.otherSchool.id;
    const attempts = [
      await callAs(world.otherAdmin.id, changeRoleAction, { organisationId: own, membershipId: world.member.membershipId, role: "ADMINISTRATOR", confirm: "yes" }),
      await callAs(world.otherAdmin.id, changeRoleAction, { organisationId: own, membershipId: world.admin.membershipId, role: "MEMBER", confirm: "yes" }),
      await callAs(world.otherAdmin.id, removeColleagueAction, { organisationId: own, membershipId: world.member.membershipId }),
      await callAs(world.otherAdmin.id, withdrawInvitationAction, { organisationId: own, invitationId }),
      await callAs(world.otherAdmin.id, resendInvitationAction, { organisationId: own, invitationId }),
    ];
    for (const result of attempts) expect(result.message).toBe(NOT_FOUND);
    expect(await roleOf(world.member.membershipId)).toBe("MEMBER");
    expect(await roleOf(world.admin.membershipId)).toBe("ADMINISTRATOR");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitationId } })).withdrawnAt).toBeNull();
  });

  it("answers a malformed id as a form error, changing nothing", async () => {
    const world = await makeSchoolWithStaff();
    const result = await callAs(world.admin.id, changeRoleAction, { organisationId: world.school.id, membershipId: "1 OR 1=1", role: "ADMINISTRATOR", confirm: "yes" });
    expect(result.ok).toBeUndefined();
    expect(result.errors?.membershipId?.length).toBeGreaterThan(0);
  });
});

describe("confirmation, required by the action itself and not only by the page", () => {
  it("refuses to make a Member an Administrator without the form's confirmation, changing and auditing nothing", async () => {
    const world = await makeSchoolWithStaff();
    const audits = await auditCount(world.school.id);
    for (const confirm of [undefined, "", "no", "true"]) {
      const fields = { organisationId: world.school.id, membershipId: world.member.membershipId, role: "ADMINISTRATOR", ...(confirm === undefined ? {} : { confirm }) };
      const result = await callAs(world.admin.id, changeRoleAction, fields);
      expect(result.ok, `confirm=${confirm}`).toBeUndefined();
      expect(result.errors?.confirm?.[0]).toMatch(/^Confirm that you want to make this colleague an Administrator/);
    }
    expect(await roleOf(world.member.membershipId)).toBe("MEMBER");
    expect(await auditCount(world.school.id)).toBe(audits);
  });

  it("refuses to let an Administrator make themselves a Member without the confirmation, changing and auditing nothing", async () => {
    const world = await makeSchoolWithStaff();
    const audits = await auditCount(world.school.id);
    const result = await callAs(world.admin.id, changeRoleAction, { organisationId: world.school.id, membershipId: world.admin.membershipId, role: "MEMBER" });
    expect(result.ok).toBeUndefined();
    expect(result.message).toMatch(/^Confirm that you want to become a Member of .+ Nothing was changed\.$/);
    expect(await roleOf(world.admin.membershipId)).toBe("ADMINISTRATOR");
    expect(await auditCount(world.school.id)).toBe(audits);
  });

  it("lets the confirmed self-demotion through, and needs no confirmation to make another Administrator a Member", async () => {
    const world = await makeSchoolWithStaff();
    const other = await callAs(world.admin.id, changeRoleAction, { organisationId: world.school.id, membershipId: world.secondAdmin.membershipId, role: "MEMBER" });
    expect(other.ok, other.message).toBe(true);
    expect(await roleOf(world.secondAdmin.membershipId)).toBe("MEMBER");
    await callAs(world.admin.id, changeRoleAction, { organisationId: world.school.id, membershipId: world.member.membershipId, role: "ADMINISTRATOR", confirm: "yes" });
    const self = await callAs(world.admin.id, changeRoleAction, { organisationId: world.school.id, membershipId: world.admin.membershipId, role: "MEMBER", confirm: "yes" });
    expect(self).toMatchObject({ ok: true, message: "You are now a Member." });
    expect(await roleOf(world.admin.membershipId)).toBe("MEMBER");
  });

  it("does not tell another organisation's Administrator anything, confirmed or not", async () => {
    const world = await makeSchoolWithStaff();
    const result = await callAs(world.otherAdmin.id, changeRoleAction, { organisationId: world.school.id, membershipId: world.admin.membershipId, role: "MEMBER" });
    expect(result.message).toBe(NOT_FOUND);
  });
});

describe("switching organisation from the header", () => {
  it("remembers an organisation the person belongs to, and refuses one they do not", async () => {
    const world = await makeSchoolWithStaff();
    await db.membership.create({ data: { userId: world.member.id, organisationId: world.otherSchool.id } });
    expect((await callAs(world.member.id, switchOrganisationAction, { organisationId: world.otherSchool.id })).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: world.member.id } })).currentOrganisationId).toBe(world.otherSchool.id);

    const stranger = await makeOrganisation();
    expect((await callAs(world.member.id, switchOrganisationAction, { organisationId: stranger.id })).message).toBe(NOT_FOUND);
    expect((await callAs(null, switchOrganisationAction, { organisationId: world.school.id })).message).toBe(SESSION_ENDED);
    expect((await db.user.findUniqueOrThrow({ where: { id: world.member.id } })).currentOrganisationId).toBe(world.otherSchool.id);
  });
});
