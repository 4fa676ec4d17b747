// Who may see a school's progress, through each way in: the page's decision, the export route (the real
// handler, only the session stood in for) and the reads of lib/, which take the scope the decision made.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signInAs } from "./session-stand-in";

vi.mock("@/lib/auth", () => import("./session-stand-in"));

const { NextRequest } = await import("next/server");
const { GET } = await import("@/app/(app)/courses/progress/[schoolId]/export/route");
const { findSchoolProgressScope } = await import("@/lib/access");
const { db } = await import("@/lib/db");
const { NOT_FOUND_MESSAGE } = await import("@/lib/not-found-html");
const { csvHeader } = await import("@/lib/progress/columns");
const { listSchoolProgress } = await import("@/lib/progress/school");
const { startProgressExport } = await import("@/lib/progress/school-export");
const { parseProgressQuery } = await import("@/lib/progress/query");
const { makeUser } = await import("./helpers");
const { makeProgressFixture } = await import("./progress-fixture");
type ProgressFixture = Awaited<ReturnType<typeof makeProgressFixture>>;

let f: ProgressFixture;
let stranger: { id: string };
beforeAll(async () => {
  f = await makeProgressFixture();
  stranger = await makeUser();
});

const query = parseProgressQuery({});

async function callExport(viewerId: string | null, schoolId: string, search = "") {
  signInAs(viewerId);
  return GET(new NextRequest(`http://schoot.test/courses/progress/${schoolId}/export${search}`), { params: Promise.resolve({ schoolId }) });
}

const exportCount = (schoolId: string) => db.auditLog.count({ where: { organisationId: schoolId, action: "progress.exported" } });

/**
 * Whether each way in to a school's progress lets the viewer in: the page's decision and the export route
 * (a refusal being the not-found page). The reads of lib/ take the scope the decision made, so they have
 * no way in of their own to check.
 */
async function ways(viewerId: string, schoolId: string) {
  const scope = await findSchoolProgressScope(viewerId, schoolId);
  const response = await callExport(viewerId, schoolId);
  if (response.status === 200) await response.body!.cancel();
  else expect(await response.text()).toContain(NOT_FOUND_MESSAGE);
  return { page: scope !== null, exportRoute: response.status === 200 };
}

type Viewer = "trust lead" | "trust member" | "school head" | "school member" | "sibling head" | "other trust lead" | "stranger";
type School = "school" | "sibling school" | "the trust itself" | "other trust's school" | "other trust" | "unknown id" | "malformed id";

// The authorisation matrix: viewer × school → may see progress. One test per cell.
const allowed: Record<Viewer, School[]> = {
  "trust lead": ["school", "sibling school", "the trust itself"],
  "trust member": [],
  "school head": ["school"],
  "school member": [],
  "sibling head": ["sibling school"],
  "other trust lead": ["other trust's school", "other trust"],
  stranger: [],
};
const schools: School[] = ["school", "sibling school", "the trust itself", "other trust's school", "other trust", "unknown id", "malformed id"];
const cells = (Object.keys(allowed) as Viewer[]).flatMap((viewer) => schools.map((school) => [viewer, school, allowed[viewer].includes(school)] as const));

function viewerId(viewer: Viewer): string {
  const ids: Record<Viewer, string> = {
    "trust lead": f.lead.id, "trust member": f.analyst.id, "school head": f.head.id, "school member": f.staff[1]!.id,
    "sibling head": f.siblingHead.id, "other trust lead": f.otherLead.id, stranger: stranger.id,
  };
  return ids[viewer];
}
function schoolId(school: School): string {
  const ids: Record<School, string> = {
    school: f.school.id, "sibling school": f.sibling.id, "the trust itself": f.trust.id, "other trust's school": f.otherSchool.id,
    "other trust": f.otherTrust.id, "unknown id": randomUUID(), "malformed id": "1 OR 1=1",
  };
  return ids[school];
}

describe("who may see a school's progress: the page and the export route agree", () => {
  it.each(cells)("%s → %s: %s", async (viewer, school, expected) => {
    const result = await ways(viewerId(viewer), schoolId(school));
    expect(result).toEqual({ page: expected, exportRoute: expected });
  });
});

