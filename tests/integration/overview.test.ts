import { describe, expect, it } from "vitest";
import { findSchoolProgressScope, findTrustOverview, listTrustOverviews } from "@/lib/access";
import { db } from "@/lib/db";
import { courseBySchoolMatrix, exportTrustOverview, OVERVIEW_PAGE_SIZE, overviewPage, overviewSorts, overviewViewOf, summariseSchools } from "@/lib/progress/overview";
import { sharesOf } from "@/lib/progress/percentages";
import { summariseSchoolProgress } from "@/lib/progress/school";
import { removeTrust } from "@/lib/trust";
import { makeOrganisation, makeTrust, makeUser, userByEmail } from "./helpers";
import { expectTallyExact } from "./progress-tally-oracle";

type Counts = { NOT_STARTED: number; IN_PROGRESS: number; COMPLETED: number };

/** The status of an enrolment worked out here, independently: completed lessons against the course's lessons. */
function statusOf(done: number, lessons: number): keyof Counts {
  return lessons === 0 || done <= 0 ? "NOT_STARTED" : done >= lessons ? "COMPLETED" : "IN_PROGRESS";
}

function countsOf(rows: { completedLessons: number; course: { _count: { lessons: number } } }[]): Counts {
  const counts: Counts = { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0 };
  for (const e of rows) counts[statusOf(e.completedLessons, e.course._count.lessons)]++;
  return counts;
}

/** Shares adding up to 100, in the order NOT_STARTED, IN_PROGRESS, COMPLETED (the school view's). */
function sharesFor(counts: Counts) {
  const [NOT_STARTED, IN_PROGRESS, COMPLETED] = sharesOf([counts.NOT_STARTED, counts.IN_PROGRESS, counts.COMPLETED]) as [number, number, number];
  return { NOT_STARTED, IN_PROGRESS, COMPLETED };
}

