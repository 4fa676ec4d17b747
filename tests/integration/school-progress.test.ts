import { beforeAll, describe, expect, it } from "vitest";
import { findSchoolProgressScope, type SchoolProgressScope } from "@/lib/access";
import { db } from "@/lib/db";
import { columnKeys, type ColumnKey } from "@/lib/progress/columns";
import { listSchoolProgress, readAllSchoolProgress, summariseSchoolProgress, type ProgressRow } from "@/lib/progress/school";
import { pageRange, parseProgressQuery, type ProgressQuery } from "@/lib/progress/query";
import type { EnrolmentStatus } from "@/lib/progress/status";
import { makeProgressFixture, type ProgressFixture } from "./progress-fixture";
import { expectedProgress } from "./progress-oracle";

let f: ProgressFixture;
let school: SchoolProgressScope;
/** What the school's progress must be, worked out from the tables directly. */
let expected: (ProgressRow & { courseId: string; userId: string })[];

beforeAll(async () => {
  f = await makeProgressFixture();
  school = (await findSchoolProgressScope(f.lead.id, f.school.id))!;
  const enrolments = await db.enrolment.findMany({
    where: { user: { memberships: { some: { organisationId: f.school.id } } } },
    select: {
      id: true, userId: true, courseId: true, enrolledAt: true, lastActivityAt: true, completedAt: true, completedLessons: true,
      user: { select: { name: true, email: true } },
      course: { select: { title: true, _count: { select: { lessons: true } } } },
    },
  });
  expected = enrolments.map((e) => ({
    id: e.id, userId: e.userId, courseId: e.courseId, name: e.user.name, email: e.user.email, course: e.course.title,
    enrolled: e.enrolledAt, activity: e.lastActivityAt, completed: e.completedAt, earlier: null, // no renewal under way here
    required: null, due: null, // nothing is required of this school (tests/integration/school-compliance.test.ts has requirements)
    ...(({ status, percent }) => ({ status, progress: percent }))(expectedProgress(e.completedLessons, e.course._count.lessons)),
  }));
});

/** Shares that add up to 100 (0 for no rows), each within one point of the exact share of the counts. */
function expectSensibleShares(percent: Record<EnrolmentStatus, number>, counts: Record<EnrolmentStatus, number>) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const statuses = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED"] as const;
  expect(statuses.reduce((sum, s) => sum + percent[s], 0)).toBe(total ? 100 : 0);
  for (const s of statuses) {
    expect(Number.isInteger(percent[s])).toBe(true);
    expect(Math.abs(percent[s] - (total ? (100 * counts[s]) / total : 0))).toBeLessThan(1);
  }
}

function query(changes: Partial<ProgressQuery> = {}): ProgressQuery {
  return { ...parseProgressQuery({}), size: 200, ...changes };
}

async function all(changes: Partial<ProgressQuery> = {}) {
  return (await listSchoolProgress(school, query(changes))).rows;
}

