// The floor for scripts/bench-progress.ts: the data a school's progress page shows, read with hand-written
// SQL through a raw `pg` pool of the app's size, in the same shape (two reads, then four at once).
import pg from "pg";
import type { BenchData } from "./bench-data";
import { londonToday } from "../lib/requirements/status";
import { percentile } from "./bench-measure";

const VIEWER = `
  SELECT u.id, u.name, u.email, u."platformRole", u."currentOrganisationId",
         COALESCE(json_agg(json_build_object('role', m.role, 'id', o.id, 'name', o.name, 'designation', o.designation) ORDER BY o.name) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
    FROM "User" u LEFT JOIN "Membership" m ON m."userId" = u.id LEFT JOIN "Organisation" o ON o.id = m."organisationId"
   WHERE u.id = $1 GROUP BY u.id`;

const SCOPES = `
  SELECT s.id, s.name, t.id AS trust_id, t.name AS trust_name, 0 AS section, t.name AS sort1, s.name AS sort2
    FROM "Membership" m JOIN "Organisation" t ON t.id = m."organisationId" AND t.designation = 'ACADEMIES'
    JOIN "Organisation" s ON s."trustId" = t.id
   WHERE m."userId" = $1 AND m.role = 'ADMINISTRATOR'
  UNION ALL
  SELECT o.id, o.name, NULL, NULL, 1, o.name, ''
    FROM "Membership" m JOIN "Organisation" o ON o.id = m."organisationId"
   WHERE m."userId" = $1 AND m.role = 'ADMINISTRATOR'
   ORDER BY section, sort1, sort2`;

// Status and percentage as the database stores them on the enrolment, as the page reads them.
const FROM = `
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    JOIN "Enrolment" e ON e."userId" = m."userId" JOIN "Course" c ON c.id = e."courseId"
   WHERE m."organisationId" = $1`;

// The page's rows with each one's required-training standing (its row of "RequiredAssignment", classified on the day).
const ROWS = `
  SELECT p.*, required_status(ra."firstDueOn", ra."completedOn", ra."expiresOn", ra."attemptStatus", $2::date) AS required,
         CASE WHEN ra."completedOn" IS NULL THEN ra."firstDueOn" ELSE ra."expiresOn" END AS due
    FROM (SELECT e.id, e."userId", e."courseId", m."organisationId", u.name, u.email, c.title, e.status, e.percent, e."enrolledAt",
                 e."lastActivityAt", e."completedAt", e."previousCompletedAt" ${FROM}
           ORDER BY u.name, c.title, e.id LIMIT 51) p
    LEFT JOIN "RequiredAssignment" ra ON ra."schoolId" = p."organisationId" AND ra."userId" = p."userId" AND ra."courseId" = p."courseId"
   ORDER BY p.name, p.title, p.id`;

// The compliance summary: per required course and standing, how many people; and who is in date on everything.
const COMPLIANCE = `
  WITH rt AS MATERIALIZED (
    SELECT ra."userId", ra."courseId", required_status(ra."firstDueOn", ra."completedOn", ra."expiresOn", ra."attemptStatus", $2::date) AS status,
           ra."completedOn" IS NOT NULL AND (ra."expiresOn" IS NULL OR $2::date <= ra."expiresOn") AS in_date
      FROM "RequiredAssignment" ra WHERE ra."schoolId" = $1)
  SELECT (SELECT count(*) FROM (SELECT bool_and(in_date) AS ok FROM rt GROUP BY "userId") x WHERE ok) AS in_date_staff,
         (SELECT json_agg(c) FROM (SELECT "courseId", status, count(*) FROM rt GROUP BY 1, 2) c) AS courses`;

const SUMMARY = `
  SELECT count(*) AS staff, sum(n) AS enrolments, sum(completed) AS completed, sum(not_started) AS not_started, sum(in_progress) AS in_progress
    FROM (SELECT count(*) AS n, count(*) FILTER (WHERE e.status = 'COMPLETED') AS completed,
                 count(*) FILTER (WHERE e.status = 'NOT_STARTED') AS not_started,
                 count(*) FILTER (WHERE e.status = 'IN_PROGRESS') AS in_progress ${FROM} GROUP BY e."userId") per_person`;

const COURSES = `SELECT id, title FROM "Course" ORDER BY title`;

export async function runFloor(url: string, data: BenchData, times: number) {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const today = londonToday();
  try {
    const all = async () => {
      await pool.query(VIEWER, [data.leadId]);
      await pool.query(SCOPES, [data.leadId]);
      await Promise.all([pool.query(ROWS, [data.bigSchoolId, today]), pool.query(SUMMARY, [data.bigSchoolId]), pool.query(COMPLIANCE, [data.bigSchoolId, today]), pool.query(COURSES)]);
    };
    const core = () => Promise.all([pool.query(ROWS, [data.bigSchoolId, today]), pool.query(SUMMARY, [data.bigSchoolId])]);
    const time = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 10; i++) await fn();
      const samples: number[] = [];
      for (let i = 0; i < times; i++) {
        const t0 = performance.now();
        await fn();
        samples.push(performance.now() - t0);
      }
      return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
    };
    const each: Record<string, number> = {};
    for (const [name, sql, values] of [
      ["viewer", VIEWER, [data.leadId]], ["scopes", SCOPES, [data.leadId]], ["rows", ROWS, [data.bigSchoolId, today]], ["summary", SUMMARY, [data.bigSchoolId]],
      ["compliance", COMPLIANCE, [data.bigSchoolId, today]], ["courses", COURSES, []],
    ] as const) {
      each[name] = (await time(() => pool.query(sql, [...values]))).p50;
    }
    return { all: await time(all), core: await time(core), each };
  } finally {
    await pool.end();
  }
}
