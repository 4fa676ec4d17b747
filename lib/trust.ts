import "server-only";
import { cache } from "react";
import { z } from "zod";
import { ActionError, NotFoundError } from "./errors";
import { writeAudit } from "./audit";
import { db, type Tx } from "./db";
import { requireMember, type MemberScope, type PermittedScope } from "./access";
import type { Designation, OrganisationKind, Role } from "./generated/prisma/enums";
import { can, rolesWith } from "./permissions";
import { enrolRequired } from "./requirements/assign";

// A school's choice of Multi Academy Trust: the school's side (choose, change, remove), the trust's side
// (which schools chose it) and the history both see. Who may then see progress is lib/access.ts's call.

export const chooseTrustInput = z
  .object({
    schoolId: z.uuid({ message: "Choose a school." }),
    trustId: z.uuid({ message: "Choose a Multi Academy Trust from the list." }),
    /**
     * Sent only by the confirmation step, which names the trust and what its Administrators will see: a choice
     * that skipped it (a one-tap form, a replayed or hand-made POST) is refused here, not only on the page.
     */
    confirmedTrustId: z.string().optional(),
  })
  .refine((input) => input.confirmedTrustId === input.trustId, {
    path: ["confirmedTrustId"],
    message: "Confirm the trust you are choosing: search for it again and choose Yes on the confirmation.",
  });
export const removeTrustInput = z.object({ schoolId: z.uuid({ message: "Choose a school." }) });

/** The one guard (lib/access.ts), then the school as this change needs it, read under its row lock. */
async function lockSchool(tx: Tx, actorId: string, organisationId: string) {
  await requireMember(tx, actorId, organisationId, "trust.choose", { lock: true });
  return tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, name: true, kind: true, trustId: true, trust: { select: { id: true, name: true } } },
  });
}

export async function chooseTrust(actorId: string, input: z.infer<typeof chooseTrustInput>) {
  // Checked here as well as by the schema, so no caller of this function can skip the confirmation.
  if (input.confirmedTrustId !== input.trustId) throw new ActionError("Confirm the trust you are choosing before it is saved.");
  const result = await db.$transaction(async (tx) => {
    const school = await lockSchool(tx, actorId, input.schoolId);
    if (school.kind !== "SCHOOL") throw new ActionError("Only a school chooses a Multi Academy Trust. A trust is chosen by its schools.");
    if (input.trustId === school.id) throw new ActionError("An organisation cannot choose itself as its Multi Academy Trust.");
    const trust = await tx.organisation.findUnique({ where: { id: input.trustId }, select: { id: true, name: true, kind: true } });
    // Only trusts are offered; a school's id, or an unknown one, is answered as unknown. (A trust not designated
    // Academies can be chosen: it sees nothing until Schoot designates it. The database refuses a non-trust too.)
    if (!trust || trust.kind !== "TRUST") throw new NotFoundError();
    if (school.trustId === trust.id) return { changed: false, trustName: trust.name };

    const now = new Date();
    await tx.organisation.update({
      where: { id: school.id },
      data: { trustId: trust.id, trustChosenAt: now, trustChosenById: actorId },
    });
    if (school.trust) {
      await tx.trustChoiceEvent.create({ data: { schoolId: school.id, trustId: school.trust.id, action: "REMOVED", byUserId: actorId, createdAt: now } });
    }
    await tx.trustChoiceEvent.create({ data: { schoolId: school.id, trustId: trust.id, action: "CHOSEN", byUserId: actorId, createdAt: now } });
    await writeAudit(tx, {
      actorId,
      action: school.trust ? "trust.changed" : "trust.chosen",
      organisationId: school.id,
      targetType: "Organisation",
      targetId: trust.id,
      before: school.trust ? { trustId: school.trust.id, trustName: school.trust.name } : null,
      after: { trustId: trust.id, trustName: trust.name },
    });
    return { changed: true, trustName: trust.name };
  });
  // The trust's required training now applies to the school's staff: enrolled after the commit (lib/requirements/assign.ts).
  if (result.changed) await enrolRequired({ organisationId: input.schoolId });
  return result;
}

