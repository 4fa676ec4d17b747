// Renewing required training (lib/requirements/renewal.ts) and the person's own list of it
// (lib/requirements/mine.ts), on a real database.
import { describe, expect, it, vi } from "vitest";
import { completeLesson, enrolOnCourse } from "@/lib/courses";
import { db } from "@/lib/db";
import { ActionError, NotFoundError } from "@/lib/errors";
import { listMyRequiredTraining } from "@/lib/requirements/mine";
import { listAttempts, startRenewal } from "@/lib/requirements/renewal";
import { requiredTrainingOf } from "@/lib/requirements/sql";
import { addDays, addYears, isoDateOf, londonDate, londonToday } from "@/lib/requirements/status";
import { makeCourse, makeOrganisation, makeTrust, makeUser, unique } from "./helpers";
import { expectTallyExact } from "./progress-tally-oracle";
import { enrolRequired } from "@/lib/requirements/assign";

// writeAudit as it is, except when a test makes it fail once (to show the renewal rolls back with it).
const auditFails = vi.hoisted(() => ({ next: false }));
vi.mock("@/lib/audit", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/audit")>();
  return {
    ...actual,
    writeAudit: async (...args: Parameters<typeof actual.writeAudit>) => {
      if (auditFails.next) {
        auditFails.next = false;
        throw new Error("audit log unavailable");
      }
      return actual.writeAudit(...args);
    },
  };
});

const DAY = 24 * 60 * 60 * 1000;

/** A member of a school that requires a two-lesson course, renewed every `renewalYears`; both lessons completed `daysAgo` days ago. */
async function completedRequiredCourse({ daysAgo, renewalYears = 1 as number | null }: { daysAgo: number; renewalYears?: number | null }) {
  const school = await makeOrganisation();
  const user = await makeUser(school.id);
  const course = await makeCourse(2, unique("Safeguarding"));
  await db.requirement.create({ data: { organisationId: school.id, courseId: course.id, dueKind: "WITHIN_DAYS", dueDays: 30, renewalYears } });
  await enrolRequired({ organisationId: school.id }); // as the app does after a requirement is set
  await completeLesson(user.id, course.slug, 1);
  await completeLesson(user.id, course.slug, 2);
  const when = new Date(Date.now() - daysAgo * DAY);
  await db.enrolment.update({
    where: { userId_courseId: { userId: user.id, courseId: course.id } },
    data: { completedAt: when, attemptStartedAt: new Date(when.getTime() - DAY) },
  });
  return { school, user, course, completedAt: when };
}

async function enrolmentOf(userId: string, courseId: string) {
  return db.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId, courseId } }, include: { completions: true, attempts: true } });
}

async function standing(schoolId: string, userId: string, courseId: string, today = londonToday()) {
  const [row] = await db.$queryRaw<{ status: string; inDate: boolean; expiresOn: Date | null; completedOn: Date | null; attempt: number }[]>`
    SELECT status::text, "inDate", "expiresOn", "completedOn", attempt FROM ${requiredTrainingOf([schoolId], today)} rt
     WHERE rt."userId" = ${userId}::uuid AND rt."courseId" = ${courseId}::uuid`;
  return { ...row!, expiresOn: row!.expiresOn ? isoDateOf(row!.expiresOn) : null, completedOn: row!.completedOn ? isoDateOf(row!.completedOn) : null };
}

