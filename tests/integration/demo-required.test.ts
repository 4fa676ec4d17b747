// The demo data's required training (product.md, "Required training"), read on the seeded database at today's
// date in England: every school with requirements shows each status, the teacher's standing is the one the
// journeys rely on, and a trust's requirement reaches only the schools that chose it. Reads the demo data only.
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requiredTrainingOf } from "@/lib/requirements/sql";
import { addDays, isoDateOf, londonToday } from "@/lib/requirements/status";
import { endOfTermAfter, seed, seedOrganisations } from "../../prisma/seed";

type Row = { school: string; email: string; course: string; requiredBy: string[]; status: string; inDate: boolean; dueOn: Date | null; completedOn: Date | null; enrolmentStatus: string | null };

async function requiredTraining(today: string): Promise<Row[]> {
  const schools = await db.organisation.findMany({
    where: { kind: "SCHOOL", name: { in: seedOrganisations.filter((o) => o.kind === "SCHOOL").map((o) => o.name) } },
    select: { id: true },
  });
  return db.$queryRaw<Row[]>`
    SELECT s.name AS school, u.email, c.title AS course, r.status::text AS status, r."inDate", r."dueOn", r."completedOn",
           ARRAY(SELECT o.name FROM unnest(r."requiredBy") WITH ORDINALITY AS b(id, n) JOIN "Organisation" o ON o.id = b.id ORDER BY b.n) AS "requiredBy",
           e.status::text AS "enrolmentStatus"
      FROM ${requiredTrainingOf(schools.map((s) => s.id), today)} r
      JOIN "Organisation" s ON s.id = r."schoolId"
      JOIN "User" u ON u.id = r."userId"
      JOIN "Course" c ON c.id = r."courseId"
      LEFT JOIN "Enrolment" e ON e.id = r."enrolmentId"
     WHERE u.email NOT LIKE '%@test.example'`;
}

