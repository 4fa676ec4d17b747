// The tally behind the Trust overview (ProgressTally, kept by triggers) against a count from scratch, after
// random rounds of everything that can change it: enrolments, lesson completions (the app's own
// completeLesson and raw updates, activity moving up, down and to nothing), people joining, leaving and
// moving between schools, people and schools deleted (cascades), lessons added to a course, schools changing
// trust, much of it in concurrent transactions on a pool. A fixed seed, so a failure reproduces.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findTrustOverview } from "@/lib/access";
import { completeLesson } from "@/lib/courses";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { courseBySchoolMatrix, summariseSchools } from "@/lib/progress/overview";
import { makeCourse, makeOrganisation, makeTrust, makeUser, unique } from "./helpers";
import { expectTallyExact, tallyFromScratch } from "./progress-tally-oracle";

const SEED = 20261129;
const ROUNDS = 12;
const OPERATIONS_PER_ROUND = 30; // 10 one after another, then 20 in batches of 5 concurrent transactions

/** mulberry32: a small seeded generator, so the same operations run every time. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
});
afterAll(() => pool.end());

/**
 * One transaction on its own connection. A deadlock fails the test: the app does not retry one (a lesson
 * completed would be lost), so the triggers must take their locks in one order whatever runs beside them.
 */
/** Which operation each backend is running, so a deadlock's message can name both sides. */
const runningOn = new Map<number, string>();
let currentOperation = "";
let currentRound = 0;

async function inTransaction(work: (client: pg.PoolClient) => Promise<unknown>) {
  const operation = currentOperation; // read before the first await, while it is still this operation's
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    runningOn.set(rows[0]!.pid, operation);
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    // A deadlock names the statements and locks involved, so a failure says where the lock order broke.
    if ((error as { code?: string }).code === "40P01") {
      const detail = (error as { detail?: string }).detail ?? "";
      const named = detail.replace(/Process (\d+)/g, (whole, pid: string) => `${whole} [${runningOn.get(Number(pid)) ?? "?"}]`);
      throw new Error(`deadlock: ${named} (${(error as { where?: string }).where})`);
    }
    if ((error as { code?: string }).code === "23505") return; // a concurrent change took the same (person, course) or (person, school): nothing changed
    throw error;
  } finally {
    client.release();
  }
}

type World = { trusts: { id: string; leadId: string }[]; schools: string[]; people: string[]; courses: { id: string; slug: string }[] };

async function makeWorld(): Promise<World> {
  const trusts = [];
  for (let i = 0; i < 2; i++) {
    const trust = await makeTrust({ name: unique(`Tally Trust ${i}`) });
    trusts.push({ id: trust.id, leadId: (await makeUser(trust.id, "ADMINISTRATOR")).id });
  }
  const schools = [];
  for (let i = 0; i < 6; i++) schools.push((await makeOrganisation({ name: unique(`Tally School ${i}`), trustId: i < 5 ? trusts[i % 2]!.id : undefined })).id);
  const people = [];
  for (let i = 0; i < 16; i++) people.push((await makeUser(schools[i % schools.length])).id);
  const courses = [];
  for (let i = 0; i < 4; i++) courses.push(await makeCourse(i === 3 ? 0 : 2 + i, unique(`Tally Course ${i}`)));
  return { trusts, schools, people, courses: courses.map((c) => ({ id: c.id, slug: c.slug })) };
}

