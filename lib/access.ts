import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { db, type Tx } from "./db";
import { ActionError, NotFoundError } from "./errors";
import { Prisma } from "./generated/prisma/client";
import type { OrganisationKind, Role } from "./generated/prisma/enums";
import { can, refusalFor, rolesWith, type Permission } from "./permissions";

/*
 * The one place that decides whose course progress a viewer may see (../shared/product.md):
 *
 *   A viewer may see school S when
 *     1. the viewer is an Administrator of S itself, or
 *     2. the viewer is an Administrator of an organisation T designated Academies, and S's current
 *        choice of Multi Academy Trust is T.
 *
 * The rule is written once, as `grants` below: rows of (viewer, school, reason, trust). Every question is
 * that fragment narrowed one way: the viewer's schools (the selector, every page's decision) or a school's
 * viewers (the transparency pages). What a page learns is handed on as a scope object (SchoolProgressScope,
 * TrustOverviewScope, MemberScope) that only this module can make, so a read in lib/ takes a scope, never a
 * bare id a caller might not have checked.
 *
 * Every answer is read from the database at request time (React cache() shares it within one request
 * only), so a demotion, a removed or changed choice, or a designation changed away from Academies takes
 * effect on the viewer's very next request. It fails closed: an id that is malformed, unknown or not
 * granted gives the same answer, so a page cannot tell "not yours" from "does not exist".
 */

/** Marks the scope objects made here: the key is not exported, so no other module can write one. */
declare const granted: unique symbol;

type Reason = "school-administrator" | "trust-administrator";

/** (viewer_id, school_id, reason, trust_id): the rule as rows, narrowed by each question below. */
function grants(): Prisma.Sql {
  const roles = rolesWith("progress.view");
  return Prisma.sql`(
    SELECT m."userId" AS viewer_id, m."organisationId" AS school_id, 'school-administrator' AS reason, NULL::uuid AS trust_id
      FROM "Membership" m
     WHERE m.role = ANY(${roles}::"Role"[])
    UNION ALL
    SELECT m."userId", s.id, 'trust-administrator', t.id
      FROM "Membership" m
      JOIN "Organisation" t ON t.id = m."organisationId" AND t.designation = 'ACADEMIES'
      JOIN "Organisation" s ON s."trustId" = t.id
     WHERE m.role = ANY(${roles}::"Role"[])
  )`;
}

export type SchoolProgressScope = {
  readonly [granted]: "school";
  readonly viewerId: string;
  readonly schoolId: string;
  readonly schoolName: string;
  readonly organisationKind: OrganisationKind;
} & (
  | { readonly kind: "trust-school"; readonly trustId: string; readonly trustName: string }
  /** An organisation the viewer administers: a school, or a trust's own staff (its central team). */
  | { readonly kind: "own-organisation" }
);

export type ProgressScope = SchoolProgressScope | { kind: "self" };

type ScopeRow = { reason: Reason; school_id: string; school_name: string; organisation_kind: OrganisationKind; trust_id: string | null; trust_name: string | null };

function schoolScope(viewerId: string, row: ScopeRow): SchoolProgressScope {
  const base = { viewerId, schoolId: row.school_id, schoolName: row.school_name, organisationKind: row.organisation_kind } as const;
  const scope = row.reason === "trust-administrator"
    ? { ...base, kind: "trust-school" as const, trustId: row.trust_id!, trustName: row.trust_name! }
    : { ...base, kind: "own-organisation" as const };
  return scope as SchoolProgressScope; // the one place a scope is made
}

/**
 * The viewer's progress scopes, in the order the selector shows them: schools granted to the viewer's
 * trusts (by trust, then school, alphabetically), then organisations the viewer administers, then
 * "my own progress". One database round trip however many schools there are, once per request.
 */