export async function removeTrust(actorId: string, input: z.infer<typeof removeTrustInput>) {
  return db.$transaction(async (tx) => {
    const school = await lockSchool(tx, actorId, input.schoolId);
    if (!school.trust) return { changed: false };
    const now = new Date();
    await tx.organisation.update({ where: { id: school.id }, data: { trustId: null, trustChosenAt: null, trustChosenById: null } });
    await tx.trustChoiceEvent.create({ data: { schoolId: school.id, trustId: school.trust.id, action: "REMOVED", byUserId: actorId, createdAt: now } });
    await writeAudit(tx, {
      actorId,
      action: "trust.removed",
      organisationId: school.id,
      targetType: "Organisation",
      targetId: school.trust.id,
      before: { trustId: school.trust.id, trustName: school.trust.name },
      after: null,
    });
    return { changed: true, trustName: school.trust.name };
  });
}

/** The member's school's current choice, for the `Multi Academy Trust` section of My School. */
export async function getTrustChoice(member: MemberScope) {
  const school = await db.organisation.findUnique({
    where: { id: member.organisationId },
    select: {
      trustChosenAt: true,
      trust: { select: { id: true, name: true, companiesHouseNumber: true, designation: true } },
      trustChosenBy: { select: { name: true } },
    },
  });
  if (!school?.trust) return null;
  return { trust: school.trust, chosenAt: school.trustChosenAt, chosenByName: school.trustChosenBy?.name ?? null };
}

export type TrustCandidate = { id: string; name: string; companiesHouseNumber: string | null; designation: Designation; schoolNames: string[] };

/**
 * Trusts a school may choose, by name, Companies House number or the name of a school that has chosen it.
 * Never a school, never the organisation itself; trusts of any designation (the page says what a trust not
 * designated Academies will see).
 */
export async function searchTrustCandidates(chooser: PermittedScope<"trust.choose">, query: string): Promise<TrustCandidate[]> {
  const schoolId = chooser.organisationId;
  const q = query.replace(/\u0000/g, "").trim().slice(0, 100);
  if (!q) return [];
  const trusts = await db.organisation.findMany({
    where: {
      kind: "TRUST",
      id: { not: schoolId },
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { companiesHouseNumber: { equals: q.replace(/\s+/g, "").toUpperCase() } },
        { schools: { some: { name: { contains: q, mode: "insensitive" } } } },
      ],
    },
    select: { id: true, name: true, companiesHouseNumber: true, designation: true, schools: { select: { name: true }, orderBy: { name: "asc" }, take: 4 } },
    orderBy: { name: "asc" },
    take: 20,
  });
  return trusts.map(({ schools, ...trust }) => ({ ...trust, schoolNames: schools.map((s) => s.name) }));
}

/** One trust the school could choose, for the confirmation step (null when it is not a trust). */
export async function findTrustCandidate(chooser: PermittedScope<"trust.choose">, trustId: string): Promise<TrustCandidate | null> {
  const schoolId = chooser.organisationId;
  if (!z.uuid().safeParse(trustId).success || trustId === schoolId) return null;
  const trust = await db.organisation.findFirst({
    where: { id: trustId, kind: "TRUST" },
    select: { id: true, name: true, companiesHouseNumber: true, designation: true, schools: { select: { name: true }, orderBy: { name: "asc" }, take: 4 } },
  });
  if (!trust) return null;
  const { schools, ...rest } = trust;
  return { ...rest, schoolNames: schools.map((s) => s.name) };
}

