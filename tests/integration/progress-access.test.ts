import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { canViewSchoolProgress, findSchoolProgressScope } from "@/lib/access";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { listSchoolProgress, summariseSchoolProgress } from "@/lib/progress/school";
import { progressCsvHeader, startProgressExport } from "@/lib/progress/school-export";
import { parseProgressQuery } from "@/lib/progress/query";
import { makeUser } from "./helpers";
import { makeProgressFixture, type ProgressFixture } from "./progress-fixture";

let f: ProgressFixture;
let stranger: { id: string };
beforeAll(async () => {
  f = await makeProgressFixture();
  stranger = await makeUser();
});

const query = parseProgressQuery({});

/** Whether each way in to a school's progress lets the viewer in: the page, the export route, and lib/. */
async function ways(viewerId: string, schoolId: string) {
  const settle = (promise: Promise<unknown>) =>
    promise.then(
      () => true,
      (error) => {
        if (error instanceof NotFoundError) return false;
        throw error;
      },
    );
  return {
    page: (await findSchoolProgressScope(viewerId, schoolId)) !== null,
    exportRoute: await canViewSchoolProgress(viewerId, schoolId),
    rows: await settle(listSchoolProgress(viewerId, schoolId, query)),
    summary: await settle(summariseSchoolProgress(viewerId, schoolId, query)),
    csv: await settle(startProgressExport(viewerId, schoolId, query).then((e) => e.body.cancel())),
  };
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

describe("who may see a school's progress: page, export and lib/ agree", () => {
  it.each(cells)("%s → %s: %s", async (viewer, school, expected) => {
    const result = await ways(viewerId(viewer), schoolId(school));
    expect(result).toEqual({ page: expected, exportRoute: expected, rows: expected, summary: expected, csv: expected });
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
    const all = { page: true, exportRoute: true, rows: true, summary: true, csv: true };
    const none = { page: false, exportRoute: false, rows: false, summary: false, csv: false };
    expect(await ways(g.lead.id, g.school.id)).toEqual(all);
    await drop(g);
    expect(await ways(g.lead.id, g.school.id)).toEqual(none);
    expect(await ways(g.head.id, g.school.id)).toEqual(all); // the school's own Administrator keeps access
    await restore(g);
    expect(await ways(g.lead.id, g.school.id)).toEqual(all);
  });
});

describe("CSV export", () => {
  it("holds exactly the filtered rows, in the page's order, as UTF-8 with a byte-order mark and ISO dates", async () => {
    const filtered = parseProgressQuery({ status: "in-progress", sort: "activity", dir: "desc" });
    const rows = (await listSchoolProgress(f.lead.id, f.school.id, { ...filtered, size: 200 })).rows;
    expect(rows.length).toBeGreaterThan(3);
    const { fileName, body } = await startProgressExport(f.lead.id, f.school.id, filtered);
    expect(fileName).toMatch(new RegExp(`^course-progress-school-${f.tag.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const bytes = new Uint8Array(await new Response(body).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe(progressCsvHeader.join(","));
    expect(lines.at(-1)).toBe(""); // every line ends with CRLF
    const data = lines.slice(1, -1).map((line) => line.split(","));
    expect(data.map((d) => d[1])).toEqual(rows.map((r) => r.email));
    expect(data.map((d) => d[3])).toEqual(rows.map(() => "In progress"));
    expect(data.map((d) => Number(d[4]))).toEqual(rows.map((r) => r.percent));
    expect(data.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d[5]!) && /^\d{4}-\d{2}-\d{2}$/.test(d[6]!) && d[7] === "")).toBe(true);
  });

  it("streams every page of a large filter in batches", async () => {
    const { body } = await startProgressExport(f.lead.id, f.school.id, query);
    const text = await new Response(body).text();
    expect(text.split("\r\n").length - 2).toBe((await listSchoolProgress(f.lead.id, f.school.id, { ...query, size: 200 })).rows.length);
  });

  it("records who exported which school with which filters, and records nothing when refused", async () => {
    const before = await db.auditLog.count({ where: { organisationId: f.school.id, action: "progress.exported" } });
    const filtered = parseProgressQuery({ course: f.courses[0]!.id, q: "dora" });
    await (await startProgressExport(f.head.id, f.school.id, filtered)).body.cancel();
    const entry = await db.auditLog.findFirstOrThrow({ where: { organisationId: f.school.id, action: "progress.exported" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: f.head.id, targetType: "Organisation", targetId: f.school.id });
    expect(entry.after).toEqual({ course: f.courses[0]!.id, status: null, q: "dora", sort: "name", dir: "asc" });

    await expect(startProgressExport(f.otherLead.id, f.school.id, query)).rejects.toBeInstanceOf(NotFoundError);
    await expect(startProgressExport(f.analyst.id, f.school.id, query)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditLog.count({ where: { organisationId: f.school.id, action: "progress.exported" } })).toBe(before + 1);
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