export const listProgressScopes = cache(async (viewerId: string): Promise<ProgressScope[]> => {
  if (!z.uuid().safeParse(viewerId).success) return [{ kind: "self" }];
  const rows = await db.$queryRaw<ScopeRow[]>`
    SELECT g.reason, s.id AS school_id, s.name AS school_name, s.kind AS organisation_kind, t.id AS trust_id, t.name AS trust_name
      FROM ${grants()} g
      JOIN "Organisation" s ON s.id = g.school_id
      LEFT JOIN "Organisation" t ON t.id = g.trust_id
     WHERE g.viewer_id = ${viewerId}::uuid
     ORDER BY g.reason = 'school-administrator', t.name, t.id, s.name, s.id`; // schools granted to a trust first; ids break ties of names
  const seen = new Set<string>();
  const scopes: ProgressScope[] = [];
  for (const row of rows) {
    if (seen.has(row.school_id)) continue; // a school both administered and granted to the trust appears once, under the trust
    seen.add(row.school_id);
    scopes.push(schoolScope(viewerId, row));
  }
  scopes.push({ kind: "self" });
  return scopes;
});

/**
 * School S's entry in the viewer's scopes, or null: the same cached answer the selector is built from,
 * so a page that shows the selector and the school decides both with one query.
 */
export async function findSchoolProgressScope(viewerId: string, schoolId: string): Promise<SchoolProgressScope | null> {
  if (!z.uuid().safeParse(schoolId).success) return null;
  const scopes = await listProgressScopes(viewerId);
  return scopes.find((scope): scope is SchoolProgressScope => scope.kind !== "self" && scope.schoolId === schoolId) ?? null;
}

/** For pages and routes: the school's scope when the viewer may see its progress, otherwise the not-found page. */
export async function requireSchoolProgressScope(viewerId: string, schoolId: string): Promise<SchoolProgressScope> {
  const scope = await findSchoolProgressScope(viewerId, schoolId);
  if (!scope) notFound();
  return scope;
}

/** Whether the viewer may see school S's course progress (the boolean twin, for metadata and tests). */
export async function canViewSchoolProgress(viewerId: string, schoolId: string): Promise<boolean> {
  return (await findSchoolProgressScope(viewerId, schoolId)) !== null;
}

export type SchoolViewer = { userId: string; name: string; email: string; organisationId: string; organisationName: string; reason: Reason };

/**
 * The inverse question, for the transparency pages: everyone who may see school S's course progress
 * under the same rule, and why. Who can see a school's staff training is open to its own members (it
 * is about them), so this takes the member's scope; and to whoever may see that training (the evidence
 * pack prints the list), so also a school's progress scope.
 */
export const listSchoolProgressViewers = cache(async (scope: MemberScope | SchoolProgressScope): Promise<SchoolViewer[]> => {
  const schoolId = "schoolId" in scope ? scope.schoolId : scope.organisationId;
  const rows = await db.$queryRaw<{ user_id: string; name: string; email: string; organisation_id: string; organisation_name: string; reason: Reason }[]>`
    SELECT u.id AS user_id, u.name, u.email, o.id AS organisation_id, o.name AS organisation_name, g.reason
      FROM ${grants()} g
      JOIN "User" u ON u.id = g.viewer_id
      JOIN "Organisation" o ON o.id = COALESCE(g.trust_id, g.school_id)
     WHERE g.school_id = ${schoolId}::uuid
     ORDER BY g.reason = 'trust-administrator', o.name, u.name`; // the school's own Administrators first
  return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, organisationId: r.organisation_id, organisationName: r.organisation_name, reason: r.reason }));
});

export type TrustOverviewScope = {
  readonly [granted]: "trust";
  readonly viewerId: string;
  readonly trustId: string;
  readonly trustName: string;
  /** The schools that contribute, by name. */
  readonly schools: readonly { schoolId: string; schoolName: string }[];
};

/**
 * The trusts whose overview the viewer may open, with the schools that contribute: exactly the
 * "trust-school" scopes above, grouped by trust (a trust no school has chosen has no overview).
 */
export async function listTrustOverviews(viewerId: string): Promise<TrustOverviewScope[]> {
  const overviews = new Map<string, { viewerId: string; trustId: string; trustName: string; schools: { schoolId: string; schoolName: string }[] }>();
  for (const scope of await listProgressScopes(viewerId)) {
    if (scope.kind !== "trust-school") continue;
    const overview = overviews.get(scope.trustId) ?? { viewerId, trustId: scope.trustId, trustName: scope.trustName, schools: [] };
    overview.schools.push({ schoolId: scope.schoolId, schoolName: scope.schoolName });
    overviews.set(scope.trustId, overview);
  }
  return [...overviews.values()] as unknown as TrustOverviewScope[]; // made here, from granted schools only
}

