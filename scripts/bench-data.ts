// The data `npm run bench:progress` measures, written with set-based SQL so it takes seconds:
//   Bench Academy Trust: 12 schools chose it, each 400 staff × 25 courses = 10,000 enrolments (120,000);
//   Second Bench Trust: 3 schools of 100 staff × 25 courses (7,500 more).
// Progress varies by a hash of the enrolment (every status, every percentage), dates spread over a year,
// and LessonCompletion rows match each enrolment's completedLessons, as the app keeps them.
// Required training at the same scale (addRequirements): each bench trust requires 2 courses (within 30 days
// of joining, renewed every year) of its schools, each school 1 of its own by a fixed date; staff joined
// over the last 400 days and completed the trust's courses over the last 500, so every status occurs.
import pg from "pg";

export const BENCH = { schools: 12, staffPerSchool: 400, courses: 25, secondTrustSchools: 3, secondTrustStaff: 100 };

export type BenchData = { leadId: string; trustId: string; bigSchoolId: string; firstCourseId: string; enrolments: number; completions: number };

const FIRST = ["Aisha", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Harry", "Isla", "Jack", "Keira", "Liam", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Ruby", "Sam", "Tara"];
const LAST = ["Adams", "Baker", "Clarke", "Davies", "Evans", "Foster", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nolan", "Owen", "Patel", "Reid", "Shah", "Turner", "Walker"];

/** `count` courses of 4 to 7 lessons each, titled "Bench course 01"… */
async function insertCourses(client: pg.Client, count: number) {
  await client.query(`
    INSERT INTO "Course" (id, slug, title, summary, category, "estimatedMinutes")
    SELECT gen_random_uuid(), 'bench-course-' || i, 'Bench course ' || lpad(i::text, 2, '0'), 'A course for the benchmark.', 'Bench', 30 + i
      FROM generate_series(1, $1::int) i`, [count]);
  await client.query(`
    INSERT INTO "Lesson" (id, "courseId", position, title, body)
    SELECT gen_random_uuid(), c.id, p, 'Lesson ' || p, 'Text.'
      FROM "Course" c CROSS JOIN LATERAL generate_series(1, 4 + (abs(hashtext(c.slug)) % 4)) p
     WHERE c.slug LIKE 'bench-course-%'`);
}

export async function generateBenchData(url: string): Promise<BenchData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  try {
    await insertCourses(client, BENCH.courses);

    const org = async (name: string, trustId: string | null) =>
      (await q(`INSERT INTO "Organisation" (id, name, kind, designation, "trustId", "trustChosenAt") VALUES (gen_random_uuid(), $1, CASE WHEN $2::uuid IS NULL THEN 'TRUST' ELSE 'SCHOOL' END::"OrganisationKind", 'ACADEMIES', $2::uuid, CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() - interval '2 years' END) RETURNING id`, [name, trustId])).rows[0].id as string;
    const trust = await org("Bench Academy Trust", null);
    const secondTrust = await org("Second Bench Trust", null);
    const schools: { id: string; staff: number }[] = [];
    for (let s = 1; s <= BENCH.schools; s++) schools.push({ id: await org(`Bench School ${String(s).padStart(2, "0")}`, trust), staff: BENCH.staffPerSchool });
    for (let s = 1; s <= BENCH.secondTrustSchools; s++) schools.push({ id: await org(`Second Bench School ${s}`, secondTrust), staff: BENCH.secondTrustStaff });

    const lead = (await q(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), 'lead@bench.example', 'Bench Lead', 'x') RETURNING id`)).rows[0].id as string;
    await q(`INSERT INTO "Membership" (id, "userId", "organisationId", role) VALUES (gen_random_uuid(), $1, $2, 'ADMINISTRATOR')`, [lead, trust]);

    for (const [n, school] of schools.entries()) await addStaff(client, school.id, n, school.staff);
    await enrolEveryone(client, "%Bench School%");
    await addRequirements(client, trust, schools.slice(0, BENCH.schools).map((s) => s.id));
    await q(`ANALYZE`);

    const counts = (await q(`SELECT (SELECT count(*) FROM "Enrolment")::int AS enrolments, (SELECT count(*) FROM "LessonCompletion")::int AS completions`)).rows[0];
    const firstCourseId = (await q(`SELECT id FROM "Course" WHERE slug = 'bench-course-1'`)).rows[0].id as string;
    return { leadId: lead, trustId: trust, bigSchoolId: schools[0]!.id, firstCourseId, enrolments: counts.enrolments, completions: counts.completions };
  } finally {
    await client.end();
  }
}

/**
 * For the export's memory check only, after the figures above are taken: one more school, 1,600 staff ×
 * 25 courses = 40,000 enrolments, administered by its own head, to compare with the 10,000-row export.
 */
export async function addLargeSchool(url: string): Promise<{ schoolId: string; headId: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const schoolId = (await client.query(`INSERT INTO "Organisation" (id, name, kind, designation) VALUES (gen_random_uuid(), 'Bench Large School', 'SCHOOL', 'ACADEMIES') RETURNING id`)).rows[0].id as string;
    await addStaff(client, schoolId, 99, 1600);
    await enrolEveryone(client, "Bench Large School");
    await client.query(`ANALYZE`);
    const headId = (await client.query(`SELECT "userId" FROM "Membership" WHERE "organisationId" = $1 AND role = 'ADMINISTRATOR' LIMIT 1`, [schoolId])).rows[0].userId as string;
    return { schoolId, headId };
  } finally {
    await client.end();
  }
}

async function addStaff(client: pg.Client, schoolId: string, n: number, staff: number) {
    await client.query(`
      WITH people AS (
        INSERT INTO "User" (id, email, name, "passwordHash", "currentOrganisationId")
        SELECT gen_random_uuid(), 's' || $2::int || '-' || i || '@bench.example',
               ($3::text[])[1 + (i * 7 + $2::int) % array_length($3::text[], 1)] || ' ' || ($4::text[])[1 + (i / 3 + $2::int) % array_length($4::text[], 1)],
               'x', $1::uuid
          FROM generate_series(1, $5::int) i
        RETURNING id, email)
      INSERT INTO "Membership" (id, "userId", "organisationId", role, "createdAt")
      SELECT gen_random_uuid(), id, $1::uuid, CASE WHEN email LIKE '%-1@%' THEN 'ADMINISTRATOR'::"Role" ELSE 'MEMBER'::"Role" END,
             now() - ((abs(hashtext(email)) % 400) || ' days')::interval
        FROM people`,
      [schoolId, n, FIRST, LAST, staff]);
}

/** Every member of the matching schools on every bench course, progress by a hash. */
async function enrolEveryone(client: pg.Client, schoolNames: string) {
  await client.query(`
    WITH lessons AS (SELECT "courseId", count(*)::int AS n FROM "Lesson" GROUP BY "courseId"),
    pairs AS (
      SELECT m."userId", c.id AS "courseId", l.n, abs(hashtext(m."userId"::text || c.id::text)) AS h
        FROM "Membership" m
        JOIN "Organisation" o ON o.id = m."organisationId" AND o.name LIKE $1
        CROSS JOIN "Course" c JOIN lessons l ON l."courseId" = c.id
       WHERE c.slug LIKE 'bench-course-%'),
    shaped AS (
      SELECT *, h % (n + 1) AS done, timestamp '2026-01-05 09:00' + ((h % 300) || ' days')::interval + ((h % 480) || ' minutes')::interval AS enrolled FROM pairs)
    INSERT INTO "Enrolment" (id, "userId", "courseId", "enrolledAt", "lastActivityAt", "completedAt", "completedLessons")
    SELECT gen_random_uuid(), "userId", "courseId", enrolled,
           CASE WHEN done > 0 THEN enrolled + ((1 + h % 40) || ' days')::interval END,
           CASE WHEN done = n THEN enrolled + ((1 + h % 40) || ' days')::interval END,
           done
      FROM shaped`, [schoolNames]);
  await client.query(`
    INSERT INTO "LessonCompletion" ("enrolmentId", "lessonId", "completedAt")
    SELECT e.id, l.id, e."enrolledAt" + (l.position || ' days')::interval
      FROM "Enrolment" e JOIN "Lesson" l ON l."courseId" = e."courseId" AND l.position <= e."completedLessons"
     WHERE e."completedLessons" > 0
       AND NOT EXISTS (SELECT 1 FROM "LessonCompletion" x WHERE x."enrolmentId" = e.id)`);
}

// For `npm run bench:trust` (scripts/bench-trust.ts): the largest trusts' shape, grown in two steps so the
// overview is measured on the same schools and courses at 90,000 and at 360,000 enrolments.
//   Scale Academy Trust: 60 schools, first 50 staff each, then 200 (growTrustBenchData), × 30 courses;
//   Control Academy Trust: 60 schools × 50 staff × 30 courses, never grown (90,000 enrolments), measured
//   in turn with the grown trust so that a change in the machine's load weighs on both alike;
//   Other Bench Trust A: 3 schools × 100 staff; Other Bench Trust B: 2 schools × 100 staff.
export const TRUST_BENCH = { schools: 60, firstStaff: 50, staffPerSchool: 200, courses: 30, others: [{ name: "Other Bench Trust A", schools: 3, staff: 100 }, { name: "Other Bench Trust B", schools: 2, staff: 100 }] };

export type TrustBenchData = { leadId: string; trustId: string; schoolIds: string[]; controlLeadId: string; controlTrustId: string; otherLeadId: string; otherTrustId: string; firstCourseId: string };

export async function generateTrustBenchData(url: string): Promise<TrustBenchData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  try {
    await insertCourses(client, TRUST_BENCH.courses);
    const org = async (name: string, kind: "TRUST" | "SCHOOL", trustId: string | null = null) =>
      (await q(`INSERT INTO "Organisation" (id, name, kind, designation, "trustId", "trustChosenAt") VALUES (gen_random_uuid(), $1, $2::"OrganisationKind", 'ACADEMIES', $3::uuid, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() - interval '2 years' END) RETURNING id`, [name, kind, trustId])).rows[0].id as string;
    const lead = async (email: string, trustId: string) => {
      const id = (await q(`INSERT INTO "User" (id, email, name, "passwordHash") VALUES (gen_random_uuid(), $1, 'Bench Lead', 'x') RETURNING id`, [email])).rows[0].id as string;
      await q(`INSERT INTO "Membership" (id, "userId", "organisationId", role) VALUES (gen_random_uuid(), $1, $2, 'ADMINISTRATOR')`, [id, trustId]);
      return id;
    };
    const trustId = await org("Scale Academy Trust", "TRUST");
    const schoolIds: string[] = [];
    for (let s = 1; s <= TRUST_BENCH.schools; s++) {
      const id = await org(`Scale School ${String(s).padStart(2, "0")}`, "SCHOOL", trustId);
      schoolIds.push(id);
      await addStaff(client, id, s, TRUST_BENCH.firstStaff);
    }
    const controlTrustId = await org("Control Academy Trust", "TRUST");
    const controlSchoolIds: string[] = [];
    for (let s = 1; s <= TRUST_BENCH.schools; s++) {
      const id = await org(`Control School ${String(s).padStart(2, "0")}`, "SCHOOL", controlTrustId);
      controlSchoolIds.push(id);
      await addStaff(client, id, 500 + s, TRUST_BENCH.firstStaff);
    }
    let n = 1000;
    const otherTrusts: string[] = [];
    for (const other of TRUST_BENCH.others) {
      const otherId = await org(other.name, "TRUST");
      otherTrusts.push(otherId);
      for (let s = 1; s <= other.schools; s++) await addStaff(client, await org(`${other.name} School ${s}`, "SCHOOL", otherId), n++, other.staff);
    }
    await enrolEveryone(client, "%School%");
    // The same required training at the scale trust and at its control, before growth: staff who join a
    // school later are enrolled by the membership trigger (the growth below enrols them itself beforehand).
    await addRequirements(client, trustId, schoolIds);
    await addRequirements(client, controlTrustId, controlSchoolIds);
    const leadId = await lead("lead@scale.example", trustId);
    const otherLeadId = await lead("lead@other.example", otherTrusts[0]!);
    const controlLeadId = await lead("lead@control.example", controlTrustId);
    await q(`VACUUM ANALYZE`);
    await q(`CHECKPOINT`);
    const firstCourseId = (await q(`SELECT id FROM "Course" WHERE slug = 'bench-course-1'`)).rows[0].id as string;
    return { leadId, trustId, schoolIds, controlLeadId, controlTrustId, otherLeadId, otherTrustId: otherTrusts[0]!, firstCourseId };
  } finally {
    await client.end();
  }
}

/**
 * Grows every school of the scale trust to TRUST_BENCH.staffPerSchool: the new staff are made and enrolled
 * in a holding organisation each, then their memberships move to the school in one UPDATE (the tally's
 * membership trigger in bulk), and the holding organisations are deleted.
 */
export async function growTrustBenchData(url: string, schoolIds: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const holdings: string[] = [];
    for (let i = 0; i < schoolIds.length; i++) {
      const holding = (await client.query(`INSERT INTO "Organisation" (id, name, kind, designation) VALUES (gen_random_uuid(), $1, 'SCHOOL', 'ACADEMIES') RETURNING id`, [`Holding ${i}`])).rows[0].id as string;
      holdings.push(holding);
      await addStaff(client, holding, 2000 + i, TRUST_BENCH.staffPerSchool - TRUST_BENCH.firstStaff);
    }
    await enrolEveryone(client, "Holding %");
    await shapeRequiredCompletions(client);
    await client.query(`
      UPDATE "Membership" m SET "organisationId" = moves.school
        FROM unnest($1::uuid[], $2::uuid[]) AS moves(holding, school)
       WHERE m."organisationId" = moves.holding`, [holdings, schoolIds]);
    await client.query(`DELETE FROM "Organisation" WHERE id = ANY($1::uuid[])`, [holdings]);
    // Settled before measuring: no autovacuum of a million fresh rows competing with the renders.
    await client.query(`VACUUM ANALYZE`);
    await client.query(`CHECKPOINT`);
  } finally {
    await client.end();
  }
}

/** The courses a bench trust requires of its schools (within 30 days, renewed every year). */
const TRUST_REQUIRED = ["bench-course-1", "bench-course-2"];

/**
 * Required training for a bench trust, after its staff are enrolled on every course (so nobody is left to
 * enrol): the trust requires TRUST_REQUIRED within 30 days of joining, renewed every year; each school
 * requires one course of its own (bench-course-3 to -5) by a fixed date 45 days ago, today or in 45 days.
 * Set two years ago, so a due date counts from joining; the trust's completions are spread over 500 days.
 */
async function addRequirements(client: pg.Client, trustId: string, schoolIds: string[]) {
  await client.query(`
    INSERT INTO "Requirement" (id, "organisationId", "courseId", "dueKind", "dueDays", "renewalYears", "createdAt")
    SELECT gen_random_uuid(), $1::uuid, c.id, 'WITHIN_DAYS', 30, 1, now() - interval '2 years' FROM "Course" c WHERE c.slug = ANY($2::text[])`,
    [trustId, TRUST_REQUIRED]);
  await client.query(`
    INSERT INTO "Requirement" (id, "organisationId", "courseId", "dueKind", "dueOn", "createdAt")
    SELECT gen_random_uuid(), s.id, c.id, 'BY_DATE', current_date + (45 * (s.i % 3 - 1))::int, now() - interval '2 years'
      FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, i) JOIN "Course" c ON c.slug = 'bench-course-' || (3 + s.i % 3)`,
    [schoolIds]);
  await shapeRequiredCompletions(client);
}

/**
 * The completions of the trust-required courses moved to the last 500 days (by a hash of the enrolment):
 * over a year ago is expired, 335 to 365 days ago is due for renewal, the rest in date.
 */
async function shapeRequiredCompletions(client: pg.Client) {
  await client.query(`
    UPDATE "Enrolment" e SET "completedAt" = x.at, "lastActivityAt" = x.at, "enrolledAt" = x.at - interval '10 days'
      FROM (SELECT e.id, now() - ((abs(hashtext(e.id::text)) % 500) || ' days')::interval AS at
              FROM "Enrolment" e JOIN "Course" c ON c.id = e."courseId" AND c.slug = ANY($1::text[])
             WHERE e."completedAt" IS NOT NULL) x
     WHERE e.id = x.id`, [TRUST_REQUIRED]);
}

/** Enrolments, lesson completions and tally rows in the database now. */
export async function countBenchRows(url: string): Promise<{ enrolments: number; completions: number; tallyRows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT (SELECT count(*) FROM "Enrolment")::int AS enrolments, (SELECT count(*) FROM "LessonCompletion")::int AS completions, (SELECT count(*) FROM "ProgressTally")::int AS "tallyRows"`)).rows[0];
  } finally {
    await client.end();
  }
}
