// The trust overview's second export: every enrolment of every school in the trust, through the real
// route handler (only the session is stood in for) and through lib/ directly.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signInAs } from "./session-stand-in";

vi.mock("@/lib/auth", () => import("./session-stand-in"));

const { NextRequest } = await import("next/server");
const { GET } = await import("@/app/(app)/courses/overview/[trustId]/enrolments-export/route");
const { findTrustOverview } = await import("@/lib/access");
const { db } = await import("@/lib/db");
const { isoDate } = await import("@/lib/csv");
const { startTrustEnrolmentsExport, trustEnrolmentsCsvHeader } = await import("@/lib/progress/overview-export");
const { NOT_FOUND_MESSAGE } = await import("@/lib/not-found-html");
const { makeUser } = await import("./helpers");
const { makeProgressFixture } = await import("./progress-fixture");
const { expectedLabels, expectedProgress } = await import("./progress-oracle");

type Fixture = Awaited<ReturnType<typeof makeProgressFixture>>;
let f: Fixture;
beforeAll(async () => {
  f = await makeProgressFixture();
});

async function call(userId: string | null, trustId: string, search = "") {
  signInAs(userId);
  return GET(new NextRequest(`http://schoot.test/courses/overview/${trustId}/enrolments-export${search}`), { params: Promise.resolve({ trustId }) });
}

/** The CSV's data lines as arrays of fields (the fixture's names hold no comma or quote). */
async function linesOf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs (text() would drop it)
  const [header, ...lines] = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1).trimEnd().split("\r\n");
  expect(header).toBe(trustEnrolmentsCsvHeader.join(","));
  expect(header).toBe("School,Name,Email,Course,Status,Progress %,Enrolled,Last activity,Completed,Earlier completion,Required,Due"); // the school view's columns after School
  return lines.map((line) => line.split(","));
}

/** What the export must hold, worked out from the tables directly: both of the trust's schools, and nothing else. */
async function expectedLines(filter: (row: { courseId: string; status: string }) => boolean = () => true) {
  const schools = [f.school, f.sibling];
  const lines: { key: string; fields: string[] }[] = [];
  for (const school of schools) {
    const enrolments = await db.enrolment.findMany({
      where: { user: { memberships: { some: { organisationId: school.id } } } },
      select: {
        courseId: true, enrolledAt: true, lastActivityAt: true, completedAt: true, completedLessons: true,
        user: { select: { name: true, email: true } },
        course: { select: { title: true, _count: { select: { lessons: true } } } },
      },
    });
    for (const e of enrolments) {
      const { status, percent } = expectedProgress(e.completedLessons, e.course._count.lessons);
      if (!filter({ courseId: e.courseId, status })) continue;
      lines.push({
        key: `${school.name}|${e.user.name}|${e.course.title}`,
        fields: [school.name, e.user.name, e.user.email, e.course.title, expectedLabels[status], String(percent), isoDate(e.enrolledAt), isoDate(e.lastActivityAt), isoDate(e.completedAt), "", "", ""], // no renewal under way, and nothing is required here (tests/integration/school-compliance.test.ts)
      });
    }
  }
  return lines;
}