describe("a school's progress rows", () => {
  it("hold every enrolment of every member of the school, whatever their role, and nothing of another school", async () => {
    const rows = await all();
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(expected.map((e) => e.id)));
    expect(rows.some((r) => r.name === f.head.name)).toBe(true); // the Administrator's own enrolments count too
    expect(rows.every((r) => r.name.endsWith(f.tag) && !/^(Zed|Yara|Sibling)/.test(r.name))).toBe(true);
    // Each row shows what the oracle says for it: status and percentage from its lessons, as stored by the database.
    const byId = new Map(expected.map((e) => [e.id, e]));
    for (const row of rows) {
      const want = byId.get(row.id)!;
      expect({ ...row, courseId: want.courseId, userId: want.userId }).toEqual(want);
    }
    // The sibling school sees only its own.
    const sibling = await listSchoolProgress((await findSchoolProgressScope(f.lead.id, f.sibling.id))!, query());
    expect(sibling.rows.every((r) => !expected.some((e) => e.id === r.id))).toBe(true);
    expect(new Set(sibling.rows.map((r) => r.name))).toEqual(new Set([`Zed ${f.tag}`, `Sibling head ${f.tag}`]));
  });

  it.each([
    ["course", (q: ProgressQuery) => ({ ...q, course: f.courses[1]!.id }), (e: (typeof expected)[number]) => e.courseId === f.courses[1]!.id],
    ["status not started", (q: ProgressQuery) => ({ ...q, status: "NOT_STARTED" as EnrolmentStatus }), (e: (typeof expected)[number]) => e.status === "NOT_STARTED"],
    ["status in progress", (q: ProgressQuery) => ({ ...q, status: "IN_PROGRESS" as EnrolmentStatus }), (e: (typeof expected)[number]) => e.status === "IN_PROGRESS"],
    ["status completed", (q: ProgressQuery) => ({ ...q, status: "COMPLETED" as EnrolmentStatus }), (e: (typeof expected)[number]) => e.status === "COMPLETED"],
    ["name", (q: ProgressQuery) => ({ ...q, q: "beatrix" }), (e: (typeof expected)[number]) => e.name.startsWith("Beatrix")],
    ["email", (q: ProgressQuery) => ({ ...q, q: expected[0]!.email.slice(0, 12).toUpperCase() }), (e: (typeof expected)[number]) => e.email === expected[0]!.email],
    ["a name with LIKE wildcards taken literally", (q: ProgressQuery) => ({ ...q, q: "%" }), () => false],
    ["course and status together", (q: ProgressQuery) => ({ ...q, course: f.courses[2]!.id, status: "COMPLETED" as EnrolmentStatus }), (e: (typeof expected)[number]) => e.courseId === f.courses[2]!.id && e.status === "COMPLETED"],
  ])("filter by %s, with summary figures for the same rows", async (_label, apply, keep) => {
    const q = apply(query());
    const want = expected.filter(keep);
    const rows = (await listSchoolProgress(school, q)).rows;
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(want.map((e) => e.id)));
    const summary = await summariseSchoolProgress(school, q);
    const completed = want.filter((e) => e.status === "COMPLETED").length;
    const notStarted = want.filter((e) => e.status === "NOT_STARTED").length;
    const inProgress = want.filter((e) => e.status === "IN_PROGRESS").length;
    const counts = { NOT_STARTED: notStarted, IN_PROGRESS: inProgress, COMPLETED: completed };
    expect(summary).toMatchObject({ staff: new Set(want.map((e) => e.userId)).size, enrolments: want.length, counts, preceding: 0 });
    expectSensibleShares(summary.percent, counts);
  });

  it("gives every status a share that adds up to 100, each within one point of its exact share", async () => {
    const summary = await summariseSchoolProgress(school, query());
    const counts: Record<EnrolmentStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0 };
    for (const e of expected) counts[e.status] += 1;
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
    expect(summary.counts).toEqual(counts);
    expectSensibleShares(summary.percent, counts);
  });

  it("has filters that cover every status, each row exactly once", async () => {
    const counts = await Promise.all((["NOT_STARTED", "IN_PROGRESS", "COMPLETED"] as const).map(async (status) => (await all({ status })).length));
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b)).toBe(expected.length);
  });
});

// Each sort's order, written out here (a new column adds its line): the rank of a status is its place in the product's list.
const primaryKey: Record<ColumnKey, (r: ProgressRow) => string | number | null> = {
  name: (r) => r.name,
  email: (r) => r.email,
  course: (r) => r.course,
  status: (r) => ["NOT_STARTED", "IN_PROGRESS", "COMPLETED"].indexOf(r.status),
  progress: (r) => r.progress,
  enrolled: (r) => r.enrolled.getTime(),
  activity: (r) => r.activity?.getTime() ?? null,
  completed: (r) => r.completed?.getTime() ?? null,
  earlier: (r) => r.earlier?.getTime() ?? null,
  required: (r) => (r.required === null ? null : ["OVERDUE", "EXPIRED", "DUE_SOON", "NOT_STARTED", "IN_PROGRESS", "COMPLETED"].indexOf(r.required)),
  due: (r) => r.due?.getTime() ?? null,
};

