// The weekly digests (lib/mail/digests.ts) on a real database and the local SMTP server: a trust of several
// schools with required training and overdue people; the lead's digest lists the schools worst first with
// their compliance and, a week later, what changed; a school Administrator's lists who is overdue and who
// joined; due from Monday 07:00 in England, once a week even with passes at once, and only to those who take it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { digestWeekOf, planDigests } from "@/lib/mail/digests";
import type { SchoolDigestPayload, TrustDigestPayload } from "@/lib/mail/templates/training";
import { enrolRequired } from "@/lib/requirements/assign";
import { makeCourse, makeOrganisation, makeTrust, makeUser, unique } from "./helpers";
import { sendNow, waitForMailTo } from "./mail-helpers";

// Monday 1 February 2027, 07:00 in England (GMT in winter).
const MONDAY = "2027-02-01";
const at = (iso: string) => new Date(iso);

let tag: string;
let trust: { id: string; name: string };
let schools: Record<"a" | "b" | "c", { id: string; name: string }>;
let lead: { id: string; email: string };
let headA: { id: string; email: string };
let quietHead: { id: string };
let course: { id: string };
let staffA: { id: string; name: string }[];

const weekOf = (date: string) => new Date(`${date}T00:00:00Z`);

async function complete(userId: string, on = "2026-12-01T10:00:00Z") {
  await db.enrolment.update({ where: { userId_courseId: { userId, courseId: course.id } }, data: { completedLessons: 1, completedAt: new Date(on) } });
}

async function named(organisationId: string, role: "ADMINISTRATOR" | "MEMBER" = "MEMBER", name?: string) {
  const u = await makeUser(organisationId, role);
  const n = name ?? `${unique("Staff")} ${tag}`;
  await db.user.update({ where: { id: u.id }, data: { name: n } });
  return { id: u.id, email: u.email, name: n };
}

beforeAll(async () => {
  tag = unique("d").slice(2);
  const t = await makeTrust({ name: `Digest Trust ${tag}` });
  trust = { id: t.id, name: t.name };
  const make = async (name: string) => {
    const s = await makeOrganisation({ name: `${name} ${tag}`, trustId: t.id });
    return { id: s.id, name: s.name };
  };
  schools = { a: await make("Ash Academy"), b: await make("Beech Academy"), c: await make("Cedar Academy") };
  const c = await makeCourse(1, `Safeguarding ${tag}`);
  course = { id: c.id };
  await db.requirement.create({ data: { organisationId: t.id, courseId: c.id, dueKind: "BY_DATE", dueOn: new Date("2027-01-04T00:00:00Z"), renewalYears: 1 } });

  const leadUser = await makeUser(t.id, "ADMINISTRATOR");
  lead = { id: leadUser.id, email: leadUser.email };
  // Ash: two Administrators (in date), 3 overdue and a joiner this week (overdue too): 2 of 6 in date, 33%.
  const head = await named(schools.a.id, "ADMINISTRATOR");
  headA = { id: head.id, email: head.email };
  const quiet = await named(schools.a.id, "ADMINISTRATOR");
  quietHead = { id: quiet.id };
  await db.user.update({ where: { id: quiet.id }, data: { emailDigest: false } });
  staffA = [await named(schools.a.id, "MEMBER", `Amy Overdue ${tag}`), await named(schools.a.id, "MEMBER", `Ben Overdue ${tag}`), await named(schools.a.id, "MEMBER", `Cal Overdue ${tag}`)];
  const joiner = await named(schools.a.id, "MEMBER", `Jo Newcomer ${tag}`);
  for (const p of [head, quiet, ...staffA]) await db.membership.updateMany({ where: { userId: p.id }, data: { createdAt: at("2026-09-01T10:00:00Z") } });
  await db.membership.updateMany({ where: { userId: joiner.id }, data: { createdAt: at("2027-01-29T10:00:00Z") } });
  // Beech: 2 of 2 in date, 100%. Cedar: 2 of 3, 66%.
  const beech = [await named(schools.b.id), await named(schools.b.id)];
  const cedar = [await named(schools.c.id), await named(schools.c.id), await named(schools.c.id)];
  await enrolRequired({ organisationId: t.id });
  for (const p of [head, quiet, ...beech, cedar[0]!, cedar[1]!]) await complete(p.id);
});