/** My Trust: the schools whose current choice is this organisation, for the members whose role may see them. */
export const listTrustSchools = cache(async (actorId: string, trustId: string) => {
  if (!z.uuid().safeParse(trustId).success) return null;
  const membership = await db.membership.findUnique({ where: { userId_organisationId: { userId: actorId, organisationId: trustId } }, select: { role: true } });
  if (!can(membership?.role, "trust.view-schools")) return null;
  const trust = await db.organisation.findUniqueOrThrow({
    where: { id: trustId },
    select: {
      id: true, name: true, kind: true, companiesHouseNumber: true, designation: true,
      schools: {
        select: { id: true, name: true, urn: true, trustChosenAt: true, trustChosenBy: { select: { name: true } } },
        orderBy: { name: "asc" },
      },
    },
  });
  return trust.kind === "TRUST" ? trust : null;
});

export type TrustHistoryEntry = {
  id: string;
  action: "CHOSEN" | "REMOVED";
  at: Date;
  schoolName: string;
  trustName: string;
  byName: string | null;
};

/** Choices and removals that concern the member's organisation, as the school or as the trust; newest first. */
export async function listTrustHistory(member: MemberScope, limit = 50): Promise<TrustHistoryEntry[]> {
  const organisationId = member.organisationId;
  const events = await db.trustChoiceEvent.findMany({
    where: { OR: [{ schoolId: organisationId }, { trustId: organisationId }] },
    select: { id: true, action: true, createdAt: true, school: { select: { name: true } }, trust: { select: { name: true } }, byUser: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return events.map((e) => ({ id: e.id, action: e.action, at: e.createdAt, schoolName: e.school.name, trustName: e.trust.name, byName: e.byUser?.name ?? null }));
}

export type TrustAccessChecklist = {
  organisation: { id: string; name: string; kind: OrganisationKind; companiesHouseNumber: string | null; designation: Designation };
  role: Role;
  administrators: { name: string; email: string }[];
  schools: { id: string; name: string }[];
};

/** The article's three conditions for the viewer's current organisation, read now. */
export async function getTrustAccessChecklist(viewerId: string, organisationId: string): Promise<TrustAccessChecklist | null> {
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId: viewerId, organisationId } },
    select: {
      role: true,
      organisation: {
        select: {
          id: true, name: true, kind: true, companiesHouseNumber: true, designation: true,
          memberships: { where: { role: { in: rolesWith("progress.view") } }, select: { user: { select: { name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
          schools: { select: { id: true, name: true }, orderBy: { name: "asc" } },
        },
      },
    },
  });
  if (!membership) return null;
  const { memberships, schools, ...organisation } = membership.organisation;
  return { organisation, role: membership.role, administrators: memberships.map((m) => m.user), schools };
}

export type TrustAccessGap = {
  trust: { id: string; name: string; designation: Designation };
  /** The article's conditions this person's trust does not meet yet, in the article's order. */
  missing: ("designation" | "role" | "schools")[];
  administrators: { name: string; email: string }[];
  isAdministrator: boolean;
};

/**
 * For My Courses: each trust the person belongs to whose schools' progress they cannot see, with the
 * article's conditions that are not met, so the page names the actual reason and its fix.
 */
export async function listTrustAccessGaps(viewerId: string): Promise<TrustAccessGap[]> {
  const memberships = await db.membership.findMany({
    where: { userId: viewerId, organisation: { kind: "TRUST" } },
    select: {
      role: true,
      organisation: {
        select: {
          id: true, name: true, designation: true,
          memberships: { where: { role: { in: rolesWith("progress.view") } }, select: { user: { select: { name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
          _count: { select: { schools: true } },
        },
      },
    },
    orderBy: { organisation: { name: "asc" } },
  });
  return memberships.flatMap(({ role, organisation }) => {
    const missing: TrustAccessGap["missing"] = [];
    if (organisation.designation !== "ACADEMIES") missing.push("designation");
    if (!can(role, "progress.view")) missing.push("role");
    if (organisation._count.schools === 0) missing.push("schools");
    if (!missing.length) return [];
    return [{
      trust: { id: organisation.id, name: organisation.name, designation: organisation.designation },
      missing,
      administrators: organisation.memberships.map((m) => m.user),
      isAdministrator: can(role, "progress.view"),
    }];
  });
}