describe("sorting and keyset pagination", () => {
  const cases = columnKeys.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const));

  it.each(cases)("sorts by %s %s (empty dates last) and pages forwards and back without gaps or repeats", async (sort, dir) => {
    const rows = await all({ sort, dir });
    const keys = rows.map(primaryKey[sort]);
    const filled = keys.filter((k) => k !== null);
    expect(keys.slice(0, filled.length)).toEqual(filled); // empty values only at the end
    const sorted = [...filled].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
    expect(filled).toEqual(dir === "asc" ? sorted : sorted.reverse());

    // Forwards, three rows a page, each page placed among the rows ("4–6 of 37") by the summary statement.
    const forwards: ProgressRow[] = [];
    const rangeOf = async (q: ProgressQuery, shown: number) => {
      const summary = await summariseSchoolProgress(school, q);
      expect(summary.enrolments).toBe(rows.length);
      return pageRange(q, shown, summary.enrolments, summary.preceding);
    };
    let q = query({ sort, dir, size: 3 });
    let page = await listSchoolProgress(school, q);
    expect(page.previousCursor).toBeUndefined();
    expect(await rangeOf(q, page.rows.length)).toEqual({ first: 1, last: 3 });
    forwards.push(...page.rows);
    while (page.nextCursor) {
      q = query({ sort, dir, size: 3, after: page.nextCursor });
      page = await listSchoolProgress(school, q);
      expect(page.rows.length).toBeGreaterThan(0);
      expect(await rangeOf(q, page.rows.length)).toEqual({ first: forwards.length + 1, last: forwards.length + page.rows.length });
      forwards.push(...page.rows);
    }
    expect(forwards.map((r) => r.id)).toEqual(rows.map((r) => r.id));

    // The last page: the final rows in the same order (ties and empty dates included), no next page.
    q = query({ sort, dir, size: 3, last: true });
    page = await listSchoolProgress(school, q);
    expect(page.rows.map((r) => r.id)).toEqual(rows.slice(-3).map((r) => r.id));
    expect(page.nextCursor).toBeUndefined();
    expect(await rangeOf(q, page.rows.length)).toEqual({ first: rows.length - 2, last: rows.length });

    // And back again from the last page, each page placed right.
    const backwards: ProgressRow[] = [...page.rows];
    while (page.previousCursor) {
      q = query({ sort, dir, size: 3, before: page.previousCursor });
      page = await listSchoolProgress(school, q);
      expect(page.nextCursor).toBeDefined();
      expect(await rangeOf(q, page.rows.length)).toEqual({ first: rows.length - backwards.length - page.rows.length + 1, last: rows.length - backwards.length });
      backwards.unshift(...page.rows);
    }
    expect(backwards.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it("gives a last page equal to the only page when everything fits on one", async () => {
    const page = await listSchoolProgress(school, query({ last: true, size: 200 }));
    expect(page.rows.map((r) => r.id)).toEqual((await all()).map((r) => r.id));
    expect(page.previousCursor).toBeUndefined();
    expect(page.nextCursor).toBeUndefined();
  });

  it("pages the filtered rows only", async () => {
    const want = (await all({ status: "COMPLETED", sort: "progress" })).map((r) => r.id);
    const seen: string[] = [];
    let page = await listSchoolProgress(school, query({ status: "COMPLETED", sort: "progress", size: 2 }));
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextCursor) {
      page = await listSchoolProgress(school, query({ status: "COMPLETED", sort: "progress", size: 2, after: page.nextCursor }));
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(want);
  });

  it("reads a cursor from the URL only for the sort it was made for", async () => {
    const first = await listSchoolProgress(school, query({ sort: "enrolled", size: 3 }));
    const url = new URLSearchParams({ sort: "enrolled", after: Buffer.from(JSON.stringify([...first.nextCursor!.keys, first.nextCursor!.id])).toString("base64url") });
    expect(parseProgressQuery(url).after).toEqual(first.nextCursor);
    url.set("sort", "progress"); // a timestamp is not a percentage: back to the first page rather than an error
    expect(parseProgressQuery(url).after).toBeUndefined();
  });
});

describe("reading every row for the export", () => {
  it("runs the page's query once under a cursor and hands the rows out in batches, in the page's order", async () => {
    const q = query({ sort: "progress", dir: "desc" });
    const want = (await all({ sort: "progress", dir: "desc" })).map((r) => r.id);
    const batches = readAllSchoolProgress(school, q, 4);
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const batch of batches) {
      sizes.push(batch.length);
      seen.push(...batch.map((r) => r.id));
    }
    expect(seen).toEqual(want);
    expect(sizes.slice(0, -1).every((n) => n === 4)).toBe(true);
  });

  it("lets the reader stop early and releases the connection", async () => {
    for (let i = 0; i < 8; i++) {
      const batches = readAllSchoolProgress(school, query(), 2);
      for await (const batch of batches) {
        expect(batch).toHaveLength(2);
        break;
      }
    }
    expect((await all()).length).toBe(expected.length); // the pool still answers
  });
});