/** One trust's overview scope, or null (unknown, not led by the viewer, or no school granted). */
export async function findTrustOverview(viewerId: string, trustId: string): Promise<TrustOverviewScope | null> {
  if (!z.uuid().safeParse(trustId).success) return null;
  return (await listTrustOverviews(viewerId)).find((o) => o.trustId === trustId) ?? null;
}

/** For pages and routes: the trust's overview scope, otherwise the not-found page. */
export async function requireTrustOverview(viewerId: string, trustId: string): Promise<TrustOverviewScope> {
  const overview = await findTrustOverview(viewerId, trustId);
  if (!overview) notFound();
  return overview;
}

/**
 * The viewer's membership of an organisation, read from the database on this request, for reads about the
 * organisation's own people: colleagues, invitations, recent changes, the trust choice, who can see its
 * training.
 */
export type MemberScope = {
  readonly [granted]: "member";
  readonly viewerId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationKind: OrganisationKind;
  readonly role: Role;
};

/** The viewer's membership of the organisation, or null when they are not a member (or either id is malformed). */
export const findMemberScope = cache(async (viewerId: string, organisationId: string): Promise<MemberScope | null> => {
  if (!z.uuid().safeParse(viewerId).success || !z.uuid().safeParse(organisationId).success) return null;
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId: viewerId, organisationId } },
    select: { role: true, organisation: { select: { name: true, kind: true } } },
  });
  if (!membership) return null;
  const scope = { viewerId, organisationId, organisationName: membership.organisation.name, organisationKind: membership.organisation.kind, role: membership.role };
  return scope as MemberScope; // made here, from the membership row
});

/** The viewer's membership of their current organisation (the header's choice), or null. */
export async function currentMemberScope(viewer: { id: string; currentMembership: { organisation: { id: string } } | null }): Promise<MemberScope | null> {
  return viewer.currentMembership ? findMemberScope(viewer.id, viewer.currentMembership.organisation.id) : null;
}

/** A member whose role holds `P`: what reads only some roles may make (recent changes, invitations) take. */
export type PermittedScope<P extends Permission> = MemberScope & { readonly permitted: readonly P[] };

/** The member's scope narrowed to a permission their role holds, or null. */
export function withPermission<P extends Permission>(member: MemberScope | null, permission: P): PermittedScope<P> | null {
  if (!member || !can(member.role, permission)) return null;
  return { ...member, permitted: [permission] } as PermittedScope<P>;
}

/**
 * The one guard of actions that act on an organisation: inside the action's transaction, reads the
 * actor's membership from the database at this moment and checks the role may do `permission`. An
 * outsider (or an unknown organisation) gets NotFoundError, so another tenant's ids reveal nothing; a
 * role without the permission gets a refusal that says who can help.
 *
 * With `lock`, the organisation's row is locked first (SELECT … FOR UPDATE): every change that could
 * lower the number of Administrators, or change a school's trust, takes this lock before it reads, so
 * concurrent changes are serialised and each one reads what the one before left.
 */
export async function requireMember(
  tx: Tx,
  actorId: string,
  organisationId: string,
  permission: Permission,
  options: { lock?: boolean } = {},
): Promise<{ id: string; name: string; kind: OrganisationKind; role: Role }> {
  if (!z.uuid().safeParse(organisationId).success) throw new NotFoundError();
  if (options.lock) {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Organisation" WHERE id = ${organisationId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError();
  }
  const actor = await tx.membership.findUnique({
    where: { userId_organisationId: { userId: actorId, organisationId } },
    select: { role: true, organisation: { select: { id: true, name: true, kind: true } } },
  });
  if (!actor) throw new NotFoundError();
  if (!can(actor.role, permission)) throw new ActionError(refusalFor(permission, actor.organisation.name));
  return { ...actor.organisation, role: actor.role };
}
