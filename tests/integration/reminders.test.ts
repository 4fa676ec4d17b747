// Reminders about required training (lib/mail/reminders.ts) on a real database and the local SMTP server:
// people in various states, planReminders at fixed moments, and exactly the rows and emails the rule says.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { planReminders } from "@/lib/mail/reminders";
import { enrolRequired } from "@/lib/requirements/assign";
import { addDays, type IsoDate } from "@/lib/requirements/status";
import { makeCourse, makeOrganisation, makeUser, unique } from "./helpers";
import { sendNow, waitForMailTo } from "./mail-helpers";

const D: IsoDate = "2027-03-10"; // the school's due date for Safeguarding
const at = (date: IsoDate, time = "09:00:00Z") => new Date(`${date}T${time}`);

let course: { id: string; title: string };
let fireSafety: { id: string; title: string };
let people: Record<"due" | "renewing" | "off" | "done" | "twoSchools", { id: string; email: string }>;
let ours: string[];

/** The ReminderSent rows of this test's people, as "who course stage anchor" (S: Safeguarding, F: Fire safety). */
async function sentRows(): Promise<string[]> {
  const names = new Map(Object.entries(people).map(([k, p]) => [p.id, k]));
  const rows = await db.reminderSent.findMany({ where: { userId: { in: ours } }, orderBy: [{ createdAt: "asc" }] });
  return rows.map((r) => `${names.get(r.userId)} ${r.courseId === course.id ? "S" : "F"} ${r.stage} ${r.anchorOn.toISOString().slice(0, 10)}`).sort();
}

