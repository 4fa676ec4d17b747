import "server-only";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ActionError, NotFoundError } from "../errors";
import { formatDay } from "../format";
import { requiredTrainingOf } from "./sql";
import { addDays, addYears, londonDate, londonToday, renewalOpen, type IsoDate } from "./status";

// Renewing required training: once a completion's renewal window opens (30 days before it expires, or once
// it has expired), the person opens a new attempt of the course. The attempt that ends is kept as a
// CourseAttempt row with its dates; the enrolment starts again at 0 % with the next number, and keeps the
// completion date in previousCompletedAt so the person stays in date until it expires.

type Locked = {
  id: string;
  attempt: number;
  attemptStartedAt: Date;
  completedAt: Date | null;
  previousCompletedAt: Date | null;
  completedLessons: number;
};

/**
 * Opens a new attempt of a required course for the person, in one transaction: the enrolment row locked,
 * the requirement and the renewal window re-checked from the database, the old attempt kept, its lesson
 * completions removed (the database counts them out), and the audit row. A second submit finds the
 * renewal already under way and changes nothing ({ started: false }).
 */
export async function startRenewal(actorId: string, slug: string, today: IsoDate = londonToday()): Promise<{ started: boolean; attempt: number }> {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { slug }, select: { id: true, title: true } });
    if (!course) throw new NotFoundError();
    const [enrolment] = await tx.$queryRaw<Locked[]>`
      SELECT id, attempt, "attemptStartedAt", "completedAt", "previousCompletedAt", "completedLessons"
        FROM "Enrolment" WHERE "userId" = ${actorId}::uuid AND "courseId" = ${course.id}::uuid
         FOR UPDATE`;
    if (!enrolment) throw new NotFoundError();

    const memberships = await tx.membership.findMany({ where: { userId: actorId }, select: { organisationId: true } });
    const required = memberships.length
      ? await tx.$queryRaw<{ renewalYears: number | null }[]>`
          SELECT rt."renewalYears" FROM ${requiredTrainingOf(memberships.map((m) => m.organisationId), today)} rt
           WHERE rt."userId" = ${actorId}::uuid AND rt."courseId" = ${course.id}::uuid`
      : [];
    if (required.length === 0) throw new ActionError(`${course.title} is not required of you, so there is no renewal to start.`);
    // Required by two schools: the shorter renewal decides, as required_training() does.
    const renewals = required.map((r) => r.renewalYears).filter((y): y is number => y !== null);
    const renewalYears = renewals.length ? Math.min(...renewals) : null;

    if (enrolment.completedAt === null) {
      if (enrolment.attempt > 1 && enrolment.previousCompletedAt) return { started: false, attempt: enrolment.attempt };
      throw new ActionError(`You have not completed ${course.title} yet, so there is nothing to renew.`);
    }
    if (renewalYears === null) throw new ActionError(`Your completion of ${course.title} stays in date: it does not need renewing.`);
    const completedOn = londonDate(enrolment.completedAt);
    if (!renewalOpen(completedOn, renewalYears, today)) {
      const expiresOn = addYears(completedOn, renewalYears);
      throw new ActionError(`Your completion of ${course.title} is in date until ${formatDay(expiresOn)}: its renewal opens on ${formatDay(addDays(expiresOn, -30))}.`);
    }

    await tx.courseAttempt.create({
      data: {
        enrolmentId: enrolment.id,
        number: enrolment.attempt,
        startedAt: enrolment.attemptStartedAt,
        completedAt: enrolment.completedAt,
        completedLessons: enrolment.completedLessons,
      },
    });
    await tx.lessonCompletion.deleteMany({ where: { enrolmentId: enrolment.id } });
    const now = new Date();
    const next = enrolment.attempt + 1;
    await tx.enrolment.update({
      where: { id: enrolment.id, userId: actorId },
      data: { previousCompletedAt: enrolment.completedAt, completedAt: null, attempt: next, attemptStartedAt: now },
    });
    await writeAudit(tx, {
      actorId,
      action: "course.renewal_started",
      targetType: "Course",
      targetId: course.id,
      before: { attempt: enrolment.attempt, completedOn, completedLessons: enrolment.completedLessons },
      after: { attempt: next, expiresOn: addYears(completedOn, renewalYears) },
    });
    return { started: true, attempt: next };
  });
}

export type EarlierAttempt = { number: number; startedAt: Date; completedAt: Date | null; completedLessons: number };

/** The person's own earlier attempts of a course, latest first (none when not enrolled). */
export async function listAttempts(viewerId: string, courseId: string): Promise<EarlierAttempt[]> {
  return db.courseAttempt.findMany({
    where: { enrolment: { userId: viewerId, courseId } },
    select: { number: true, startedAt: true, completedAt: true, completedLessons: true },
    orderBy: { number: "desc" },
  });
}
