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
