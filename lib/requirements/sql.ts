// The one way into required training from TypeScript: the SQL function required_training() (migration
// required_training), for the schools a scope of lib/access.ts holds, on a date. Free of "server-only" so
// the benchmark runs the very statements the pages run.
import { Prisma } from "../generated/prisma/client";
import type { IsoDate } from "./status";

/**
 * `required_training(schools, today)` as a FROM item: one row per (school, member, required course) with
 * "schoolId", "userId", "courseId", "requiredBy" (organisation ids, the trust's first), "renewalYears",
 * "enrolmentId", "attempt", "completedOn", "expiresOn", "dueOn", "status" ("RequiredStatus") and "inDate".
 * Pass only school ids taken from a scope that lib/access.ts made.
 */
export function requiredTrainingOf(schoolIds: readonly string[], today: IsoDate): Prisma.Sql {
  return Prisma.sql`required_training(${[...schoolIds]}::uuid[], ${today}::date)`;
}

export type AssignTarget = { organisationId: string } | { userIds: readonly string[] } | { everyone: true };

/**
 * Enrols on their required courses everyone required of one and not yet enrolled: the people of an
 * organisation's schools (a school, or every school that chose a trust), or the given people. One statement
 * that changes rows first and lets the triggers lock its people in one go, as every enrolment does. Run after
 * the change that made the requirement apply has committed (lib/requirements/assign.ts); the required
 * training figures never depend on it (a requirement applies whether or not the person is enrolled yet).
 */
export function enrolRequiredSql(target: AssignTarget): Prisma.Sql {
  const where =
    "everyone" in target
      ? Prisma.sql`TRUE`
      : "organisationId" in target
      ? Prisma.sql`ra."schoolId" IN (SELECT id FROM "Organisation" WHERE id = ${target.organisationId}::uuid OR "trustId" = ${target.organisationId}::uuid)`
      : Prisma.sql`ra."userId" = ANY(${[...target.userIds]}::uuid[])`;
  return Prisma.sql`
    INSERT INTO "Enrolment" (id, "userId", "courseId")
    SELECT gen_random_uuid(), x."userId", x."courseId"
      FROM (SELECT DISTINCT ra."userId", ra."courseId" FROM "RequiredAssignment" ra WHERE ra."enrolmentId" IS NULL AND ${where} ORDER BY 1, 2) x
    ON CONFLICT ("userId", "courseId") DO NOTHING`;
}