/** The operations, each one transaction. Some are chosen to collide: the same few people, schools and courses. */
function operations(world: World, next: () => number) {
  const pick = <T,>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const when = () => (next() < 0.15 ? null : new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 300) * 86_400_000 + Math.floor(next() * 1000)));
  const ops: [string, () => Promise<unknown>][] = [
    ["enrol", () => { const [u, c] = [pick(world.people), pick(world.courses)]; return inTransaction((q) => q.query(`INSERT INTO "Enrolment" (id, "userId", "courseId", "completedLessons", "lastActivityAt") VALUES (gen_random_uuid(), $1, $2, $3, $4) ON CONFLICT DO NOTHING`, [u, c.id, Math.floor(next() * 3), when()])); }],
    ["enrol several at once", () => { const u = pick(world.people); return inTransaction((q) => q.query(`INSERT INTO "Enrolment" (id, "userId", "courseId", "lastActivityAt") SELECT gen_random_uuid(), $1, id, $2 FROM "Course" WHERE id = ANY($3::uuid[]) ON CONFLICT DO NOTHING`, [u, when(), world.courses.map((c) => c.id)])); }],
    ["complete a lesson (the app's own)", async () => { const [u, c] = [pick(world.people), pick(world.courses)]; await completeLesson(u, c.slug, 1 + Math.floor(next() * 4)).catch((error) => { if (!(error instanceof NotFoundError)) throw error; }); }], // not enrolled, or no such lesson: nothing changes
    ["set progress and activity (up, down or none)", () => { const u = pick(world.people); return inTransaction((q) => q.query(`UPDATE "Enrolment" SET "completedLessons" = $2, "lastActivityAt" = $3 WHERE "userId" = $1 AND "courseId" = $4`, [u, Math.floor(next() * 6), when(), pick(world.courses).id])); }],
    ["move an enrolment to another person", () => inTransaction((q) => q.query(`UPDATE "Enrolment" SET "userId" = $2 WHERE id = (SELECT id FROM "Enrolment" WHERE "userId" = $1 LIMIT 1) AND NOT EXISTS (SELECT 1 FROM "Enrolment" x WHERE x."userId" = $2 AND x."courseId" = "Enrolment"."courseId")`, [pick(world.people), pick(world.people)]))],
    ["unenrol", () => inTransaction((q) => q.query(`DELETE FROM "Enrolment" WHERE "userId" = $1 AND "courseId" = $2`, [pick(world.people), pick(world.courses).id]))],
    ["join a school", () => inTransaction((q) => q.query(`INSERT INTO "Membership" (id, "userId", "organisationId") VALUES (gen_random_uuid(), $1, $2) ON CONFLICT DO NOTHING`, [pick(world.people), pick(world.schools)]))],
    ["leave a school", () => inTransaction((q) => q.query(`DELETE FROM "Membership" WHERE "userId" = $1 AND "organisationId" = $2`, [pick(world.people), pick(world.schools)]))],
    ["move to another school", () => inTransaction((q) => q.query(`UPDATE "Membership" SET "organisationId" = $2 WHERE id = (SELECT id FROM "Membership" WHERE "userId" = $1 LIMIT 1) AND NOT EXISTS (SELECT 1 FROM "Membership" x WHERE x."userId" = $1 AND x."organisationId" = $2)`, [pick(world.people), pick(world.schools)]))],
    ["change role", () => inTransaction((q) => q.query(`UPDATE "Membership" SET role = CASE WHEN role = 'MEMBER' THEN 'ADMINISTRATOR'::"Role" ELSE 'MEMBER'::"Role" END WHERE "userId" = $1`, [pick(world.people)]))],
    ["change trust", () => inTransaction((q) => q.query(`UPDATE "Organisation" SET "trustId" = $2 WHERE id = $1`, [pick(world.schools), next() < 0.2 ? null : pick(world.trusts).id]))],
    // Required training: a school's or a trust's requirement set, changed or removed, a trust's designation changed,
    // a completion moved (as a renewal does): "RequiredAssignment" must follow each (expectRequiredExact).
    ["require a course", () => { const owner = next() < 0.5 ? pick(world.schools) : pick(world.trusts).id; const days = 1 + Math.floor(next() * 90); return inTransaction((q) => q.query(`INSERT INTO "Requirement" (id, "organisationId", "courseId", "dueKind", "dueDays", "renewalYears", "createdAt") VALUES (gen_random_uuid(), $1, $2, 'WITHIN_DAYS', $3, $4, $5) ON CONFLICT DO NOTHING`, [owner, pick(world.courses).id, days, next() < 0.5 ? null : 1, when() ?? new Date()])); }],
    ["change or remove a requirement", () => inTransaction((q) => next() < 0.5
      ? q.query(`UPDATE "Requirement" SET "dueKind" = 'BY_DATE', "dueDays" = NULL, "dueOn" = $2, "renewalYears" = $3 WHERE id = (SELECT id FROM "Requirement" WHERE "courseId" = $1 LIMIT 1)`, [pick(world.courses).id, new Date(Date.UTC(2026, Math.floor(next() * 12), 1)), next() < 0.5 ? null : 2])
      : q.query(`DELETE FROM "Requirement" WHERE id = (SELECT id FROM "Requirement" WHERE "courseId" = $1 LIMIT 1)`, [pick(world.courses).id]))],
    ["change a trust's designation", () => inTransaction((q) => q.query(`UPDATE "Organisation" SET designation = CASE WHEN designation = 'ACADEMIES' THEN 'OTHER'::"Designation" ELSE 'ACADEMIES'::"Designation" END WHERE id = $1`, [pick(world.trusts).id]))],
    ["move a completion to an earlier attempt", () => inTransaction((q) => q.query(`UPDATE "Enrolment" SET "previousCompletedAt" = COALESCE("completedAt", $2), "completedAt" = NULL, attempt = attempt + 1 WHERE "userId" = $1 AND "courseId" = $3`, [pick(world.people), when(), pick(world.courses).id]))],
    ["add a lesson to a course", () => { const c = pick(world.courses); return inTransaction((q) => q.query(`INSERT INTO "Lesson" (id, "courseId", position, title, body) SELECT gen_random_uuid(), $1, COALESCE(max(position), 0) + 1, 'Added', 'Text.' FROM "Lesson" WHERE "courseId" = $1`, [c.id])); }],
  ];
  return () => pick(ops);
}

