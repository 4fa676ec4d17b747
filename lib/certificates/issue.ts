import "server-only";
import { z } from "zod";
import { findSchoolProgressScope } from "../access";
import { writeAudit } from "../audit";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { formatDate } from "../format";
import { addYears, isoDateOf, londonDate, type IsoDate } from "../requirements/status";
import { newCode } from "./code";

/*
 * A certificate of one completed attempt of a course, issued on download. Who may have it:
 *   - the person themselves, for any school they belong to (or, without one named, the organisation they
 *     are working in, else their first school);
 *   - anyone lib/access.ts lets see the progress of a school the person is a current member of, naming that
 *     school (?school=), and nothing wider.
 * Everything else (an unknown enrolment, an attempt not completed, a school the person is not in, a viewer
 * with no access) is the same null, so the route cannot tell "not yours" from "does not exist".
 *
 * What a certificate prints is kept with it (for /verify). Downloading again reuses the current certificate
 * while it would print exactly the same; when it would print differently (a corrected name, a renamed
 * school, a changed expiry) the old one is revoked, saying why, and a new one issued.
 */

export type IssuedCertificate = {
  id: string;
  code: string;
  attempt: number;
  personName: string;
  courseTitle: string;
  courseSlug: string;
  organisationName: string | null;
  completedAt: Date;
  /** The last day it is in date (England), or null when the course needs no renewal there. */
  expiresOn: IsoDate | null;
  issuedAt: Date;
  /** Whether this download issued it (false: an earlier download's certificate, reused). */
  issued: boolean;
};

const ids = z.object({ enrolmentId: z.uuid(), attempt: z.number().int().min(1).max(10_000), schoolId: z.uuid().optional() });

// Written into the statement, not bound: PostgreSQL matches ON CONFLICT to the partial index's expression only
// when it is the same literal (a parameter would match under custom plans only).
const NO_ORGANISATION = Prisma.raw(`'00000000-0000-0000-0000-000000000000'::uuid`);

type Printed = Pick<IssuedCertificate, "personName" | "courseTitle" | "organisationName" | "completedAt" | "expiresOn">;

function samePrint(row: { personName: string; courseTitle: string; organisationName: string | null; completedAt: Date; expiresOn: Date | null }, printed: Printed): boolean {
  return (
    row.personName === printed.personName &&
    row.courseTitle === printed.courseTitle &&
    row.organisationName === printed.organisationName &&
    row.completedAt.getTime() === printed.completedAt.getTime() &&
    (row.expiresOn ? isoDateOf(row.expiresOn) : null) === printed.expiresOn
  );
}

/** When an attempt was completed: the enrolment's own date for the current attempt, the kept attempt's for an earlier one. */
async function completionOf(enrolment: { id: string; attempt: number; completedAt: Date | null }, attempt: number): Promise<Date | null> {
  if (attempt === enrolment.attempt) return enrolment.completedAt;
  if (attempt > enrolment.attempt) return null;
  const earlier = await db.courseAttempt.findUnique({ where: { enrolmentId_number: { enrolmentId: enrolment.id, number: attempt } }, select: { completedAt: true } });
  return earlier?.completedAt ?? null;
}

