import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { checkCredentials } from "@/lib/sign-in";
import { listMyEnrolments } from "@/lib/enrolments";
import { DEMO_PASSWORD, seed, seedOrganisations } from "../../prisma/seed";
import { makeOrganisation, makeUser, unique } from "./helpers";

describe("demo data", () => {
  it("holds every organisation of product.md with its designation and trust choice", async () => {
    const organisations = await db.organisation.findMany({ select: { name: true, designation: true, trust: { select: { name: true } } } });
    const byName = new Map(organisations.map((o) => [o.name, o]));
    for (const expected of seedOrganisations) {
      const row = byName.get(expected.name);
      expect(row, expected.name).toBeDefined();
      expect(row!.designation).toBe(expected.designation);
      expect(row!.trust?.name ?? undefined).toBe(expected.trust);
    }
  });

  it("gives every school at least five staff, three courses and every status", async () => {
    const schools = seedOrganisations.filter((o) => !o.name.includes("Trust"));
    for (const school of schools) {
      const staff = await db.membership.findMany({ where: { organisation: { name: school.name } }, select: { userId: true } });
      expect(staff.length, school.name).toBeGreaterThanOrEqual(5);
      const enrolments = await db.enrolment.findMany({
        where: { userId: { in: staff.map((s) => s.userId) } },
        select: { courseId: true, completedLessons: true, completedAt: true, course: { select: { _count: { select: { lessons: true } } } } },
      });
      expect(new Set(enrolments.map((e) => e.courseId)).size).toBeGreaterThanOrEqual(3);
      expect(enrolments.some((e) => e.completedLessons === 0)).toBe(true);
      expect(enrolments.some((e) => e.completedLessons > 0 && e.completedLessons < e.course._count.lessons)).toBe(true);
      expect(enrolments.some((e) => e.completedAt && e.completedLessons === e.course._count.lessons)).toBe(true);
    }
  });

  it("is idempotent: seeding again adds and changes nothing", async () => {
    const count = async () => [
      await db.user.count(), await db.organisation.count(), await db.membership.count(),
      await db.enrolment.count(), await db.lessonCompletion.count(), await db.trustChoiceEvent.count(), await db.course.count(), await db.lesson.count(),
    ];
    const before = await count();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
    await seed(prisma);
    await prisma.$disconnect();
    expect(await count()).toEqual(before);
  });

  it("keeps each enrolment's lesson count equal to its completions", async () => {
    const mismatches = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Enrolment" e JOIN "User" u ON u.id = e."userId"
      WHERE u.email NOT LIKE '%@test.example' -- the demo data's own: other tests write counts by hand on purpose
        AND e."completedLessons" <> (SELECT count(*) FROM "LessonCompletion" c WHERE c."enrolmentId" = e.id)`;
    expect(Number(mismatches[0]!.n)).toBe(0);
  });
});

describe("sign-in", () => {
  it("accepts a demo account and answers a wrong password and an unknown email alike", async () => {
    const ip = unique("ip");
    const ok = await checkCredentials("lead@northstar.example", DEMO_PASSWORD, ip);
    expect(ok.ok).toBe(true);
    expect(await checkCredentials("lead@northstar.example", "wrong-password", ip)).toEqual({ ok: false, reason: "wrong" });
    expect(await checkCredentials("nobody@nowhere.example", DEMO_PASSWORD, ip)).toEqual({ ok: false, reason: "wrong" });
  });
});

describe("database rules", () => {
  it("refuses to change or delete audit rows", async () => {
    const entry = await db.auditLog.create({ data: { action: "test.append_only" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "changed" } })).rejects.toThrow();
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).action).toBe("test.append_only");
  });

  it("allows one membership per person and organisation, and no school as its own trust", async () => {
    const organisation = await makeOrganisation();
    const user = await makeUser(organisation.id);
    await expect(db.membership.create({ data: { userId: user.id, organisationId: organisation.id } })).rejects.toThrow();
    await expect(db.organisation.update({ where: { id: organisation.id }, data: { trustId: organisation.id } })).rejects.toThrow();
  });

  it("never returns a password hash unless asked for it", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "lead@northstar.example" } });
    expect(user).not.toHaveProperty("passwordHash");
  });
});

describe("My Courses", () => {
  it("lists a person's own enrolments with progress worked out from completed lessons", async () => {
    const teacher = await db.user.findUniqueOrThrow({ where: { email: "teacher@riverside.example" } });
    const enrolments = await listMyEnrolments(teacher.id);
    expect(enrolments.length).toBeGreaterThanOrEqual(3);
    for (const e of enrolments) {
      expect(e.percent).toBe(Math.round((e.completedLessons / e.lessonCount) * 100));
      expect(e.status).toBe(e.completedLessons === 0 ? "NOT_STARTED" : e.completedLessons === e.lessonCount ? "COMPLETED" : "IN_PROGRESS");
    }
  });
});