describe("a school dropped from the viewer's scope disappears on the next request, export included", () => {
  it.each([
    ["the school removes its choice of trust", (g: ProgressFixture) => db.organisation.update({ where: { id: g.school.id }, data: { trustId: null } }), (g: ProgressFixture) => db.organisation.update({ where: { id: g.school.id }, data: { trustId: g.trust.id } })],
    ["the lead is demoted to Member", (g: ProgressFixture) => db.membership.updateMany({ where: { userId: g.lead.id }, data: { role: "MEMBER" } }), (g: ProgressFixture) => db.membership.updateMany({ where: { userId: g.lead.id }, data: { role: "ADMINISTRATOR" } })],
    ["the trust's designation changes from Academies", (g: ProgressFixture) => db.organisation.update({ where: { id: g.trust.id }, data: { designation: "OTHER" } }), (g: ProgressFixture) => db.organisation.update({ where: { id: g.trust.id }, data: { designation: "ACADEMIES" } })],
    ["the school chooses another trust", (g: ProgressFixture) => db.organisation.update({ where: { id: g.school.id }, data: { trustId: g.otherTrust.id } }), (g: ProgressFixture) => db.organisation.update({ where: { id: g.school.id }, data: { trustId: g.trust.id } })],
  ])("when %s", async (_label, drop, restore) => {
    const g = await makeProgressFixture();
    const all = { page: true, exportRoute: true };
    const none = { page: false, exportRoute: false };
    expect(await ways(g.lead.id, g.school.id)).toEqual(all);
    await drop(g);
    expect(await ways(g.lead.id, g.school.id)).toEqual(none);
    expect(await ways(g.head.id, g.school.id)).toEqual(all); // the school's own Administrator keeps access
    await restore(g);
    expect(await ways(g.lead.id, g.school.id)).toEqual(all);
  });
});

describe("CSV export", () => {
  const leadScope = async () => (await findSchoolProgressScope(f.lead.id, f.school.id))!;

  it("holds exactly the filtered rows, in the page's order, as UTF-8 with a byte-order mark and ISO dates", async () => {
    const filtered = parseProgressQuery({ status: "in-progress", sort: "activity", dir: "desc" });
    const school = await leadScope();
    const rows = (await listSchoolProgress(school, { ...filtered, size: 200 })).rows;
    expect(rows.length).toBeGreaterThan(3);
    const { fileName, body } = await startProgressExport(school, filtered);
    expect(fileName).toMatch(new RegExp(`^course-progress-school-${f.tag.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe(csvHeader.join(","));
    expect(lines[0]).toBe("Name,Email,Course,Status,Progress %,Enrolled,Last activity,Completed,Earlier completion,Required,Due"); // what people's spreadsheets read
    expect(lines.at(-1)).toBe(""); // every line ends with CRLF
    const data = lines.slice(1, -1).map((line) => line.split(","));
    expect(data.map((d) => d[1])).toEqual(rows.map((r) => r.email));
    expect(data.map((d) => d[3])).toEqual(rows.map(() => "In progress"));
    expect(data.map((d) => Number(d[4]))).toEqual(rows.map((r) => r.progress));
    expect(data.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d[5]!) && /^\d{4}-\d{2}-\d{2}$/.test(d[6]!) && d[7] === "")).toBe(true);
  });

  it("streams every page of a large filter in batches", async () => {
    const school = await leadScope();
    const { body } = await startProgressExport(school, query);
    const text = await new Response(body).text();
    expect(text.split("\r\n").length - 2).toBe((await listSchoolProgress(school, { ...query, size: 200 })).rows.length);
  });

  it("records who exported which school with which filters, and records nothing when refused", async () => {
    const before = await exportCount(f.school.id);
    const response = await callExport(f.head.id, f.school.id, `?course=${f.courses[0]!.id}&q=dora`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    await response.body!.cancel();
    const entry = await db.auditLog.findFirstOrThrow({ where: { organisationId: f.school.id, action: "progress.exported" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: f.head.id, targetType: "Organisation", targetId: f.school.id });
    expect(entry.after).toEqual({ course: f.courses[0]!.id, status: null, q: "dora", required: null, sort: "name", dir: "asc" });

    for (const refused of [f.otherLead.id, f.analyst.id]) expect((await callExport(refused, f.school.id)).status).toBe(404);
    expect(await exportCount(f.school.id)).toBe(before + 1);
    const visitor = await callExport(null, f.school.id);
    expect(visitor.status).toBe(307);
    expect(visitor.headers.get("location")).toMatch(/\/sign-in\?callbackUrl=/);
  });
});

describe("the demo's `View course progress for:` selector", () => {
  it("gives the Northstar lead its two schools first, then Northstar itself, then their own progress", async () => {
    const { listProgressScopes } = await import("@/lib/access");
    const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@northstar.example" } });
    const scopes = await listProgressScopes(lead.id);
    expect(scopes.map((s) => (s.kind === "self" ? "self" : `${s.kind}:${s.schoolName}`))).toEqual([
      "trust-school:Hillcrest Academy",
      "trust-school:Riverside Primary Academy",
      "own-organisation:Northstar Academy Trust",
      "self",
    ]);
    const analyst = await db.user.findUniqueOrThrow({ where: { email: "analyst@northstar.example" } });
    expect(await listProgressScopes(analyst.id)).toEqual([{ kind: "self" }]);
  });
});