describe("renewing required training", () => {
  it("opens a new attempt and keeps the old one; the person stays in date until expiry; completing again gives a new expiry", async () => {
    const { school, user, course, completedAt } = await completedRequiredCourse({ daysAgo: 350 });
    const before = await enrolmentOf(user.id, course.id);
    const oldCompletedOn = londonDate(completedAt);
    const oldExpiry = addYears(oldCompletedOn, 1);

    const [mine] = await listMyRequiredTraining(user.id);
    expect(mine).toMatchObject({ status: "DUE_SOON", inDate: true, renewalOpen: true, attempt: 1, expiresOn: oldExpiry });

    expect(await startRenewal(user.id, course.slug)).toEqual({ started: true, attempt: 2 });
    const after = await enrolmentOf(user.id, course.id);
    expect(after).toMatchObject({ attempt: 2, percent: 0, status: "NOT_STARTED", completedLessons: 0, completedAt: null, previousCompletedAt: completedAt });
    expect(after.completions).toHaveLength(0);
    expect(after.attemptStartedAt.getTime()).toBeGreaterThan(before.attemptStartedAt.getTime());
    expect(after.attempts).toHaveLength(1);
    expect(after.attempts[0]).toMatchObject({ number: 1, startedAt: before.attemptStartedAt, completedAt, completedLessons: 2 });
    expect(await listAttempts(user.id, course.id)).toEqual([{ number: 1, startedAt: before.attemptStartedAt, completedAt, completedLessons: 2 }]);

    // Still in date until the old completion expires; due soon, no renewal to start again.
    expect(await standing(school.id, user.id, course.id)).toMatchObject({ status: "DUE_SOON", inDate: true, expiresOn: oldExpiry, completedOn: oldCompletedOn, attempt: 2 });
    expect(await standing(school.id, user.id, course.id, addDays(oldExpiry, 1))).toMatchObject({ status: "EXPIRED", inDate: false });
    const [renewing] = await listMyRequiredTraining(user.id);
    expect(renewing).toMatchObject({ status: "DUE_SOON", inDate: true, renewalOpen: false, currentCompleted: false, attemptStatus: "NOT_STARTED" });
    await expectTallyExact("after the renewal");

    // Attempt 2 completed through the ordinary path: completeLesson records the new completion date.
    await completeLesson(user.id, course.slug, 1);
    expect(await standing(school.id, user.id, course.id)).toMatchObject({ status: "DUE_SOON", inDate: true, expiresOn: oldExpiry });
    await completeLesson(user.id, course.slug, 2);
    const done = await enrolmentOf(user.id, course.id);
    expect(done).toMatchObject({ attempt: 2, status: "COMPLETED", percent: 100 });
    expect(done.completedAt).not.toBeNull();
    const newExpiry = addYears(londonDate(done.completedAt!), 1);
    expect(newExpiry > oldExpiry).toBe(true);
    expect(await standing(school.id, user.id, course.id)).toMatchObject({ status: "COMPLETED", inDate: true, expiresOn: newExpiry });
    const [renewed] = await listMyRequiredTraining(user.id);
    expect(renewed).toMatchObject({ status: "COMPLETED", renewalOpen: false, expiresOn: newExpiry });
    await expectTallyExact("after attempt 2 completed");

    const audits = await db.auditLog.findMany({ where: { actorId: user.id, action: "course.renewal_started" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetType: "Course", targetId: course.id, before: { attempt: 1, completedOn: oldCompletedOn }, after: { attempt: 2, expiresOn: oldExpiry } });
  });

  it("opens once on a double submit: the second changes nothing, and two at once open one attempt", async () => {
    const { user, course } = await completedRequiredCourse({ daysAgo: 400 }); // expired: the renewal is open
    const results = await Promise.all([startRenewal(user.id, course.slug), startRenewal(user.id, course.slug)]);
    expect(results.map((r) => r.started).sort()).toEqual([false, true]);
    expect(await startRenewal(user.id, course.slug)).toEqual({ started: false, attempt: 2 });
    const after = await enrolmentOf(user.id, course.id);
    expect(after.attempt).toBe(2);
    expect(after.attempts).toHaveLength(1);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "course.renewal_started" } })).toBe(1);
  });

  it("is refused before the renewal window, saying when it opens", async () => {
    const { user, course, completedAt } = await completedRequiredCourse({ daysAgo: 10 });
    const expires = addYears(londonDate(completedAt), 1);
    const error = await startRenewal(user.id, course.slug).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toMatch(new RegExp(`^Your completion of ${course.title} is in date until .+: its renewal opens on .+\\.$`));
    const day = (iso: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
    expect((error as Error).message).toContain(`in date until ${day(expires)}: its renewal opens on ${day(addDays(expires, -30))}`);
    const after = await enrolmentOf(user.id, course.id);
    expect(after).toMatchObject({ attempt: 1, status: "COMPLETED", completedAt });
    expect(after.attempts).toHaveLength(0);
    // One day before the window it is refused; on its first day it opens.
    await expect(startRenewal(user.id, course.slug, addDays(expires, -31))).rejects.toBeInstanceOf(ActionError);
    expect(await startRenewal(user.id, course.slug, addDays(expires, -30))).toMatchObject({ started: true });
  });

  it("is refused for a course that is not required, and for one without renewal", async () => {
    const user = await makeUser((await makeOrganisation()).id);
    const course = await makeCourse(1);
    await enrolOnCourse(user.id, course.slug);
    await completeLesson(user.id, course.slug, 1);
    await expect(startRenewal(user.id, course.slug, addYears(londonToday(), 5))).rejects.toThrow(`${course.title} is not required of you, so there is no renewal to start.`);

    const forever = await completedRequiredCourse({ daysAgo: 2000, renewalYears: null });
    await expect(startRenewal(forever.user.id, forever.course.slug)).rejects.toThrow(/does not need renewing/);
    expect((await enrolmentOf(forever.user.id, forever.course.id)).attempt).toBe(1);
  });

  it("cannot touch another person's enrolment: the course is not found for someone not enrolled", async () => {
    const { user, course, completedAt } = await completedRequiredCourse({ daysAgo: 400 });
    const stranger = await makeUser((await makeOrganisation()).id);
    await expect(startRenewal(stranger.id, course.slug)).rejects.toBeInstanceOf(NotFoundError);
    // A colleague in the same school, enrolled by the requirement but not completed, renews nothing either.
    const colleague = await makeUser((await db.membership.findFirstOrThrow({ where: { userId: user.id } })).organisationId);
    await enrolRequired({ userIds: [colleague.id] }); // as acceptInvitation does after it commits
    await expect(startRenewal(colleague.id, course.slug)).rejects.toThrow(/You have not completed/);
    await expect(startRenewal(user.id, "no-such-course")).rejects.toBeInstanceOf(NotFoundError);
    expect(await enrolmentOf(user.id, course.id)).toMatchObject({ attempt: 1, completedAt });
    expect(await listAttempts(stranger.id, course.id)).toEqual([]);
  });

  it("writes its audit row in the same transaction: a failed audit leaves nothing changed", async () => {
    const { user, course, completedAt } = await completedRequiredCourse({ daysAgo: 400 });
    auditFails.next = true;
    await expect(startRenewal(user.id, course.slug)).rejects.toThrow("audit log unavailable");
    const after = await enrolmentOf(user.id, course.id);
    expect(after).toMatchObject({ attempt: 1, completedAt, completedLessons: 2, status: "COMPLETED", previousCompletedAt: null });
    expect(after.completions).toHaveLength(2);
    expect(after.attempts).toHaveLength(0);
    expect(await startRenewal(user.id, course.slug)).toMatchObject({ started: true });
  });
});

