// The SQL function required_training() against every case of lib/requirements/status-cases.ts, which the
// unit tests hold requiredStatus() to: the facts of each case built in the database, and the function's
// answer compared with the case's expected standing. The two implementations of the rule cannot part.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EnrolmentStatus, RequiredStatus } from "@/lib/generated/prisma/enums";
import { requiredTrainingOf } from "@/lib/requirements/sql";
import { statusCases, type StatusCase } from "@/lib/requirements/status-cases";
import { isoDateOf } from "@/lib/requirements/status";
import { makeCourse, makeOrganisation, makeUser, unique } from "./helpers";
import { enrolRequired } from "@/lib/requirements/assign";

const lessonsDone: Record<EnrolmentStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 1, COMPLETED: 2 };

async function standingInDatabase(c: StatusCase) {
  const school = await makeOrganisation();
  const user = await makeUser(school.id);
  await db.membership.updateMany({ where: { userId: user.id, organisationId: school.id }, data: { createdAt: new Date(c.joinedAt) } });
  const course = await makeCourse(2, unique("Required"));
  await db.requirement.create({
    data: {
      organisationId: school.id,
      courseId: course.id,
      dueKind: c.rule.kind,
      dueOn: c.rule.kind === "BY_DATE" ? new Date(`${c.rule.dueOn}T00:00:00Z`) : null,
      dueDays: c.rule.kind === "WITHIN_DAYS" ? c.rule.days : null,
      renewalYears: c.renewalYears,
      createdAt: new Date(c.appliesSince),
    },
  });
  // Enrolled as the app does after a requirement is set (lib/requirements/assign.ts); the case says how far they got.
  await enrolRequired({ organisationId: school.id });
  const where = { userId_courseId: { userId: user.id, courseId: course.id } };
  if (c.attempt === null) {
    await db.enrolment.delete({ where });
  } else {
    const completedAt = c.completedAt ? new Date(c.completedAt) : null;
    // A completion with the current attempt not completed is a renewal under way: the completion is the previous attempt's.
    const renewing = completedAt !== null && c.attempt !== "COMPLETED";
    await db.enrolment.update({
      where,
      data: {
        completedLessons: lessonsDone[c.attempt],
        completedAt: renewing ? null : completedAt,
        previousCompletedAt: renewing ? completedAt : null,
        attempt: renewing ? 2 : 1,
      },
    });
    expect((await db.enrolment.findUniqueOrThrow({ where })).status).toBe(c.attempt);
  }
  const rows = await db.$queryRaw<{ status: RequiredStatus; inDate: boolean; dueOn: Date | null; expiresOn: Date | null }[]>`
    SELECT status, "inDate", "dueOn", "expiresOn" FROM ${requiredTrainingOf([school.id], c.today)} rt
     WHERE rt."userId" = ${user.id}::uuid AND rt."courseId" = ${course.id}::uuid`;
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  return { status: row.status, inDate: row.inDate, dueOn: row.dueOn ? isoDateOf(row.dueOn) : null, expiresOn: row.expiresOn ? isoDateOf(row.expiresOn) : null };
}

describe("required_training() follows the rule of lib/requirements/status.ts", () => {
  it.each(statusCases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    expect(await standingInDatabase(c)).toEqual(c.expected);
  });
});
