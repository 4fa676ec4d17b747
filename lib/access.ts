import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { db } from "./db";
import type { OrganisationKind } from "./generated/prisma/enums";

/*
 * The one place that decides whose course progress a viewer may see (../shared/product.md):
 *
 *   A viewer may see school S when
 *     1. the viewer is an Administrator of S itself, or
 *     2. the viewer is an Administrator of an organisation T designated Academies, and S's current
 *        choice of Multi Academy Trust is T.
 *
 * Every answer is read from the database at request time (React cache() shares it within one request
 * only), so a demotion, a removed or changed choice, or a designation changed away from Academies takes
 * effect on the viewer's very next request. It fails closed: an id that is malformed, unknown or not
 * granted gives the same answer, so a page cannot tell "not yours" from "does not exist".
 */

export type ProgressScope =
  | { kind: "trust-school"; schoolId: string; schoolName: string; trustId: string; trustName: string }
  /** An organisation the viewer administers: a school, or a trust's own staff (its central team). */
  | { kind: "own-organisation"; schoolId: string; schoolName: string; organisationKind: OrganisationKind }
  | { kind: "self" };

type ScopeRow = { kind: "trust-school" | "own-organisation"; school_id: string; school_name: string; organisation_kind: OrganisationKind; trust_id: string | null; trust_name: string | null };

/**
 * The viewer's progress scopes, in the order the selector shows them: schools granted to the viewer's
 * trusts (by trust, then school, alphabetically), then organisations the viewer administers, then
 * "my own progress". One database round trip however many schools there are.
 */
export const listProgressScopes = cache(async (viewerId: string): Promise<ProgressScope[]> => {
  if (!z.uuid().safeParse(viewerId).success) return [{ kind: "self" }];
  const rows = await db.$queryRaw<ScopeRow[]>`
    SELECT 'trust-school' AS kind, s.id AS school_id, s.name AS school_name, s.kind AS organisation_kind, t.id AS trust_id, t.name AS trust_name,
           0 AS section, t.name AS sort1, s.name AS sort2
      FROM "Membership" m
      JOIN "Organisation" t ON t.id = m."organisationId" AND t.designation = 'ACADEMIES'
      JOIN "Organisation" s ON s."trustId" = t.id
     WHERE m."userId" = ${viewerId}::uuid AND m.role = 'ADMINISTRATOR'
    UNION ALL
    SELECT 'own-organisation', o.id, o.name, o.kind, NULL, NULL, 1, o.name, ''
      FROM "Membership" m
      JOIN "Organisation" o ON o.id = m."organisationId"
     WHERE m."userId" = ${viewerId}::uuid AND m.role = 'ADMINISTRATOR'
    ORDER BY section, sort1, sort2`;
  const seen = new Set<string>();
  const scopes: ProgressScope[] = [];
  for (const row of rows) {
    if (seen.has(row.school_id)) continue; // a school both administered and granted to the trust appears once, under the trust
    seen.add(row.school_id);
    scopes.push(
      row.kind === "trust-school"
        ? { kind: "trust-school", schoolId: row.school_id, schoolName: row.school_name, trustId: row.trust_id!, trustName: row.trust_name! }
        : { kind: "own-organisation", schoolId: row.school_id, schoolName: row.school_name, organisationKind: row.organisation_kind },
    );
  }
  scopes.push({ kind: "self" });
  return scopes;
});