/** The certificate `actorId` may download for an attempt, issuing it if needed; null is "not found". */
export async function certificateFor(actorId: string, enrolmentId: string, attempt: number, schoolId?: string): Promise<IssuedCertificate | null> {
  const input = ids.safeParse({ enrolmentId, attempt, schoolId });
  if (!input.success || !z.uuid().safeParse(actorId).success) return null;

  const enrolment = await db.enrolment.findUnique({
    where: { id: enrolmentId },
    select: {
      id: true, userId: true, courseId: true, attempt: true, completedAt: true,
      course: { select: { title: true, slug: true } },
      user: {
        select: {
          name: true,
          currentOrganisationId: true,
          memberships: { select: { organisationId: true, organisation: { select: { name: true, kind: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      },
    },
  });
  if (!enrolment) return null;
  const memberships = enrolment.user.memberships;
  const memberOf = (id: string | null | undefined) => (id ? memberships.find((m) => m.organisationId === id) : undefined);

  // A school named must be one of the person's own; anyone else must also be granted its progress. Access is
  // asked whether or not the person belongs to the school named, so the time taken says nothing about that.
  const granted = actorId === enrolment.userId || (schoolId !== undefined && (await findSchoolProgressScope(actorId, schoolId)) !== null);
  if (!granted || (schoolId !== undefined && !memberOf(schoolId))) return null;

  const completedAt = await completionOf(enrolment, attempt);
  if (!completedAt) return null;

  // The schools that require this course of the person, with their renewal periods.
  const required = await db.requiredAssignment.findMany({
    where: { userId: enrolment.userId, courseId: enrolment.courseId },
    select: { schoolId: true, renewalYears: true },
  });
  const renewalAt = (id: string | undefined) => required.find((r) => r.schoolId === id);
  // Without a school named, a school that requires the course (the shortest renewal first), so the person
  // cannot print a certificate without its expiry by choosing an organisation that does not require it.
  const requiring = [...required].sort((a, b) => (a.renewalYears ?? Infinity) - (b.renewalYears ?? Infinity)).map((r) => memberOf(r.schoolId)).find(Boolean);
  const organisation =
    memberOf(schoolId) ??
    requiring ??
    memberOf(enrolment.user.currentOrganisationId) ??
    memberships.find((m) => m.organisation.kind === "SCHOOL") ??
    memberships[0];

  // Where the organisation requires the course with a renewal period, the certificate says until when it
  // is in date: the rule of lib/requirements/status.ts, from this attempt's completion.
  const renewalYears = renewalAt(organisation?.organisationId)?.renewalYears ?? null;

  const printed: Printed = {
    personName: enrolment.user.name,
    courseTitle: enrolment.course.title,
    organisationName: organisation?.organisation.name ?? null,
    completedAt,
    expiresOn: renewalYears === null ? null : addYears(londonDate(completedAt), renewalYears),
  };
  const organisationId = organisation?.organisationId ?? null;
  const current = { enrolmentId, attempt, organisationId, revokedAt: null };

  const { row, issued } = await db.$transaction(async (tx) => {
    const existing = await tx.certificate.findFirst({ where: current });
    if (existing && samePrint(existing, printed)) return { row: existing, issued: false };
    const now = new Date();
    if (existing) {
      // Guarded by revokedAt: a concurrent download that revoked it first leaves nothing to do here.
      await tx.certificate.updateMany({
        where: { id: existing.id, revokedAt: null },
        data: { revokedAt: now, revokedReason: `Replaced by a newer certificate issued ${formatDate(now)}` },
      });
    }
    // Two downloads at once: the second waits on the first's row in "Certificate_current_key", then does
    // nothing, and both read back the one certificate.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Certificate" (id, code, "userId", "enrolmentId", "courseId", attempt, "organisationId", "personName", "courseTitle",
                                 "organisationName", "completedAt", "expiresOn", "issuedAt", "issuedById")
      VALUES (gen_random_uuid(), ${newCode()}, ${enrolment.userId}::uuid, ${enrolmentId}::uuid, ${enrolment.courseId}::uuid, ${attempt},
              ${organisationId}::uuid, ${printed.personName}, ${printed.courseTitle}, ${printed.organisationName},
              ${completedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${printed.expiresOn}::date,
              ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${actorId}::uuid)
      ON CONFLICT ("enrolmentId", attempt, COALESCE("organisationId", ${NO_ORGANISATION})) WHERE "revokedAt" IS NULL DO NOTHING
      RETURNING id`;
    const row = await tx.certificate.findFirst({ where: current });
    if (!row) throw new Error(`Certificate for enrolment ${enrolmentId} attempt ${attempt} neither inserted nor found`);
    if (inserted.length) {
      await writeAudit(tx, {
        actorId,
        action: "certificate.issue",
        organisationId,
        targetType: "Certificate",
        targetId: row.id,
        before: existing ? { certificateId: existing.id, personName: existing.personName, organisationName: existing.organisationName, expiresOn: existing.expiresOn ? isoDateOf(existing.expiresOn) : null } : null,
        after: { userId: enrolment.userId, courseId: enrolment.courseId, attempt, personName: printed.personName, organisationName: printed.organisationName, expiresOn: printed.expiresOn },
      });
    }
    return { row, issued: inserted.length > 0 };
  });

  return {
    id: row.id,
    code: row.code,
    attempt,
    personName: row.personName,
    courseTitle: row.courseTitle,
    courseSlug: enrolment.course.slug,
    organisationName: row.organisationName,
    completedAt: row.completedAt,
    expiresOn: row.expiresOn ? isoDateOf(row.expiresOn) : null,
    issuedAt: row.issuedAt,
    issued,
  };
}
