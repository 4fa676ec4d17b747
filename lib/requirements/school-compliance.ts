// A school's compliance with its required training, for the top of its progress view: how many of the staff
// a requirement applies to are in date on every required course, per required course how many people are in
// date, due soon, overdue, expired and not yet due, and the first overdue people (by due date). One statement
// over required_training() (lib/requirements/sql.ts), the same rows the view's Required column and filter
// read, so every figure here is a filter of the view (`?required=overdue&course=<id>`) with the same count.
// Takes the school's scope, which only lib/access.ts makes: it cannot be asked about a school nobody checked.
import "server-only";
import type { SchoolProgressScope } from "../access";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { requiredTrainingOf } from "./sql";
import type { IsoDate } from "./status";

/** How many overdue people the summary names; the rest are a link to the view filtered to them. */
export const OVERDUE_LISTED = 10;

export type CourseCompliance = {
  courseId: string;
  title: string;
  /** The organisation that requires it (the trust's first, when both the trust and the school do). */
  requiredById: string;
  requiredByName: string;
  /** Whether that is the school's trust rather than the school itself. */
  byTrust: boolean;
  /** People the course is required of (the school's current members). */
  required: number;
  /** With a completion still valid today (a renewal due soon is still in date). */
  inDate: number;
  dueSoon: number;
  overdue: number;
  expired: number;
  /** Not started or in progress, and not due for more than 30 days. */
  notYetDue: number;
};

export type OverduePerson = { userId: string; name: string; courseId: string; course: string; dueOn: IsoDate };

export type SchoolCompliance = {
  /** Members of the school with any requirement. */
  staff: number;
  /** Of them, those in date on every course required of them. */
  inDateStaff: number;
  /** Overdue (person, course) pairs: the length of the view filtered to overdue. */
  overdue: number;
  /** The first OVERDUE_LISTED of them, the longest overdue first. */
  overduePeople: OverduePerson[];
  /** Per required course, by title. */
  courses: CourseCompliance[];
};

/** The statement, apart so that a test or the benchmark can read it. */
export function schoolComplianceSql(school: SchoolProgressScope, today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    WITH rt AS MATERIALIZED (
      SELECT r."userId", r."courseId", r."requiredBy"[1] AS "byId", r.status, r."inDate", r."dueOn"
        FROM ${requiredTrainingOf([school.schoolId], today)} r
    ), people AS (
      SELECT bool_and(rt."inDate") AS "allInDate" FROM rt GROUP BY rt."userId"
    ), courses AS (
      SELECT rt."courseId", (array_agg(rt."byId"))[1] AS "byId", count(*)::int AS required,
             count(*) FILTER (WHERE rt."inDate")::int AS "inDate",
             count(*) FILTER (WHERE rt.status = 'DUE_SOON')::int AS "dueSoon",
             count(*) FILTER (WHERE rt.status = 'OVERDUE')::int AS overdue,
             count(*) FILTER (WHERE rt.status = 'EXPIRED')::int AS expired,
             count(*) FILTER (WHERE rt.status IN ('NOT_STARTED', 'IN_PROGRESS'))::int AS "notYetDue"
        FROM rt GROUP BY rt."courseId"
    )
    SELECT (SELECT count(*) FROM people)::int AS staff,
           (SELECT count(*) FROM people WHERE "allInDate")::int AS "inDateStaff",
           (SELECT count(*) FROM rt WHERE rt.status = 'OVERDUE')::int AS overdue,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'courseId', k."courseId", 'title', c.title, 'requiredById', k."byId", 'requiredByName', o.name,
                      'byTrust', k."byId" <> ${school.schoolId}::uuid, 'required', k.required, 'inDate', k."inDate",
                      'dueSoon', k."dueSoon", 'overdue', k.overdue, 'expired', k.expired, 'notYetDue', k."notYetDue"
                    ) ORDER BY c.title, c.id)
               FROM courses k
               JOIN "Course" c ON c.id = k."courseId"
               JOIN "Organisation" o ON o.id = k."byId"
           ), '[]'::json) AS courses,
           COALESCE((
             SELECT json_agg(json_build_object('userId', x."userId", 'name', x.name, 'courseId', x."courseId", 'course', x.title, 'dueOn', x."dueOn")
                      ORDER BY x."dueOn", x.name, x.title, x."userId")
               FROM (SELECT rt."userId", u.name, rt."courseId", c.title, rt."dueOn"
                       FROM rt
                       JOIN "User" u ON u.id = rt."userId"
                       JOIN "Course" c ON c.id = rt."courseId"
                      WHERE rt.status = 'OVERDUE'
                      ORDER BY rt."dueOn", u.name, c.title, rt."userId"
                      LIMIT ${OVERDUE_LISTED}::int) x
           ), '[]'::json) AS "overduePeople"`;
}

/** The school's required-training compliance on `today` (England), in one statement. */
export async function summariseSchoolCompliance(school: SchoolProgressScope, today: IsoDate): Promise<SchoolCompliance> {
  const [row] = await db.$queryRaw<SchoolCompliance[]>(schoolComplianceSql(school, today));
  return row ?? { staff: 0, inDateStaff: 0, overdue: 0, overduePeople: [], courses: [] };
}