async function expectOverviewExact(world: World) {
  const scratch = await tallyFromScratch();
  for (const trust of world.trusts) {
    const overview = await findTrustOverview(trust.leadId, trust.id);
    // (a trust whose designation a round changed away from Academies is granted nothing, as the access rule says)
    const academies = (await db.organisation.findUniqueOrThrow({ where: { id: trust.id }, select: { designation: true } })).designation === "ACADEMIES";
    const granted = academies ? (await db.organisation.findMany({ where: { trustId: trust.id }, select: { id: true } })).map((o) => o.id).sort() : [];
    expect(overview?.schools.map((s) => s.schoolId).sort() ?? []).toEqual(granted);
    if (!overview) continue;
    const matrix = await courseBySchoolMatrix(overview);
    for (const school of await summariseSchools(overview)) {
      const staff = await db.membership.count({ where: { organisationId: school.schoolId } });
      const counts = { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0 };
      let last: Date | null = null;
      for (const course of world.courses) {
        const cell = { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0 };
        for (const status of Object.keys(counts) as (keyof typeof counts)[]) {
          const figures = scratch.get(`${school.schoolId}/${course.id}/${status}`);
          cell[status] = figures?.enrolments ?? 0;
          counts[status] += cell[status];
          if (figures?.lastActivityAt && (!last || figures.lastActivityAt > last)) last = figures.lastActivityAt;
        }
        const enrolled = cell.NOT_STARTED + cell.IN_PROGRESS + cell.COMPLETED;
        expect(matrix.cells.get(course.id)?.get(school.schoolId)?.counts).toEqual(enrolled ? cell : undefined);
      }
      expect({ staff: school.staff, counts: school.counts, lastActivityAt: school.lastActivityAt }).toEqual({ staff, counts, lastActivityAt: last });
    }
  }
}

/**
 * Required training's rows (RequiredAssignment, kept by the triggers of the required_training migration) equal
 * the view that works them out from scratch (required_assignment_source), row for row, both ways.
 */
async function expectRequiredExact(context: string) {
  const [counts] = await db.$queryRaw<{ missing: number; extra: number }[]>`
    WITH kept AS (SELECT "schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn", "enrolmentId", attempt, "attemptStatus", "completedOn", "expiresOn" FROM "RequiredAssignment"),
         fresh AS (SELECT "schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn", "enrolmentId", attempt, "attemptStatus", "completedOn", "expiresOn" FROM required_assignment_source)
    SELECT (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT ALL SELECT * FROM kept) x)::int AS missing,
           (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM fresh) y)::int AS extra`;
  const { missing, extra } = counts!;
  if (missing || extra) {
    const diff = await db.$queryRaw<unknown[]>`
      SELECT 'kept' AS side, * FROM (SELECT "schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn", "enrolmentId", attempt, "attemptStatus", "completedOn", "expiresOn" FROM "RequiredAssignment"
        EXCEPT ALL SELECT "schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn", "enrolmentId", attempt, "attemptStatus", "completedOn", "expiresOn" FROM required_assignment_source) k
      UNION ALL
      SELECT 'fresh', * FROM (SELECT "schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn", "enrolmentId", attempt, "attemptStatus", "completedOn", "expiresOn" FROM required_assignment_source
        EXCEPT ALL SELECT "schoolId", "userId", "courseId", "requiredBy", "renewalYears", "firstDueOn", "enrolmentId", attempt, "attemptStatus", "completedOn", "expiresOn" FROM "RequiredAssignment") f`;
    console.error(context, "required training rows differ", diff);
  }
  expect({ missing, extra }, `${context} required training rows against the view`).toEqual({ missing: 0, extra: 0 });
}