describe("digestWeekOf", () => {
  it.each([
    ["2027-02-01T06:59:00Z", null], // Monday, before 07:00 (GMT): none
    ["2027-02-01T07:00:00Z", "2027-02-01"],
    ["2027-02-02T06:59:00Z", "2027-02-01"], // Tuesday before 07:00: still Monday's (a once-a-day cron)
    ["2027-02-02T07:00:00Z", null], // no catching up later in the week
    ["2027-02-07T23:59:00Z", null], // Sunday night
    ["2027-06-07T05:59:00Z", null], // summer time: 06:59 in England
    ["2027-06-07T06:00:00Z", "2027-06-07"], // 07:00 BST
    ["2027-06-08T05:59:00Z", "2027-06-07"], // Tuesday 06:59 BST
  ])("at %s: the week of %s", (now, week) => {
    expect(digestWeekOf(at(now))).toBe(week);
  });
});

describe("planDigests", () => {
  it("is not due before Monday 07:00 in England, then once, even with two passes at once", async () => {
    await planDigests(at(`${MONDAY}T06:59:00Z`));
    expect(await db.digestSent.count({ where: { userId: lead.id, weekOf: weekOf(MONDAY) } })).toBe(0);
    const before = await db.outboxMessage.count({ where: { userId: lead.id, kind: "TRUST_DIGEST" } });
    await Promise.all([planDigests(at(`${MONDAY}T07:00:00Z`)), planDigests(at(`${MONDAY}T07:00:00Z`))]);
    await planDigests(at(`${MONDAY}T09:10:00Z`));
    expect(await db.digestSent.count({ where: { userId: lead.id, weekOf: weekOf(MONDAY) } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { userId: lead.id, kind: "TRUST_DIGEST" } })).toBe(before + 1);
    expect(await db.digestSent.count({ where: { userId: headA.id, organisationId: schools.a.id, weekOf: weekOf(MONDAY) } })).toBe(1);
  });

  it("gives the lead the trust's compliance by school, worst first", async () => {
    const row = await db.digestSent.findUniqueOrThrow({ where: { userId_organisationId_weekOf: { userId: lead.id, organisationId: trust.id, weekOf: weekOf(MONDAY) } } });
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.outboxId! } });
    expect(message).toMatchObject({ kind: "TRUST_DIGEST", to: lead.email, organisationId: trust.id });
    const payload = message.payload as TrustDigestPayload;
    expect(payload.schools.map((s) => [s.name, s.percent, s.overdue])).toEqual([
      [schools.a.name, 33, 4],
      [schools.c.name, 66, 1],
      [schools.b.name, 100, 0],
    ]);
  });

  it("a week later, says what changed: up or down, new this week, and the schools that left", async () => {
    // Ash: two more in date (4 of 6, 66%: up 33). Cedar leaves the trust. Dune joins with nothing done.
    await complete(staffA[0]!.id, "2027-02-03T10:00:00Z");
    await complete(staffA[1]!.id, "2027-02-03T10:00:00Z");
    await db.organisation.update({ where: { id: schools.c.id }, data: { trustId: null, trustChosenAt: null } });
    const dune = await makeOrganisation({ name: `Dune Academy ${tag}`, trustId: trust.id });
    await named(dune.id);
    await enrolRequired({ organisationId: trust.id });
    // Beech: one in date loses it (down 50).
    const beechPerson = await db.membership.findFirstOrThrow({ where: { organisationId: schools.b.id } });
    await db.enrolment.update({ where: { userId_courseId: { userId: beechPerson.userId, courseId: course.id } }, data: { completedLessons: 0, completedAt: null } });

    const ids = await planDigests(at("2027-02-08T08:00:00Z"));
    const row = await db.digestSent.findUniqueOrThrow({ where: { userId_organisationId_weekOf: { userId: lead.id, organisationId: trust.id, weekOf: weekOf("2027-02-08") } } });
    expect(ids).toContain(row.outboxId);
    const report = await sendNow([row.outboxId!]);
    expect(report.sent).toBe(1);
    const mail = await waitForMailTo(lead.email, new RegExp(`${trust.name}: this week's compliance by school`));
    const lines = mail.text.split("\n");
    const line = (school: string) => lines.find((l) => l.startsWith(school));
    expect(line(`Dune Academy ${tag}`)).toBe(`Dune Academy ${tag} | 0% | 1 | new this week`);
    expect(line(schools.b.name)).toBe(`${schools.b.name} | 50% | 1 | down 50 points`);
    expect(line(schools.a.name)).toBe(`${schools.a.name} | 66% | 2 | up 33 points`);
    expect(lines.indexOf(line(`Dune Academy ${tag}`)!)).toBeLessThan(lines.indexOf(line(schools.b.name)!));
    expect(lines.indexOf(line(schools.b.name)!)).toBeLessThan(lines.indexOf(line(schools.a.name)!));
    expect(mail.text).toContain(`No longer in the trust's overview: ${schools.c.name}.`);
    expect(mail.text).toContain("since your digest of 1 Feb 2027");
    expect(mail.links).toEqual([`${process.env.APP_URL}/courses/overview/${trust.id}`]);
  });

  it("gives a school's Administrator who is overdue and who joined, linked to the overdue list", async () => {
    const row = await db.digestSent.findUniqueOrThrow({ where: { userId_organisationId_weekOf: { userId: headA.id, organisationId: schools.a.id, weekOf: weekOf(MONDAY) } } });
    const message = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.outboxId! } });
    const payload = message.payload as SchoolDigestPayload;
    expect(payload).toMatchObject({ schoolName: schools.a.name, staff: 6, inDateStaff: 2, overdue: 4, joined: 1 });
    expect(payload.overduePeople.map((p) => p.name)).toEqual([`Amy Overdue ${tag}`, `Ben Overdue ${tag}`, `Cal Overdue ${tag}`, `Jo Newcomer ${tag}`]);
    expect(payload.joiners).toEqual([{ name: `Jo Newcomer ${tag}`, joinedOn: "2027-01-29" }]);
    await sendNow([message.id]);
    const mail = await waitForMailTo(headA.email, /your weekly training digest/);
    expect(mail.text).toContain("2 of 6 staff are in date on every required course.");
    expect(mail.text).toContain(`Amy Overdue ${tag} | Safeguarding ${tag} | 4 Jan 2027`);
    expect(mail.text).toContain(`Jo Newcomer ${tag} | 29 Jan 2027`);
    expect(mail.links).toEqual([`${process.env.APP_URL}/courses/progress/${schools.a.id}?required=overdue`]);
  });

  it("sends nothing to someone who turned the digest off", async () => {
    expect(await db.digestSent.count({ where: { userId: quietHead.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { userId: quietHead.id } })).toBe(0);
  });

  it("sends no trust digest to the lead of a trust not designated Academies, or of a trust no school chose", async () => {
    const maintained = await makeTrust({ name: `Maintained Trust ${tag}`, designation: "LOCAL_AUTHORITY_MAINTAINED" });
    await makeOrganisation({ name: `Willow ${tag}`, trustId: maintained.id });
    const alone = await makeTrust({ name: `Lonely Trust ${tag}` });
    const leads = [await makeUser(maintained.id, "ADMINISTRATOR"), await makeUser(alone.id, "ADMINISTRATOR")];
    await planDigests(at("2027-02-08T09:00:00Z"));
    expect(await db.digestSent.count({ where: { userId: { in: leads.map((l) => l.id) } } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { userId: { in: leads.map((l) => l.id) } } })).toBe(0);
  });
});