describe("the trust's export of every enrolment", () => {
  it("holds one line per enrolment of every school in the trust, ordered by school, person and course, and is on the audit log", async () => {
    const before = await db.auditLog.count({ where: { action: "overview.enrolments_exported", actorId: f.lead.id, organisationId: f.trust.id } });
    const response = await call(f.lead.id, f.trust.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="trust-enrolments-trust-${f.tag}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const lines = await linesOf(response);
    const want = await expectedLines();
    expect(want.length).toBeGreaterThan(30);
    expect([...lines].sort()).toEqual(want.map((w) => w.fields).sort());
    // Schools as the overview lists them by default: by name, A to Z.
    const schoolOrder = lines.map((l) => l[0]);
    expect(schoolOrder).toEqual([...schoolOrder].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0)));
    expect(lines.some((l) => l[0] === f.otherSchool.name)).toBe(false);
    const audit = await db.auditLog.findMany({ where: { action: "overview.enrolments_exported", actorId: f.lead.id, organisationId: f.trust.id }, orderBy: { createdAt: "desc" } });
    expect(audit).toHaveLength(before + 1);
    expect(audit[0]!.after).toMatchObject({ schools: 2, course: null, status: null, sort: "name", dir: "asc" });
  });

  it("follows the overview's sort for the order of schools", async () => {
    const lines = await linesOf(await call(f.lead.id, f.trust.id, "?sort=name&dir=desc"));
    const schools = [...new Set(lines.map((l) => l[0]))];
    expect(schools).toEqual([f.school.name, f.sibling.name].sort().reverse());
  });

  it("narrows by course and status like the school view, and records the filters", async () => {
    const course = f.courses[0]!;
    const lines = await linesOf(await call(f.lead.id, f.trust.id, `?course=${course.id}&status=completed`));
    const want = await expectedLines((r) => r.courseId === course.id && r.status === "COMPLETED");
    expect(want.length).toBeGreaterThan(0);
    expect([...lines].sort()).toEqual(want.map((w) => w.fields).sort());
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "overview.enrolments_exported", actorId: f.lead.id }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ course: course.id, status: "COMPLETED" });
    // Malformed filters fall back to none, as on the school view.
    expect(await linesOf(await call(f.lead.id, f.trust.id, "?course=1;DROP&status=finished"))).toHaveLength((await expectedLines()).length);
  });

  it("reads the rows a batch at a time", async () => {
    const { body } = await startTrustEnrolmentsExport((await findTrustOverview(f.lead.id, f.trust.id))!, { sort: "name", dir: "asc" }, 3);
    const chunks: string[] = [];
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(new TextDecoder().decode(value));
    }
    expect(chunks.length).toBeGreaterThan(10); // the header, then batches of three lines
    expect(chunks.slice(1, -1).every((chunk) => chunk.split("\r\n").filter(Boolean).length === 3)).toBe(true);
  });

  const refused: [string, () => string][] = [
    ["the trust's Member (an analyst)", () => f.analyst.id],
    ["a school's own Administrator", () => f.head.id],
    ["another trust's lead", () => f.otherLead.id],
    ["someone of no organisation", () => outsider],
  ];
  let outsider = "";
  beforeAll(async () => {
    outsider = (await makeUser()).id;
  });

  it.each(refused)("answers %s with the not-found page, writes nothing and starts no download", async (_label, viewer) => {
    const before = await db.auditLog.count({ where: { action: "overview.enrolments_exported", organisationId: f.trust.id } });
    const response = await call(viewer(), f.trust.id);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(NOT_FOUND_MESSAGE);
    expect(text).not.toContain(f.tag);
    expect(await findTrustOverview(viewer(), f.trust.id)).toBeNull(); // so lib/ has no scope to export with
    expect(await db.auditLog.count({ where: { action: "overview.enrolments_exported", organisationId: f.trust.id } })).toBe(before);
  });

  it("answers an unknown or malformed trust id exactly like a refused one, and a visitor with the sign-in page", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id", f.school.id]) {
      const response = await call(f.lead.id, id);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain(NOT_FOUND_MESSAGE);
    }
    const visitor = await call(null, f.trust.id);
    expect(visitor.status).toBe(307);
    expect(visitor.headers.get("location")).toMatch(/\/sign-in\?callbackUrl=/);
  });

  it("stops on the next request once the trust is no longer designated Academies", async () => {
    const g = await makeProgressFixture();
    expect((await call(g.lead.id, g.trust.id)).status).toBe(200);
    await db.organisation.update({ where: { id: g.trust.id }, data: { designation: "OTHER" } });
    expect((await call(g.lead.id, g.trust.id)).status).toBe(404);
  });
});