/** The same figures worked out in plain TypeScript from the rows, as the check on the tally. */
async function directFigures(schoolId: string) {
  const members = await db.membership.findMany({ where: { organisationId: schoolId }, select: { userId: true } });
  const enrolments = await db.enrolment.findMany({
    where: { userId: { in: members.map((m) => m.userId) } },
    select: { completedLessons: true, lastActivityAt: true, courseId: true, course: { select: { _count: { select: { lessons: true } } } } },
  });
  const counts = countsOf(enrolments);
  const last = enrolments.map((e) => e.lastActivityAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return { staff: members.length, enrolments: enrolments.length, counts, percent: sharesFor(counts), lastActivityAt: last ? new Date(last) : null, enrolmentRows: enrolments };
}

async function northstar() {
  const lead = await userByEmail("lead@northstar.example");
  return (await listTrustOverviews(lead.id))[0]!;
}

describe("Trust overview", () => {
  it("shows Northstar's lead exactly Hillcrest Academy and Riverside Primary Academy, never Elmwood's schools", async () => {
    const lead = await userByEmail("lead@northstar.example");
    const overviews = await listTrustOverviews(lead.id);
    expect(overviews.map((o) => o.trustName)).toEqual(["Northstar Academy Trust"]);
    expect(overviews[0]!.schools.map((s) => s.schoolName)).toEqual(["Hillcrest Academy", "Riverside Primary Academy"]);
    const elmwood = await db.organisation.findFirstOrThrow({ where: { name: "Elmwood Learning Trust" } });
    expect(await findTrustOverview(lead.id, elmwood.id)).toBeNull();
    expect(await listTrustOverviews((await userByEmail("analyst@northstar.example")).id)).toEqual([]);
  });

  it("keeps a tally of the seed equal to a count from scratch", async () => {
    expect(await expectTallyExact("seed")).toBeGreaterThan(0);
  });

  it("computes each school's figures and the course matrix exactly as a direct count over the seed", async () => {
    const overview = await northstar();
    const summaries = await summariseSchools(overview);
    const matrix = await courseBySchoolMatrix(overview);
    expect(summaries.map((s) => s.schoolName)).toEqual(["Hillcrest Academy", "Riverside Primary Academy"]);
    for (const summary of summaries) {
      const direct = await directFigures(summary.schoolId);
      expect(summary).toMatchObject({ staff: direct.staff, enrolments: direct.enrolments, counts: direct.counts, percent: direct.percent, lastActivityAt: direct.lastActivityAt });
      expect(summary.enrolments).toBeGreaterThan(0);
      for (const course of matrix.courses) {
        const rows = direct.enrolmentRows.filter((e) => e.courseId === course.courseId);
        const cell = matrix.cells.get(course.courseId)?.get(summary.schoolId);
        if (rows.length === 0) expect(cell).toBeUndefined();
        else {
          const counts = countsOf(rows);
          expect(cell).toEqual({ enrolments: rows.length, counts, percent: sharesFor(counts) });
          expect(Math.abs(cell!.percent.COMPLETED - (100 * counts.COMPLETED) / rows.length)).toBeLessThan(1);
        }
      }
    }
  });

  it("gives each school and each matrix cell the share the school's own page shows", async () => {
    const overview = await northstar();
    const matrix = await courseBySchoolMatrix(overview);
    for (const summary of await summariseSchools(overview)) {
      const scope = (await findSchoolProgressScope(overview.viewerId, summary.schoolId))!;
      expect((await summariseSchoolProgress(scope, {})).percent).toEqual(summary.percent);
      for (const course of matrix.courses) {
        const cell = matrix.cells.get(course.courseId)?.get(summary.schoolId);
        if (cell) expect((await summariseSchoolProgress(scope, { course: course.courseId })).percent).toEqual(cell.percent);
      }
    }
  });

  it("exports the overview as CSV with a byte-order mark, a count and a share per status, and records the export as the viewer", async () => {
    const overview = await northstar();
    const before = await db.auditLog.count({ where: { action: "overview.exported", actorId: overview.viewerId } });
    const { csv, fileName } = await exportTrustOverview(overview);
    const lines = csv.split("\r\n").filter(Boolean).map((line) => line.split(","));
    expect(lines[0]!.slice(0, 11)).toEqual(["\uFEFFSchool", "Staff", "Compliance %", "Enrolments", "Not started", "% not started", "In progress", "% in progress", "Completed", "% completed", "Last activity"]);
    expect(lines.map((line) => line[0])).toEqual(["\uFEFFSchool", "Hillcrest Academy", "Riverside Primary Academy"]);
    const riverside = (await summariseSchools(overview)).find((s) => s.schoolName === "Riverside Primary Academy")!;
    expect([lines[2]![1], ...lines[2]!.slice(3, 10)].map(Number)).toEqual([
      riverside.staff, riverside.enrolments, riverside.counts.NOT_STARTED, riverside.percent.NOT_STARTED,
      riverside.counts.IN_PROGRESS, riverside.percent.IN_PROGRESS, riverside.counts.COMPLETED, riverside.percent.COMPLETED,
    ]);
    expect(fileName).toMatch(/^trust-overview-northstar-academy-trust-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await db.auditLog.count({ where: { action: "overview.exported", actorId: overview.viewerId } })).toBe(before + 1);
  });

  it("sorts by every whitelisted key, ties and missing activity by name", async () => {
    const overview = await northstar();
    expect(overviewSorts).toEqual(["name", "staff", "compliance", "enrolments", "not-started", "in-progress", "completed", "activity"]);
    const byName = (await summariseSchools(overview, "name", "desc")).map((s) => s.schoolName);
    expect(byName).toEqual(["Riverside Primary Academy", "Hillcrest Academy"]);
    const byStaff = await summariseSchools(overview, "staff", "desc");
    expect(byStaff[0]!.staff).toBeGreaterThanOrEqual(byStaff[1]!.staff);
    // Hillcrest is well behind Riverside in the demo data.
    expect((await summariseSchools(overview, "completed", "desc")).map((s) => s.schoolName)).toEqual(["Riverside Primary Academy", "Hillcrest Academy"]);
    expect((await summariseSchools(overview, "completed", "asc")).map((s) => s.schoolName)).toEqual(["Hillcrest Academy", "Riverside Primary Academy"]);
    const byActivity = await summariseSchools(overview, "activity", "desc");
    expect(byActivity[0]!.lastActivityAt!.getTime()).toBeGreaterThanOrEqual(byActivity[1]!.lastActivityAt!.getTime());
  });

  it("reads its sort and page from the URL leniently, and shows one page of schools at a time", () => {
    expect(overviewViewOf(new URLSearchParams("sort=completed&dir=desc&page=3"))).toEqual({ sort: "completed", dir: "desc", page: 3 });
    for (const junk of ["sort=constructor&page=0", "sort=&dir=up&page=-1", "page=1e3", "page=2.5"]) {
      expect(overviewViewOf(new URLSearchParams(junk))).toEqual({ sort: "name", dir: "asc", page: 1 });
    }
    const schools = Array.from({ length: 2 * OVERVIEW_PAGE_SIZE + 5 }, (_, i) => i);
    expect(overviewPage(schools, 1)).toMatchObject({ page: 1, pages: 3, first: 1, last: OVERVIEW_PAGE_SIZE });
    const start = 2 * OVERVIEW_PAGE_SIZE;
    expect(overviewPage(schools, 3)).toMatchObject({ shown: [start, start + 1, start + 2, start + 3, start + 4], page: 3, first: start + 1, last: start + 5 });
    expect(overviewPage(schools, 99)).toMatchObject({ page: 3 }); // past the end: the last page
    expect(overviewPage([], 1)).toEqual({ shown: [], page: 1, pages: 1, first: 0, last: 0 });
  });

  it("lists a school with no member and no enrolment, with zeros, last whatever the order of its activity", async () => {
    const trust = await makeTrust({ name: "Overview Empty Trust" });
    const active = await makeOrganisation({ name: "Overview Empty A", trustId: trust.id });
    const empty = await makeOrganisation({ name: "Overview Empty B", trustId: trust.id });
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const person = await makeUser(active.id);
    const course = await db.course.findFirstOrThrow({ where: { lessons: { some: {} } } });
    await db.enrolment.create({ data: { userId: person.id, courseId: course.id, completedLessons: 1, lastActivityAt: new Date() } });
    const overview = (await findTrustOverview(lead.id, trust.id))!;
    for (const dir of ["asc", "desc"] as const) {
      const schools = await summariseSchools(overview, "activity", dir);
      expect(schools.map((s) => s.schoolId)).toEqual([active.id, empty.id]);
      expect(schools[1]).toMatchObject({ staff: 0, enrolments: 0, lastActivityAt: null, counts: { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0 } });
    }
    const matrix = await courseBySchoolMatrix(overview);
    expect(matrix.courses.map((c) => c.courseId)).toEqual([course.id]);
    expect(matrix.cells.get(course.id)?.get(empty.id)).toBeUndefined();
  });

  it("drops a school from the overview on the next request after it removes its choice", async () => {
    const trust = await makeTrust({ name: "Overview Trust" });
    const schoolA = await makeOrganisation({ name: "Overview School A", trustId: trust.id });
    const schoolB = await makeOrganisation({ name: "Overview School B", trustId: trust.id });
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const head = await makeUser(schoolB.id, "ADMINISTRATOR");
    expect((await findTrustOverview(lead.id, trust.id))!.schools.map((s) => s.schoolId).sort()).toEqual([schoolA.id, schoolB.id].sort());
    await removeTrust(head.id, { schoolId: schoolB.id });
    const overview = (await findTrustOverview(lead.id, trust.id))!;
    expect(overview.schools.map((s) => s.schoolId)).toEqual([schoolA.id]);
    expect((await summariseSchools(overview)).map((s) => s.schoolId)).toEqual([schoolA.id]);
  });
});