describe("demo data: required training", () => {
  it("gives every school some staff in date, due soon, overdue and expired", async () => {
    const rows = await requiredTraining(londonToday());
    const schools = seedOrganisations.filter((o) => o.kind === "SCHOOL").map((o) => o.name);
    for (const school of schools) {
      const mine = rows.filter((r) => r.school === school);
      expect(mine.length, school).toBeGreaterThan(0);
      const statuses = new Set(mine.map((r) => r.status));
      for (const status of ["OVERDUE", "EXPIRED", "DUE_SOON"]) expect(statuses.has(status), `${school}: ${status}`).toBe(true);
      expect(mine.some((r) => r.status === "COMPLETED" && r.inDate), `${school}: in date`).toBe(true);
      // An expired completion is more than a year old.
      for (const r of mine.filter((r) => r.status === "EXPIRED")) expect(isoDateOf(r.completedOn!) < addDays(londonToday(), -365)).toBe(true);
    }
  });

  it("has teacher@riverside.example due soon on Safeguarding essentials and not started", async () => {
    const today = londonToday();
    const rows = (await requiredTraining(today)).filter((r) => r.email === "teacher@riverside.example");
    const safeguarding = rows.find((r) => r.course === "Safeguarding essentials");
    expect(safeguarding).toMatchObject({ school: "Riverside Primary Academy", status: "DUE_SOON", inDate: false, completedOn: null, enrolmentStatus: "NOT_STARTED" });
    expect(safeguarding!.requiredBy).toEqual(["Northstar Academy Trust"]);
    const due = isoDateOf(safeguarding!.dueOn!);
    expect(due >= today && due <= addDays(today, 30)).toBe(true);
    // Riverside's own course (by a date, no renewal) is done: completing Safeguarding makes them in date on all.
    const own = rows.find((r) => r.course === "First aid awareness in schools");
    expect(own).toMatchObject({ requiredBy: ["Riverside Primary Academy"], status: "COMPLETED", inDate: true });
    expect(rows.map((r) => r.course).sort()).toEqual(["First aid awareness in schools", "Safeguarding essentials"]);
    const teacher = await db.user.findUniqueOrThrow({ where: { email: "teacher@riverside.example" }, select: { id: true } });
    const completions = await db.lessonCompletion.count({ where: { enrolment: { userId: teacher.id, course: { title: "Safeguarding essentials" } } } });
    expect(completions).toBe(0);
  });

  it("applies Northstar's requirement to Riverside and Hillcrest, never to Brookside", async () => {
    const rows = await requiredTraining(londonToday());
    const byTrust = (school: string) => rows.filter((r) => r.school === school && r.requiredBy.includes("Northstar Academy Trust"));
    const riverside = await db.membership.count({ where: { organisation: { name: "Riverside Primary Academy" }, user: { email: { not: { endsWith: "@test.example" } } } } });
    expect(byTrust("Riverside Primary Academy").length).toBe(riverside);
    expect(byTrust("Riverside Primary Academy").every((r) => r.course === "Safeguarding essentials")).toBe(true);
    expect(byTrust("Hillcrest Academy").length).toBeGreaterThanOrEqual(6);
    expect(byTrust("Brookside Academy")).toEqual([]);
    expect(rows.filter((r) => r.school === "Brookside Academy").every((r) => r.requiredBy.join() === "Brookside Academy")).toBe(true);
  });

  it("records each demo requirement as set, by its Administrator, in the audit log", async () => {
    const requirements = await db.requirement.findMany({
      where: { organisation: { name: { in: seedOrganisations.map((o) => o.name) } } },
      select: { organisationId: true, courseId: true, dueKind: true, dueOn: true, dueDays: true, renewalYears: true, createdById: true, createdAt: true, course: { select: { title: true } }, organisation: { select: { name: true } } },
    });
    const northstar = requirements.find((r) => r.organisation.name === "Northstar Academy Trust" && r.course.title === "Safeguarding essentials");
    expect(northstar).toMatchObject({ dueKind: "WITHIN_DAYS", dueDays: 30, renewalYears: 1 });
    const riverside = requirements.find((r) => r.organisation.name === "Riverside Primary Academy" && r.course.title === "First aid awareness in schools");
    expect(riverside).toMatchObject({ dueKind: "BY_DATE", renewalYears: null });
    const dueOn = isoDateOf(riverside!.dueOn!);
    expect(/-(03|07)-31$/.test(dueOn)).toBe(true);
    // Set 30 days before the seed ran, due by the next 31 March or 31 July at least 40 days after that run.
    const seededOn = addDays(londonToday(riverside!.createdAt), 30);
    expect(dueOn >= addDays(seededOn, 40)).toBe(true);
    expect(dueOn).toBe(endOfTermAfter(seededOn));
    for (const r of requirements) {
      const audit = await db.auditLog.findFirst({ where: { action: "requirement.set", organisationId: r.organisationId, targetType: "Course", targetId: r.courseId }, orderBy: { id: "asc" } });
      expect(audit, `${r.organisation.name}: ${r.course.title}`).not.toBeNull();
      expect(audit!.actorId).toBe(r.createdById);
      expect(audit!.before).toBeNull();
      expect(audit!.after).toEqual({ courseId: r.courseId, course: r.course.title, dueKind: r.dueKind, dueOn: r.dueOn ? isoDateOf(r.dueOn) : null, dueDays: r.dueDays, renewalYears: r.renewalYears });
    }
  });

  it("is idempotent: seeding again adds no requirement, no audit row and changes no one's standing", async () => {
    const today = londonToday();
    const snapshot = async () => ({
      requirements: await db.requirement.count(),
      audit: await db.auditLog.count({ where: { action: { startsWith: "requirement." } } }),
      rows: (await requiredTraining(today)).map((r) => `${r.school}|${r.email}|${r.course}|${r.status}|${r.dueOn?.toISOString()}|${r.completedOn?.toISOString()}`).sort(),
    });
    const before = await snapshot();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
    await seed(prisma);
    await prisma.$disconnect();
    expect(await snapshot()).toEqual(before);
  });
});
