import { randomUUID } from "node:crypto";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { SchoolProgressScope, TrustOverviewScope } from "../access";
import { columnKeys, csvFields, csvHeader, schoolColumns, screenCells, sortKeysOf, type ColumnKey, type ProgressRow } from "./columns";
import { decodeCursor, encodeCursor, parseProgressQuery, progressSearch } from "./query";
import { progressRowsSql, progressSummarySql, trustEnrolmentsSql } from "./sql";

// A row as the product describes one, written out by hand.
const row: ProgressRow = {
  id: randomUUID(),
  name: "Tom Teacher",
  email: "teacher@riverside.example",
  course: "Safeguarding essentials",
  status: "IN_PROGRESS",
  progress: 40,
  enrolled: new Date("2026-09-01T08:00:00Z"),
  activity: new Date("2026-11-20T16:30:00Z"),
  completed: null,
  earlier: new Date("2025-11-10T10:00:00Z"), // a renewal under way
  required: "OVERDUE",
  due: new Date("2026-11-03T00:00:00Z"), // a date column reads as midnight UTC
};

const school = { schoolId: randomUUID() } as SchoolProgressScope; // the SQL builders read the id only
const trust = { schools: [{ schoolId: randomUUID(), schoolName: "A" }] } as unknown as TrustOverviewScope;