/** Whether the viewer may see school S's course progress (the boolean twin, for metadata and exports). */
export const canViewSchoolProgress = cache(async (viewerId: string, schoolId: string): Promise<boolean> => {
  if (!z.uuid().safeParse(viewerId).success || !z.uuid().safeParse(schoolId).success) return false;
  const rows = await db.$queryRaw<{ ok: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Membership" m
       WHERE m."userId" = ${viewerId}::uuid AND m."organisationId" = ${schoolId}::uuid AND m.role = 'ADMINISTRATOR'
      UNION ALL
      SELECT 1 FROM "Organisation" s
        JOIN "Organisation" t ON t.id = s."trustId" AND t.designation = 'ACADEMIES'
        JOIN "Membership" m ON m."organisationId" = t.id AND m."userId" = ${viewerId}::uuid AND m.role = 'ADMINISTRATOR'
       WHERE s.id = ${schoolId}::uuid
    ) AS ok`;
  return rows[0]?.ok === true;
});

/** For pages: the school's id and name when the viewer may see its progress, otherwise the not-found page. */
export async function requireSchoolProgressAccess(viewerId: string, schoolId: string): Promise<{ id: string; name: string }> {
  if (!(await canViewSchoolProgress(viewerId, schoolId))) notFound();
  const school = await db.organisation.findUnique({ where: { id: schoolId }, select: { id: true, name: true } });
  if (!school) notFound();
  return school;
}

export type SchoolViewer = { userId: string; name: string; email: string; organisationId: string; organisationName: string; reason: "school-administrator" | "trust-administrator" };

/**
 * The inverse question, for the transparency pages: everyone who may see school S's course progress
 * under the same rule, and why.
 */
export const listSchoolProgressViewers = cache(async (schoolId: string): Promise<SchoolViewer[]> => {
  if (!z.uuid().safeParse(schoolId).success) return [];
  const rows = await db.$queryRaw<{ user_id: string; name: string; email: string; organisation_id: string; organisation_name: string; reason: SchoolViewer["reason"] }[]>`
    SELECT u.id AS user_id, u.name, u.email, o.id AS organisation_id, o.name AS organisation_name, 'school-administrator' AS reason, 0 AS section
      FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "Organisation" o ON o.id = m."organisationId"
     WHERE m."organisationId" = ${schoolId}::uuid AND m.role = 'ADMINISTRATOR'
    UNION ALL
    SELECT u.id, u.name, u.email, t.id, t.name, 'trust-administrator', 1
      FROM "Organisation" s
      JOIN "Organisation" t ON t.id = s."trustId" AND t.designation = 'ACADEMIES'
      JOIN "Membership" m ON m."organisationId" = t.id AND m.role = 'ADMINISTRATOR'
      JOIN "User" u ON u.id = m."userId"
     WHERE s.id = ${schoolId}::uuid
    ORDER BY section, organisation_name, name`;
  return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, organisationId: r.organisation_id, organisationName: r.organisation_name, reason: r.reason }));
});

export type TrustOverviewScope = { trustId: string; trustName: string; schools: { schoolId: string; schoolName: string }[] };

/**
 * The trusts whose overview the viewer may open, with the schools that contribute: exactly the
 * "trust-school" scopes above, grouped by trust (a trust no school has chosen has no overview).
 */
export async function listTrustOverviews(viewerId: string): Promise<TrustOverviewScope[]> {
  const overviews = new Map<string, TrustOverviewScope>();
  for (const scope of await listProgressScopes(viewerId)) {
    if (scope.kind !== "trust-school") continue;
    const overview = overviews.get(scope.trustId) ?? { trustId: scope.trustId, trustName: scope.trustName, schools: [] };
    overview.schools.push({ schoolId: scope.schoolId, schoolName: scope.schoolName });
    overviews.set(scope.trustId, overview);
  }
  return [...overviews.values()];
}

/** One trust's overview scope, or null (unknown, not led by the viewer, or no school granted). */
export async function findTrustOverview(viewerId: string, trustId: string): Promise<TrustOverviewScope | null> {
  if (!z.uuid().safeParse(trustId).success) return null;
  return (await listTrustOverviews(viewerId)).find((o) => o.trustId === trustId) ?? null;
}

export type SchoolProgressScope = Exclude<ProgressScope, { kind: "self" }>;

/**
 * School S's entry in the viewer's scopes, or null: the same cached answer the selector is built
 * from, so a page that shows the selector and the school decides both with one query. The rule is
 * listProgressScopes' own; this only looks S up in it.
 */
export async function findSchoolProgressScope(viewerId: string, schoolId: string): Promise<SchoolProgressScope | null> {
  if (!z.uuid().safeParse(schoolId).success) return null;
  const scopes = await listProgressScopes(viewerId);
  return scopes.find((scope): scope is SchoolProgressScope => scope.kind !== "self" && scope.schoolId === schoolId) ?? null;
}