describe("the progress tally", () => {
  it(`stays equal to a count from scratch through ${ROUNDS} random rounds of ${OPERATIONS_PER_ROUND} changes (seed ${SEED})`, async () => {
    const world = await makeWorld();
    const next = random(SEED);
    const choose = operations(world, next);
    const ran = new Map<string, number>();
    const runOne = async () => {
      const [name, op] = choose();
      ran.set(name, (ran.get(name) ?? 0) + 1);
      currentOperation = `${name}, round ${currentRound}`;
      await op();
    };
    for (let round = 1; round <= ROUNDS; round++) {
      currentRound = round;
      for (let i = 0; i < 10; i++) await runOne();
      for (let batch = 0; batch < 4; batch++) await Promise.all(Array.from({ length: 5 }, runOne));
      if (round === Math.ceil(ROUNDS / 2)) {
        // Cascades: a school (with members and their enrolments) and a person deleted.
        // The school goes while other changes run beside it (its people completing lessons among them).
        const school = world.schools.splice(Math.floor(next() * world.schools.length), 1)[0]!;
        await Promise.all([db.organisation.delete({ where: { id: school } }), ...Array.from({ length: 5 }, runOne)]);
        // (a person on the audit log cannot be deleted: pick one who completed no lesson through the app)
        const person = await db.user.findFirst({ where: { id: { in: world.people }, auditEntries: { none: {} }, memberships: { some: {} }, enrolments: { some: {} } }, select: { id: true } });
        if (person) {
          world.people.splice(world.people.indexOf(person.id), 1);
          await db.user.delete({ where: { id: person.id } });
        }
      }
      await expectTallyExact(`round ${round}:`);
      await expectOverviewExact(world);
      await expectRequiredExact(`round ${round}:`);
    }
    // Every kind of change ran, and the rounds did change the figures.
    expect([...ran.keys()].length).toBe(16);
    expect((await tallyFromScratch()).size).toBeGreaterThan(20);
    expect(await db.requiredAssignment.count()).toBeGreaterThan(5);
    console.log(`progress tally: ${ROUNDS} rounds × ${OPERATIONS_PER_ROUND} operations`, Object.fromEntries(ran));
  });

  it("counts a membership and an enrolment of the same person made at once, in either order of commit", async () => {
    const [school, course] = [await makeOrganisation(), await makeCourse(2)];
    for (const enrolmentFirst of [true, false]) {
      const person = await makeUser();
      const [a, b] = [await pool.connect(), await pool.connect()];
      try {
        await a.query("BEGIN");
        await b.query("BEGIN");
        const enrol = () => a.query(`INSERT INTO "Enrolment" (id, "userId", "courseId", "completedLessons") VALUES (gen_random_uuid(), $1, $2, 1)`, [person.id, course.id]);
        const join = () => b.query(`INSERT INTO "Membership" (id, "userId", "organisationId") VALUES (gen_random_uuid(), $1, $2)`, [person.id, school.id]);
        // The first statement's trigger locks the person; the second waits for the first to commit, then
        // reads the other table in a new snapshot that holds the first one's row.
        await (enrolmentFirst ? enrol() : join());
        const second = enrolmentFirst ? join() : enrol();
        await new Promise((r) => setTimeout(r, 100));
        await (enrolmentFirst ? a : b).query("COMMIT");
        await second;
        await (enrolmentFirst ? b : a).query("COMMIT");
      } finally {
        a.release();
        b.release();
      }
    }
    const row = await db.progressTally.findUnique({ where: { schoolId_courseId_status: { schoolId: school.id, courseId: course.id, status: "IN_PROGRESS" } } });
    expect(row?.enrolments).toBe(2);
    await expectTallyExact();
  });

  it("counts out a deleted person's enrolments at every school (both sides go in one cascade)", async () => {
    const [schoolA, schoolB, course] = [await makeOrganisation(), await makeOrganisation(), await makeCourse(2)];
    const person = await makeUser(schoolA.id);
    await db.membership.create({ data: { userId: person.id, organisationId: schoolB.id } });
    await db.enrolment.create({ data: { userId: person.id, courseId: course.id, completedLessons: 1 } });
    expect((await db.progressTally.findMany({ where: { courseId: course.id, enrolments: 1 } })).length).toBe(2);
    await db.user.delete({ where: { id: person.id } });
    expect(await db.progressTally.findMany({ where: { courseId: course.id, enrolments: { not: 0 } } })).toEqual([]);
    await expectTallyExact();
  });

  it("keeps a zero row, with no activity, when the last enrolment of a group leaves it", async () => {
    const [school, course] = [await makeOrganisation(), await makeCourse(2)];
    const person = await makeUser(school.id);
    const enrolment = await db.enrolment.create({ data: { userId: person.id, courseId: course.id, completedLessons: 1, lastActivityAt: new Date("2026-03-01T10:00:00Z") } });
    await db.enrolment.update({ where: { id: enrolment.id }, data: { completedLessons: 2 } });
    const rows = await db.progressTally.findMany({ where: { schoolId: school.id }, orderBy: { status: "asc" } });
    expect(rows.map((r) => [r.status, r.enrolments, r.lastActivityAt?.toISOString() ?? null])).toEqual([
      ["IN_PROGRESS", 0, null],
      ["COMPLETED", 1, "2026-03-01T10:00:00.000Z"],
    ]);
  });
});