describe("the school view's column list", () => {
  it("types a row as the id and one value per column, nothing else", () => {
    expectTypeOf<keyof ProgressRow>().toEqualTypeOf<"id" | ColumnKey>();
    expectTypeOf<ProgressRow["progress"]>().toEqualTypeOf<number>();
    expectTypeOf<ProgressRow["activity"]>().toEqualTypeOf<Date | null>();
  });

  it("gives every column its own key, label and SQL", () => {
    for (const values of [columnKeys, schoolColumns.map((c) => c.label), schoolColumns.map((c) => c.sql)]) expect(new Set(values).size).toBe(schoolColumns.length);
    expect(columnKeys).toEqual(["name", "email", "course", "status", "progress", "enrolled", "activity", "completed", "earlier", "required", "due"]);
  });

  it("writes a row for the screen and for the CSV, one value per column in the list's order", () => {
    expect(screenCells(row)).toEqual(["Tom Teacher", "teacher@riverside.example", "Safeguarding essentials", "In progress", "40", "1 Sept 2026", "20 Nov 2026", "—", "10 Nov 2025", "Overdue", "3 Nov 2026"]);
    expect(csvFields(row)).toEqual(["Tom Teacher", "teacher@riverside.example", "Safeguarding essentials", "In progress", 40, "2026-09-01", "2026-11-20", "", "2025-11-10", "Overdue", "2026-11-03"]);
    // No renewal under way: no earlier completion (on a phone's card the detail is left out).
    expect(screenCells({ ...row, earlier: null })[8]).toBe("");
    expect(schoolColumns.filter((c) => "cardWhenSet" in c && c.cardWhenSet).map((c) => c.key)).toEqual(["earlier"]);
    // A course not required of the school: no standing, no due date.
    expect(screenCells({ ...row, required: null, due: null }).slice(-2)).toEqual(["", ""]);
    expect(csvFields({ ...row, required: null, due: null }).slice(-2)).toEqual(["", ""]);
    expect(csvHeader).toEqual(["Name", "Email", "Course", "Status", "Progress %", "Enrolled", "Last activity", "Completed", "Earlier completion", "Required", "Due"]);
    expect(csvHeader).toEqual(schoolColumns.map((c) => c.csvLabel ?? c.label));
  });

  it("places every column on the phone's card, the person's name as the title and email beneath it", () => {
    expect(schoolColumns.filter((c) => c.card === "title").map((c) => c.key)).toEqual(["name"]);
    expect(schoolColumns.filter((c) => c.card === "subtitle").map((c) => c.key)).toEqual(["email"]);
    expect(schoolColumns.every((c) => ["title", "subtitle", "heading", "standing", "meter", "badge", "detail"].includes(c.card))).toBe(true);
  });

  it("marks the two completion dates the table puts a certificate beside, the current attempt's and the earlier one's", () => {
    const marked = schoolColumns.flatMap((c) => ("certificate" in c ? [[c.key, c.certificate]] : []));
    expect(marked).toEqual([["completed", "current"], ["earlier", "earlier"]]);
    // Each reads its own attempt's completion: the enrolment's, and the one kept when a renewal began.
    expect(schoolColumns.find((c) => c.key === "completed")!.sql).toBe(`e."completedAt"`);
    expect(schoolColumns.find((c) => c.key === "earlier")!.sql).toContain(`e."previousCompletedAt"`);
  });

  it("is the sort whitelist: every column sorts, by its own SQL first, and nothing else does", () => {
    for (const key of columnKeys) {
      expect(parseProgressQuery({ sort: key }).sort).toBe(key);
      expect(sortKeysOf(key)[0]!.sql).toBe(schoolColumns.find((c) => c.key === key)!.sql);
    }
    for (const sort of ["password", "u.name", "name; DROP TABLE", "constructor"]) expect(parseProgressQuery({ sort }).sort).toBe("name");
  });

  it("gives every sort a cursor of its own kinds, which no other kind of sort accepts", () => {
    const sample = { text: "Tom", int: "40", timestamp: "2026-11-20 16:30:00", status: "IN_PROGRESS", date: "2026-11-03", required: "0" } as const;
    for (const key of columnKeys) {
      const keys = sortKeysOf(key).map((k) => sample[k.kind]);
      const cursor = { keys, id: randomUUID() };
      expect(decodeCursor(encodeCursor(cursor), key), key).toEqual(cursor);
      expect(parseProgressQuery(new URLSearchParams(progressSearch(parseProgressQuery({ sort: key }), { after: cursor }))).after).toEqual(cursor);
    }
    expect(decodeCursor(encodeCursor({ keys: ["2", "Tom"], id: randomUUID() }), "status")).toBeUndefined(); // a rank is no status
    expect(decodeCursor(encodeCursor({ keys: ["FINISHED", "Tom"], id: randomUUID() }), "status")).toBeUndefined();
    expect(decodeCursor(encodeCursor({ keys: ["OVERDUE", "2026-11-03", "Tom"], id: randomUUID() }), "required")).toBeUndefined(); // a status is no rank
    expect(decodeCursor(encodeCursor({ keys: ["99", "infinity", "Tom"], id: randomUUID() }), "required")).toBeDefined(); // a course not required
    expect(decodeCursor(encodeCursor({ keys: ["2026-02-30", "Tom"], id: randomUUID() }), "due")).toBeUndefined();
  });

  it("sorts required standings worst first by rank and empty ones last both ways, dates likewise", () => {
    const asc = progressRowsSql(school, parseProgressQuery({ sort: "required" }), 50).sql.text;
    expect(asc).toContain(`ORDER BY COALESCE(array_position(enum_range(NULL::"RequiredStatus"), rt.status), 99) ASC, COALESCE(rt."dueOn", 'infinity'::date) ASC, u.name ASC, e.id ASC`);
    const desc = progressRowsSql(school, parseProgressQuery({ sort: "due", dir: "desc" }), 50).sql.text;
    expect(desc).toContain(`ORDER BY COALESCE(rt."dueOn", '-infinity'::date) DESC, u.name DESC, e.id DESC`);
  });

  it("joins the school's required training on the request's date, and filters by it", () => {
    const { text, values } = progressRowsSql(school, parseProgressQuery({ required: "due-soon" }, "2026-11-30"), 50).sql;
    expect(text).toMatch(/LEFT JOIN required_training\(\$\d+::uuid\[\], \$\d+::date\) rt/);
    expect(text).toMatch(/rt\.status = \$\d+::"RequiredStatus"/);
    expect(values).toEqual(expect.arrayContaining([[school.schoolId], "2026-11-30", "DUE_SOON"]));
    expect(progressRowsSql(school, parseProgressQuery({ required: "required" }), 50).sql.text).toContain("rt.status IS NOT NULL");
    // A page sorted and filtered without it meets required training for its own rows only; otherwise, and for the export, every row does.
    expect(progressRowsSql(school, parseProgressQuery({}), 50).sql.text).toMatch(/LEFT JOIN LATERAL \(\s*SELECT r\.status, r\."dueOn" FROM required_training/);
    for (const q of [{ sort: "required" }, { sort: "due" }, { required: "overdue" }]) expect(progressRowsSql(school, parseProgressQuery(q), 50).sql.text).not.toContain("LATERAL");
    expect(progressRowsSql(school, parseProgressQuery({}), null).sql.text).not.toContain("LATERAL");
    // The summary reads required training only when it needs it: a Required filter, or a cursor's place.
    expect(progressSummarySql(school, parseProgressQuery({})).text).not.toContain("required_training");
    expect(progressSummarySql(school, parseProgressQuery({ required: "overdue" })).text).toContain("required_training");
    const trustSql = trustEnrolmentsSql(trust, [], { required: "OVERDUE", today: "2026-11-30" });
    expect(trustSql.values).toEqual(expect.arrayContaining([trust.schools.map((s) => s.schoolId), "2026-11-30", "OVERDUE"]));
  });

  it("builds the rows' SELECT and ORDER BY, and the trust's export, from the list", () => {
    const { text } = progressRowsSql(school, parseProgressQuery({ sort: "activity", dir: "desc" }), 50).sql;
    for (const c of schoolColumns) expect(text).toContain(`${c.sql} AS "${c.key}"`);
    expect(text).toMatch(/ORDER BY COALESCE\(e\."lastActivityAt", '-infinity'::timestamp\(3\)\) DESC, e\.id DESC/);
    expect(progressRowsSql(school, parseProgressQuery({ sort: "status" }), 50).sql.text).toMatch(/ORDER BY e\.status ASC, u\.name ASC, e\.id ASC/);
    const trustText = trustEnrolmentsSql(trust, [], {}).text;
    for (const c of schoolColumns) expect(trustText).toContain(`${c.sql} AS "${c.key}"`);
  });

  it("reads status from the stored column, never from lesson counts", () => {
    const statements = [
      progressRowsSql(school, parseProgressQuery({ status: "completed", sort: "progress" }), 50).sql,
      progressSummarySql(school, parseProgressQuery({ status: "completed" })),
      trustEnrolmentsSql(trust, [], { status: "COMPLETED" }),
    ];
    for (const { text, values } of statements) {
      expect(text).not.toMatch(/"Lesson"/);
      expect(text).toMatch(/e\.status = \$\d+::"EnrolmentStatus"/);
      expect(values).toContain("COMPLETED");
    }
  });
});
