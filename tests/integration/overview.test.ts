import { describe, expect, it } from "vitest";
import { findSchoolProgressScope, findTrustOverview, listTrustOverviews } from "@/lib/access";
import { db } from "@/lib/db";
import { courseBySchoolMatrix, exportTrustOverview, summariseSchools } from "@/lib/progress/overview";
import { sharesOf } from "@/lib/progress/percentages";
import { summariseSchoolProgress } from "@/lib/progress/school";
import { removeTrust } from "@/lib/trust";
import { makeOrganisation, makeTrust, makeUser, userByEmail } from "./helpers";

/** The same figures worked out in plain TypeScript from the rows, as the check on the SQL. */
async function directFigures(schoolId: string) {
  const members = await db.membership.findMany({ where: { organisationId: schoolId }, select: { userId: true } });
  const enrolments = await db.enrolment.findMany({
    where: { userId: { in: members.map((m) => m.userId) } },
    select: { completedLessons: true, lastActivityAt: true, courseId: true, course: { select: { _count: { select: { lessons: true } } } } },
  });
  const completed = enrolments.filter((e) => e.course._count.lessons > 0 && e.completedLessons >= e.course._count.lessons).length;
  const notStarted = enrolments.filter((e) => e.completedLessons === 0).length;
  const last = enrolments.map((e) => e.lastActivityAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    staff: members.length,
    enrolments: enrolments.length,
    completed,
    notStarted,
    inProgress: enrolments.length - completed - notStarted,
    // The completed share as the school's own view gives it (shares of the three statuses adding up to 100).
    percentCompleted: sharesOf([notStarted, enrolments.length - completed - notStarted, completed])[2]!,
    lastActivityAt: last ? new Date(last) : null,
    enrolmentRows: enrolments,
  };
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

  it("computes each school's figures and the course matrix exactly as a direct count over the seed", async () => {
    const lead = await userByEmail("lead@northstar.example");
    const overview = (await listTrustOverviews(lead.id))[0]!;
    const ids = overview.schools.map((s) => s.schoolId);
    const summaries = await summariseSchools(ids);
    const matrix = await courseBySchoolMatrix(ids);
    for (const summary of summaries) {
      const direct = await directFigures(summary.schoolId);
      expect(summary).toMatchObject({
        staff: direct.staff, enrolments: direct.enrolments, completed: direct.completed, inProgress: direct.inProgress,
        notStarted: direct.notStarted, percentCompleted: direct.percentCompleted, lastActivityAt: direct.lastActivityAt,
      });
      expect(summary.enrolments).toBeGreaterThan(0);
      for (const course of matrix.courses) {
        const rows = direct.enrolmentRows.filter((e) => e.courseId === course.courseId);
        const cell = matrix.cells.get(course.courseId)?.get(summary.schoolId);
        if (rows.length === 0) expect(cell).toBeUndefined();
        else {
          const done = rows.filter((e) => e.completedLessons >= e.course._count.lessons).length;
          const notStarted = rows.filter((e) => e.completedLessons === 0).length;
          expect(cell).toEqual({ enrolments: rows.length, completed: done, percent: sharesOf([notStarted, rows.length - done - notStarted, done])[2]! });
          expect(Math.abs(cell!.percent - (100 * done) / rows.length)).toBeLessThan(1);
          // The cell's figure is the one the school's view shows when filtered to that course.
          const view = await summariseSchoolProgress((await findSchoolProgressScope(lead.id, summary.schoolId))!, { course: course.courseId });
          expect(view.percent.COMPLETED).toBe(cell!.percent);
        }
      }
      const view = await summariseSchoolProgress((await findSchoolProgressScope(lead.id, summary.schoolId))!, {});
      expect(view.percent.COMPLETED).toBe(summary.percentCompleted);
    }
  });

  it("exports the overview as CSV with a byte-order mark and records the export", async () => {
    const lead = await userByEmail("lead@northstar.example");
    const overview = (await listTrustOverviews(lead.id))[0]!;
    const before = await db.auditLog.count({ where: { action: "overview.exported", actorId: lead.id } });
    const { csv, fileName } = await exportTrustOverview(lead.id, overview, overview.schools.map((s) => s.schoolId));
    expect(csv.startsWith("\uFEFFSchool,Staff,Enrolments,% completed")).toBe(true);
    expect(csv.split("\r\n").filter(Boolean).map((line) => line.split(",")[0])).toEqual(["\uFEFFSchool", "Hillcrest Academy", "Riverside Primary Academy"]);
    expect(fileName).toMatch(/^trust-overview-northstar-academy-trust-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await db.auditLog.count({ where: { action: "overview.exported", actorId: lead.id } })).toBe(before + 1);
  });

  it("sorts by a whitelisted column", async () => {
    const lead = await userByEmail("lead@northstar.example");
    const ids = (await listTrustOverviews(lead.id))[0]!.schools.map((s) => s.schoolId);
    const byName = (await summariseSchools(ids, "name", "desc")).map((s) => s.schoolName);
    expect(byName).toEqual(["Riverside Primary Academy", "Hillcrest Academy"]);
    const byStaff = await summariseSchools(ids, "staff", "desc");
    expect(byStaff[0]!.staff).toBeGreaterThanOrEqual(byStaff[1]!.staff);
  });

  it("drops a school from the overview on the next request after it removes its choice", async () => {
    const trust = await makeTrust({ name: "Overview Trust" });
    const schoolA = await makeOrganisation({ name: "Overview School A", trustId: trust.id });
    const schoolB = await makeOrganisation({ name: "Overview School B", trustId: trust.id });
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const head = await makeUser(schoolB.id, "ADMINISTRATOR");
    expect((await findTrustOverview(lead.id, trust.id))!.schools.map((s) => s.schoolId).sort()).toEqual([schoolA.id, schoolB.id].sort());
    await removeTrust(head.id, { schoolId: schoolB.id });
    expect((await findTrustOverview(lead.id, trust.id))!.schools.map((s) => s.schoolId)).toEqual([schoolA.id]);
  });
});