async function outboxOfOurs() {
  return db.outboxMessage.findMany({ where: { userId: { in: ours }, kind: "REMINDER" }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  const tag = unique("r").slice(2);
  const school = await makeOrganisation({ name: `Reminder School ${tag}` });
  const other = await makeOrganisation({ name: `Second School ${tag}` });
  const made = await makeCourse(2, `Safeguarding ${tag}`);
  const forGood = await makeCourse(1, `Fire safety ${tag}`);
  course = { id: made.id, title: made.title };
  fireSafety = { id: forGood.id, title: forGood.title };
  await db.requirement.createMany({
    data: [
      { organisationId: school.id, courseId: made.id, dueKind: "BY_DATE", dueOn: at(D, "00:00:00Z"), renewalYears: 1 },
      { organisationId: school.id, courseId: forGood.id, dueKind: "BY_DATE", dueOn: at(D, "00:00:00Z"), renewalYears: null },
      // The second school requires the same course a month later: a person in both is reminded once, by the earlier.
      { organisationId: other.id, courseId: made.id, dueKind: "BY_DATE", dueOn: at(addDays(D, 30), "00:00:00Z"), renewalYears: 1 },
    ],
  });
  const make = async () => {
    const u = await makeUser(school.id);
    return { id: u.id, email: u.email };
  };
  people = { due: await make(), renewing: await make(), off: await make(), done: await make(), twoSchools: await make() };
  await db.membership.create({ data: { userId: people.twoSchools.id, organisationId: other.id } });
  await db.user.update({ where: { id: people.off.id }, data: { emailReminders: false } });
  await enrolRequired({ organisationId: school.id });
  await enrolRequired({ organisationId: other.id });
  // "renewing" completed Safeguarding on 20 Mar 2026: in date until 20 Mar 2027. "done" completed both; Fire
  // safety has no renewal, so only Safeguarding ever reminds them.
  await db.enrolment.update({ where: { userId_courseId: { userId: people.renewing.id, courseId: made.id } }, data: { completedLessons: 2, completedAt: at("2026-03-20") } });
  await db.enrolment.update({ where: { userId_courseId: { userId: people.renewing.id, courseId: forGood.id } }, data: { completedLessons: 1, completedAt: at("2026-03-20") } });
  await db.enrolment.update({ where: { userId_courseId: { userId: people.done.id, courseId: made.id } }, data: { completedLessons: 2, completedAt: at("2026-11-01") } });
  await db.enrolment.update({ where: { userId_courseId: { userId: people.done.id, courseId: forGood.id } }, data: { completedLessons: 1, completedAt: at("2026-11-01") } });
  ours = Object.values(people).map((p) => p.id);
});

describe("planReminders", () => {
  it("plans exactly the current stage of each person, once, on the right days", async () => {
    // Safeguarding (S) renews yearly; Fire safety (F) is for good. Both are due on D.
    const fire = (p: string, stage: string, on = D) => `${p} S ${stage} ${on}`;
    const both = (p: string, stage: string) => [`${p} S ${stage} ${D}`, `${p} F ${stage} ${D}`];
    // [when, the rows new that day]; each pass is run twice: the second adds nothing.
    const steps: [IsoDate, string[]][] = [
      // 15 days before D: due is 15 days away (nothing); renewing's completion expires on 20 Mar, in 25 days.
      [addDays(D, -15), [fire("renewing", "EXPIRES_SOON", "2027-03-20")]],
      [addDays(D, -14), [...both("due", "DUE_IN_14_DAYS"), ...both("twoSchools", "DUE_IN_14_DAYS")]],
      [addDays(D, -13), []],
      [D, [...both("due", "DUE_TODAY"), ...both("twoSchools", "DUE_TODAY")]],
      [addDays(D, 6), []],
      [addDays(D, 7), [...both("due", "OVERDUE_1_WEEK"), ...both("twoSchools", "OVERDUE_1_WEEK")]],
      [addDays(D, 13), []],
      // 14 days after D is missed (the cron was down): 15 days after still says 2 weeks, once.
      [addDays(D, 15), [...both("due", "OVERDUE_2_WEEKS"), ...both("twoSchools", "OVERDUE_2_WEEKS")]],
      // 17 days after D: renewing's completion expired on 20 Mar: 7 days later, overdue 1 week (anchor the expiry).
      [addDays(D, 17), [fire("renewing", "OVERDUE_1_WEEK", "2027-03-20")]],
      // 28 days after D (3 weeks' stage missed), 18 after the expiry.
      [addDays(D, 28), [...both("due", "OVERDUE_4_WEEKS"), ...both("twoSchools", "OVERDUE_4_WEEKS"), fire("renewing", "OVERDUE_2_WEEKS", "2027-03-20")]],
      // 35 days after D: four reminders were enough; 25 after the expiry: 3 weeks.
      [addDays(D, 35), [fire("renewing", "OVERDUE_3_WEEKS", "2027-03-20")]],
    ];
    let expected: string[] = [];
    for (const [day, fresh] of steps) {
      const before = (await outboxOfOurs()).length;
      await planReminders(at(day));
      expected = [...expected, ...fresh].sort();
      expect(await sentRows(), `on ${day}`).toEqual(expected);
      // One email per person with something new, linked from every new row.
      const after = await outboxOfOurs();
      expect(after.length - before, `emails on ${day}`).toBe(new Set(fresh.map((f) => f.split(" ")[0])).size);
      await planReminders(at(day, "09:10:00Z"));
      expect(await sentRows(), `second pass on ${day}`).toEqual(expected);
      expect((await outboxOfOurs()).length).toBe(after.length);
    }
    expect(await db.reminderSent.count({ where: { userId: { in: ours }, outboxId: null } })).toBe(0);
    // Turned off, or done for good: never a row.
    expect(expected.some((row) => row.startsWith("off ") || row.startsWith("done "))).toBe(false);
  });

  it("plans each reminder once when two passes run at once", async () => {
    const later = addDays(D, 400); // a new year: "due" is still overdue by far, renewing too; nobody new but the ones below
    const person = await makeUser((await db.membership.findFirstOrThrow({ where: { userId: people.due.id } })).organisationId);
    await enrolRequired({ userIds: [person.id] });
    // Safeguarding's due date has long passed for them too; give them a completion that expires in 10 days.
    await db.enrolment.update({ where: { userId_courseId: { userId: person.id, courseId: course.id } }, data: { completedLessons: 2, completedAt: at(addDays(later, 10 - 365)) } });
    // A pass out of time plans nothing (the cron's deadline); the next ones plan it, once.
    expect(await planReminders(at(later), { deadline: Date.now() - 1 })).toEqual([]);
    expect(await db.reminderSent.count({ where: { userId: person.id } })).toBe(0);
    await Promise.all([planReminders(at(later)), planReminders(at(later)), planReminders(at(later))]);
    const rows = await db.reminderSent.findMany({ where: { userId: person.id } });
    expect(rows.map((r) => r.stage)).toEqual(["EXPIRES_SOON"]);
    expect(await db.outboxMessage.count({ where: { userId: person.id, kind: "REMINDER" } })).toBe(1);
  });

  it("sends the reminder's words with one link, to My Courses", async () => {
    const [message] = await db.outboxMessage.findMany({ where: { userId: people.due.id, kind: "REMINDER" }, orderBy: { createdAt: "asc" }, take: 1 });
    expect(message).toBeDefined();
    const report = await sendNow([message!.id]);
    expect(report.sent).toBe(1);
    const mail = await waitForMailTo(people.due.email, /Required training/);
    expect(mail.subject).toBe(`Required training: ${[course.title, fireSafety.title].sort().join(", ")}`);
    expect(mail.text).toContain(`${fireSafety.title} is due in 14 days, on 10 Mar 2027.`);
    expect(mail.text).toContain(`${course.title} is due in 14 days, on 10 Mar 2027.`);
    expect(mail.html).toContain(`${course.title} is due in 14 days, on 10 Mar 2027.`);
    expect(mail.links).toEqual([`${process.env.APP_URL}/courses/my-courses`]);
    expect(mail.headers["list-unsubscribe"]).toContain("/api/unsubscribe?");
  });

  it("names both schools when a person in two is reminded once", async () => {
    const [message] = await db.outboxMessage.findMany({ where: { userId: people.twoSchools.id, kind: "REMINDER" }, orderBy: { createdAt: "asc" }, take: 1 });
    const payload = message!.payload as { schoolNames: string[]; items: { course: string; date: string }[] };
    expect(payload.schoolNames).toHaveLength(2);
    // Safeguarding once, by the earlier school's date; Fire safety (the first school's only).
    expect(payload.items.filter((i) => i.course === course.title)).toEqual([expect.objectContaining({ date: D })]);
    expect(payload.items).toHaveLength(2);
  });
});
