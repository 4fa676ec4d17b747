// A trust with two schools, another trust with one, three courses and staff with varied progress, made
// fresh for each test file so the tests never lean on the demo data or on one another.
import { db } from "@/lib/db";
import type { Designation } from "@/lib/generated/prisma/enums";
import { makeCourse, makeOrganisation, makeTrust, unique } from "./helpers";

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 5, 1, 12, 0, 0);

async function makePerson(organisationId: string, name: string, role: "MEMBER" | "ADMINISTRATOR" = "MEMBER") {
  const email = `${unique("person")}@test.example`;
  return db.user.create({
    data: { email, name, passwordHash: "not-a-hash", currentOrganisationId: organisationId, memberships: { create: { organisationId, role } } },
  });
}

/** Enrols with `done` lessons completed, and dates that differ from row to row (some empty). */
async function enrolWith(userId: string, course: { id: string; lessons: number }, done: number, seed: number) {
  const enrolledAt = new Date(BASE + seed * DAY);
  const lastActivityAt = done ? new Date(enrolledAt.getTime() + (1 + (seed % 5)) * DAY) : null;
  const enrolment = await db.enrolment.create({
    data: { userId, courseId: course.id, enrolledAt, lastActivityAt, completedLessons: done, completedAt: done >= course.lessons ? lastActivityAt : null },
  });
  const lessons = await db.lesson.findMany({ where: { courseId: course.id }, orderBy: { position: "asc" }, take: done, select: { id: true } });
  if (lessons.length) await db.lessonCompletion.createMany({ data: lessons.map((l) => ({ enrolmentId: enrolment.id, lessonId: l.id })) });
  return enrolment;
}

const FIRST_NAMES = ["Abel", "Beatrix", "Cyril", "Dora", "Edmund", "Fay", "Gideon", "Hester", "Ivor", "Joan"];

export async function makeProgressFixture(designation: Designation = "ACADEMIES") {
  const tag = unique("x").slice(2);
  const trust = await makeTrust({ name: `Trust ${tag}`, designation });
  const school = await makeOrganisation({ name: `School ${tag}`, trustId: trust.id });
  const sibling = await makeOrganisation({ name: `Sibling ${tag}`, trustId: trust.id });
  const otherTrust = await makeTrust({ name: `Other trust ${tag}` });
  const otherSchool = await makeOrganisation({ name: `Other school ${tag}`, trustId: otherTrust.id });

  const courses = [
    { ...(await makeCourse(4, `Alpha ${tag}`)), lessons: 4 },
    { ...(await makeCourse(2, `Bravo ${tag}`)), lessons: 2 },
    { ...(await makeCourse(5, `Charlie ${tag}`)), lessons: 5 },
  ];

  const lead = await makePerson(trust.id, `Lead ${tag}`, "ADMINISTRATOR");
  const analyst = await makePerson(trust.id, `Analyst ${tag}`);
  const head = await makePerson(school.id, `Head ${tag}`, "ADMINISTRATOR");
  const siblingHead = await makePerson(sibling.id, `Sibling head ${tag}`, "ADMINISTRATOR");
  const otherLead = await makePerson(otherTrust.id, `Other lead ${tag}`, "ADMINISTRATOR");
  const staff = [head];
  for (const name of FIRST_NAMES) staff.push(await makePerson(school.id, `${name} ${tag}`));

  // Every status on every course, ties on purpose (same status, same percent, same dates) so that
  // paging must lean on the enrolment id to stay exact.
  let seed = 0;
  for (const [i, person] of staff.entries()) {
    for (const [k, course] of courses.entries()) {
      if ((i + k) % 4 === 3) continue; // not everyone is on every course
      const done = [0, 1, course.lessons, Math.floor(course.lessons / 2)][(i + k) % 4]!;
      await enrolWith(person.id, course, done, seed++ % 7);
    }
  }
  // The same courses at the sibling school and the other trust's school: rows that must never leak.
  const siblingStaff = await makePerson(sibling.id, `Zed ${tag}`);
  const otherStaff = await makePerson(otherSchool.id, `Yara ${tag}`);
  for (const course of courses) {
    await enrolWith(siblingStaff.id, course, 1, 1);
    await enrolWith(otherStaff.id, course, course.lessons, 2);
    await enrolWith(siblingHead.id, course, 0, 3);
  }

  return { tag, trust, school, sibling, otherTrust, otherSchool, courses, lead, analyst, head, siblingHead, otherLead, staff };
}

export type ProgressFixture = Awaited<ReturnType<typeof makeProgressFixture>>;
