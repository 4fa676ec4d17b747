// The floor for scripts/bench-trust.ts: the data the trust overview page shows, read with hand-written SQL
// through a raw `pg` pool of the app's size, in the page's shape (the viewer, the scopes, then the schools'
// figures, required training and the matrix at once). The tally reads and the compliance statement are also
// the statements the bench EXPLAINs. The compliance statement is the page's own (lib/requirements).
import pg from "pg";
import { londonToday } from "../lib/requirements/status";
import { complianceSql } from "../lib/requirements/trust-compliance-sql";
import { percentile } from "./bench-measure";

const VIEWER = `
  SELECT s.id AS session_id, u.id, u.name, u.email, u."platformRole", u."currentOrganisationId",
         COALESCE(json_agg(json_build_object('role', m.role, 'id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u.id LEFT JOIN "Organisation" o ON o.id = m."organisationId"
   WHERE s.id = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now() GROUP BY s.id, u.id`;

const SCOPES = `
  SELECT s.id, s.name, t.id AS trust_id, t.name AS trust_name
    FROM "Membership" m JOIN "Organisation" t ON t.id = m."organisationId" AND t.designation = 'ACADEMIES'
    JOIN "Organisation" s ON s."trustId" = t.id
   WHERE m."userId" = $1 AND m.role = 'ADMINISTRATOR'
   ORDER BY t.name, s.name`;

export const OVERVIEW_SCHOOLS = `
  SELECT "organisationId" AS school_id, NULL::"EnrolmentStatus" AS status, count(*)::int AS n, NULL::timestamp(3) AS last
    FROM "Membership" WHERE "organisationId" = ANY($1::uuid[]) GROUP BY "organisationId"
  UNION ALL
  SELECT "schoolId", status, sum(enrolments)::int, max("lastActivityAt")
    FROM "ProgressTally" WHERE "schoolId" = ANY($1::uuid[]) GROUP BY "schoolId", status`;

export const OVERVIEW_MATRIX = `
  SELECT t."courseId", c.title, t."schoolId", t.status, t.enrolments
    FROM "ProgressTally" t JOIN "Course" c ON c.id = t."courseId"
   WHERE t."schoolId" = ANY($1::uuid[]) AND t.enrolments > 0
   ORDER BY c.title, c.id`;

/** The overview's required-training statement (lib/requirements/trust-compliance-sql.ts) for raw pg: $1 the school ids. */
export function overviewCompliance(today = londonToday()): { text: string; values: (ids: string[]) => unknown[] } {
  const sql = complianceSql([], today);
  return { text: sql.text, values: (ids) => [ids, today] };
}

export async function runTrustFloor(url: string, viewer: { leadId: string; sessionId: string }, times: number) {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const compliance = overviewCompliance();
  try {
    const all = async () => {
      await pool.query(VIEWER, [viewer.sessionId]);
      const schools = (await pool.query<{ id: string }>(SCOPES, [viewer.leadId])).rows.map((r) => r.id);
      await Promise.all([pool.query(OVERVIEW_SCHOOLS, [schools]), pool.query(compliance.text, compliance.values(schools)), pool.query(OVERVIEW_MATRIX, [schools])]);
    };
    for (let i = 0; i < 10; i++) await all();
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await all();
      samples.push(performance.now() - t0);
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  } finally {
    await pool.end();
  }
}
