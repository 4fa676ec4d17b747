// Fixtures for integration tests: each test makes its own organisations and people with unique names,
// so tests never depend on one another's changes to shared rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Designation, OrganisationKind, Role } from "@/lib/generated/prisma/enums";

export function unique(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function makeOrganisation(options: { name?: string; kind?: OrganisationKind; designation?: Designation; trustId?: string } = {}) {
  return db.organisation.create({
    data: {
      name: options.name ?? unique(options.kind === "TRUST" ? "Test Trust" : "Test School"),
      kind: options.kind ?? "SCHOOL",
      designation: options.designation ?? "ACADEMIES",
      trustId: options.trustId,
      trustChosenAt: options.trustId ? new Date() : undefined,
    },
  });
}

/** A trust (a MAT), which schools can choose. */
export async function makeTrust(options: { name?: string; designation?: Designation } = {}) {
  return makeOrganisation({ ...options, kind: "TRUST" });
}

export async function makeUser(organisationId?: string, role: Role = "MEMBER", platformRole: "NONE" | "SUPPORT" = "NONE") {
  const email = `${unique("person")}@test.example`;
  return db.user.create({
    data: {
      email,
      name: email.split("@")[0]!,
      passwordHash: "not-a-hash",
      platformRole,
      emailVerifiedAt: new Date(),
      currentOrganisationId: organisationId,
      memberships: organisationId ? { create: { organisationId, role } } : undefined,
    },
  });
}

export async function userByEmail(email: string) {
  return db.user.findUniqueOrThrow({ where: { email } });
}

/** A course of `lessons` lessons, titled so that it sorts by `title` the same under any collation. */
export async function makeCourse(lessons: number, title = unique("Course")) {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return db.course.create({
    data: {
      slug,
      title,
      summary: "A course made for a test.",
      category: "Test",
      estimatedMinutes: 10 * lessons,
      lessons: { create: Array.from({ length: lessons }, (_, i) => ({ position: i + 1, title: `Lesson ${i + 1}`, body: `Text of lesson ${i + 1}.` })) },
    },
  });
}

/** A member's scope of an organisation, as lib/access.ts reads it: of `userId`, or of any member. */
export async function memberScopeOf(organisationId: string, userId?: string) {
  const { findMemberScope } = await import("@/lib/access");
  const m = await db.membership.findFirstOrThrow({ where: { organisationId, ...(userId ? { userId } : {}) }, select: { userId: true } });
  return (await findMemberScope(m.userId, organisationId))!;
}

/** The scope of a member of the organisation with `role` (one made if it has none), for reads that take one. */
export async function scopeAs(organisationId: string, role: Role = "ADMINISTRATOR") {
  const member = await db.membership.findFirst({ where: { organisationId, role }, select: { userId: true } });
  return memberScopeOf(organisationId, member?.userId ?? (await makeUser(organisationId, role)).id);
}

/** The same, narrowed to a permission (lib/access.ts's withPermission). */
export async function permittedAs<P extends import("@/lib/permissions").Permission>(organisationId: string, permission: P) {
  const { withPermission } = await import("@/lib/access");
  return withPermission(await scopeAs(organisationId), permission)!;
}