describe("listMyRequiredTraining", () => {
  it("lists each course required of a person in two schools once, worst status and earliest due first", async () => {
    const today = londonToday();
    const trust = await makeTrust({ name: unique("Renewals Test Trust") });
    const first = await makeOrganisation({ name: unique("Renewals School A"), trustId: trust.id });
    const second = await makeOrganisation({ name: unique("Renewals School B") });
    const elsewhere = await makeOrganisation();
    const user = await makeUser(first.id);
    await db.membership.create({ data: { userId: user.id, organisationId: second.id, role: "MEMBER" } });
    const colleague = await makeUser(first.id);

    const [both, secondOnly, overdue, notMine] = await Promise.all([makeCourse(2, unique("Both")), makeCourse(2, unique("Second")), makeCourse(2, unique("Late")), makeCourse(1, unique("Other"))]);
    const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
    await db.requirement.create({ data: { organisationId: trust.id, courseId: both.id, dueKind: "WITHIN_DAYS", dueDays: 20, renewalYears: 2 } });
    await db.requirement.create({ data: { organisationId: second.id, courseId: both.id, dueKind: "BY_DATE", dueOn: at(addDays(today, 100)), renewalYears: 1 } });
    await db.requirement.create({ data: { organisationId: second.id, courseId: secondOnly.id, dueKind: "BY_DATE", dueOn: at(addDays(today, 200)) } });
    await db.requirement.create({ data: { organisationId: first.id, courseId: overdue.id, dueKind: "BY_DATE", dueOn: at(addDays(today, -1)) } });
    await db.requirement.create({ data: { organisationId: elsewhere.id, courseId: notMine.id, dueKind: "BY_DATE", dueOn: at(addDays(today, 5)) } });
    for (const organisationId of [trust.id, first.id, second.id, elsewhere.id]) await enrolRequired({ organisationId });
    await completeLesson(colleague.id, overdue.slug, 1); // a colleague's progress is not the person's

    const mine = await listMyRequiredTraining(user.id);
    expect(mine.map((m) => m.course.title)).toEqual([overdue.title, both.title, secondOnly.title]);
    expect(mine[0]).toMatchObject({ status: "OVERDUE", dueOn: addDays(today, -1), inDate: false, attemptStatus: "NOT_STARTED", requiredBy: [first.name], schools: [{ id: first.id, name: first.name }] });
    expect(mine[1]).toMatchObject({ status: "DUE_SOON", dueOn: addDays(today, 20), renewalOpen: false, attempt: 1 });
    expect(mine[1]!.requiredBy.sort()).toEqual([trust.name, second.name].sort());
    expect(mine[1]!.schools.map((s) => s.id).sort()).toEqual([first.id, second.id].sort());
    expect(mine[2]).toMatchObject({ status: "NOT_STARTED", dueOn: addDays(today, 200), requiredBy: [second.name] });

    expect(await listMyRequiredTraining((await makeUser()).id)).toEqual([]);
  });
});
