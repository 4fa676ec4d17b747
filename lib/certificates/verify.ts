import "server-only";
import { db } from "../db";
import { isoDateOf, londonToday, type IsoDate } from "../requirements/status";
import { normaliseCode, printedCode } from "./code";

// /verify/<code>, open to anyone: what a certificate printed, and whether it still stands. Every code, found
// or not, well-formed or not, costs the same one query on the unique index of codes, so the answer's timing
// says nothing a guess could use (and at 80 random bits there is nothing to enumerate: lib/certificates/code.ts).

export type PrintedFacts = {
  code: string;
  personName: string;
  courseTitle: string;
  organisationName: string | null;
  completedAt: Date;
  expiresOn: IsoDate | null;
  attempt: number;
};

export type Verification =
  | { status: "unknown" }
  | { status: "revoked"; revokedAt: Date; reason: string; facts: PrintedFacts }
  /** The training it certifies is no longer on record: the enrolment was removed, or that attempt's completion changed. */
  | { status: "gone"; facts: PrintedFacts }
  | { status: "expired"; facts: PrintedFacts }
  | { status: "valid"; facts: PrintedFacts };

type Row = {
  code: string;
  personName: string;
  courseTitle: string;
  organisationName: string | null;
  completedAt: Date;
  expiresOn: Date | null;
  attempt: number;
  revokedAt: Date | null;
  revokedReason: string | null;
  recordedCompletion: Date | null;
};

export async function verifyCertificate(input: string, today: IsoDate = londonToday()): Promise<Verification> {
  const code = normaliseCode(input) ?? ""; // a malformed code still asks the index, and finds nothing
  const [row] = await db.$queryRaw<Row[]>`
    SELECT c.code, c."personName", c."courseTitle", c."organisationName", c."completedAt", c."expiresOn", c.attempt,
           c."revokedAt", c."revokedReason",
           CASE WHEN e.attempt = c.attempt THEN e."completedAt" ELSE a."completedAt" END AS "recordedCompletion"
      FROM "Certificate" c
      LEFT JOIN "Enrolment" e ON e.id = c."enrolmentId" AND e."userId" = c."userId" AND e."courseId" = c."courseId"
      LEFT JOIN "CourseAttempt" a ON a."enrolmentId" = c."enrolmentId" AND a.number = c.attempt
     WHERE c.code = ${code}`;
  if (!row) return { status: "unknown" };
  const facts: PrintedFacts = {
    code: printedCode(row.code),
    personName: row.personName,
    courseTitle: row.courseTitle,
    organisationName: row.organisationName,
    completedAt: row.completedAt,
    expiresOn: row.expiresOn ? isoDateOf(row.expiresOn) : null,
    attempt: row.attempt,
  };
  if (row.revokedAt) return { status: "revoked", revokedAt: row.revokedAt, reason: row.revokedReason ?? "", facts };
  if (!row.recordedCompletion || row.recordedCompletion.getTime() !== row.completedAt.getTime()) return { status: "gone", facts };
  if (facts.expiresOn !== null && facts.expiresOn < today) return { status: "expired", facts };
  return { status: "valid", facts };
}
