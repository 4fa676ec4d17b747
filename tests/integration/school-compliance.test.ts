// Required training in a school's progress view: the Required and Due columns, the ?required= filter, sorting
// by them, and the compliance summary (lib/requirements/school-compliance.ts), all held to an oracle worked out
// here in TypeScript with requiredStatus() from the raw rows (requirements, memberships, enrolments). The school
// has its own requirements and its trust's (one course required by both), staff who joined at different dates,
// completions old enough to have expired, a renewal under way, and someone who has left.
import { beforeAll, describe, expect, it } from "vitest";
import { findSchoolProgressScope, findTrustOverview, type SchoolProgressScope, type TrustOverviewScope } from "@/lib/access";
import { db } from "@/lib/db";
import { listSchoolProgress, summariseSchoolProgress, type ProgressRow } from "@/lib/progress/school";
import { trustEnrolmentsSql, type TrustEnrolmentRecord } from "@/lib/progress/sql";
import { parseProgressQuery, type ProgressQuery, type RequiredFilter } from "@/lib/progress/query";
import { OVERDUE_LISTED, summariseSchoolCompliance } from "@/lib/requirements/school-compliance";
import { firstDueOn, isoDateOf, londonDate, requiredStatus, type DueRule, type IsoDate, type RequiredStanding } from "@/lib/requirements/status";
import { makeCourse, makeOrganisation, makeTrust, makeUser, unique } from "./helpers";
import { enrolRequired } from "@/lib/requirements/assign";

const TODAY: IsoDate = "2026-11-30";
const at = (date: string) => new Date(`${date}T10:00:00Z`);

type Oracle = RequiredStanding & { userId: string; courseId: string; name: string; course: string; enrolmentId: string; requiredBy: string[] };

let tag: string;
let school: SchoolProgressScope;
let overview: TrustOverviewScope;
let trustName: string;
let schoolName: string;
let courses: { id: string; title: string }[];
let oracle: Oracle[];
/** Every enrolment of the school's current members: id → (userId, courseId). */
let enrolments: Map<string, { userId: string; courseId: string }>;

// Each person: when they joined, and their state on courses 0 (trust's), 1 (school's), 3 (both): "-" untouched,
// "p" in progress, "d:<date>" completed that day, "r:<date>" a renewal under way after a completion that day.
const people: [joined: string, states: [string, string, string]][] = [
  ["2025-09-01", ["-", "-", "-"]],
  ["2026-11-10", ["-", "p", "-"]],
  ["2026-10-01", ["p", "-", "d:2026-09-20"]],
  ["2026-11-29", ["-", "d:2026-11-01", "-"]],
  ["2026-01-01", ["d:2025-11-01", "-", "d:2024-06-01"]],
  ["2026-01-01", ["d:2026-06-01", "p", "d:2026-06-01"]],
  ["2026-01-01", ["d:2025-12-15", "d:2026-02-01", "r:2025-12-20"]],
  ["2026-03-05", ["r:2026-01-15", "-", "-"]],
  ["2026-03-05", ["-", "-", "p"]],
  ["2026-04-01", ["-", "-", "-"]],
  ["2026-05-01", ["p", "p", "-"]],
  ["2026-06-01", ["-", "-", "-"]],
  ["2026-07-01", ["-", "d:2026-10-01", "-"]],
  ["2026-08-01", ["d:2026-11-20", "d:2026-11-20", "d:2026-11-20"]],
];

beforeAll(async () => {
  tag = unique("c").slice(2);
  const trust = await makeTrust({ name: `Trust ${tag}` });
  const own = await makeOrganisation({ name: `School ${tag}`, trustId: trust.id });
  const sibling = await makeOrganisation({ name: `Sibling ${tag}`, trustId: trust.id });
  await db.organisation.updateMany({ where: { id: { in: [own.id, sibling.id] } }, data: { trustChosenAt: at("2026-01-10") } });
  trustName = trust.name;
  schoolName = own.name;
  const made = [await makeCourse(2, `Alpha ${tag}`), await makeCourse(2, `Bravo ${tag}`), await makeCourse(1, `Charlie ${tag}`), await makeCourse(2, `Delta ${tag}`)];
  courses = made.map((c) => ({ id: c.id, title: c.title }));

  const head = await makeUser(own.id, "ADMINISTRATOR");
  const lead = await makeUser(trust.id, "ADMINISTRATOR");
  const staff = [head];
  for (let i = 1; i < people.length; i++) staff.push(await makeUser(own.id));
  for (const [i, person] of staff.entries()) {
    await db.user.update({ where: { id: person.id }, data: { name: `P${String(i).padStart(2, "0")} ${tag}` } });
    await db.membership.updateMany({ where: { userId: person.id, organisationId: own.id }, data: { createdAt: at(people[i]![0]) } });
  }
  const leaver = await makeUser(own.id);
  const elsewhere = await makeUser(sibling.id);
  await db.membership.updateMany({ where: { userId: { in: [leaver.id, elsewhere.id] } }, data: { createdAt: at("2025-01-01") } });

  // The trust's: Alpha within 30 days, every year; Delta within 60 days, every year. The school's own: Bravo
  // by a date, no renewal; Delta by a date, every two years (so Delta takes the earlier date and one year).
  await db.requirement.createMany({
    data: [
      { organisationId: trust.id, courseId: courses[0]!.id, dueKind: "WITHIN_DAYS", dueDays: 30, renewalYears: 1, createdAt: at("2026-02-01") },
      { organisationId: trust.id, courseId: courses[3]!.id, dueKind: "WITHIN_DAYS", dueDays: 60, renewalYears: 1, createdAt: at("2026-02-01") },
      { organisationId: own.id, courseId: courses[1]!.id, dueKind: "BY_DATE", dueOn: new Date("2027-03-31T00:00:00Z"), renewalYears: null, createdAt: at("2026-03-01") },
      { organisationId: own.id, courseId: courses[3]!.id, dueKind: "BY_DATE", dueOn: new Date("2026-10-01T00:00:00Z"), renewalYears: 2, createdAt: at("2026-03-01") },
    ],
  });
  // Everyone enrolled as the app does after a requirement is set (lib/requirements/assign.ts); Charlie (not
  // required) only some, by hand.
  await enrolRequired({ organisationId: trust.id });
  await enrolRequired({ organisationId: own.id });
  for (const person of staff.slice(0, 5)) await db.enrolment.create({ data: { userId: person.id, courseId: courses[2]!.id, completedLessons: 1, completedAt: at("2026-05-01") } });
  for (const [i, person] of staff.entries()) {
    for (const [k, state] of people[i]![1].entries()) {
      const courseId = courses[[0, 1, 3][k]!]!.id;
      const [kind, date] = state.split(":") as [string, string | undefined];
      if (kind === "-") continue;
      const data =
        kind === "p" ? { completedLessons: 1 }
        : kind === "d" ? { completedLessons: 2, completedAt: at(date!) }
        : { completedLessons: 1, attempt: 2, previousCompletedAt: at(date!), completedAt: null };
      await db.enrolment.update({ where: { userId_courseId: { userId: person.id, courseId } }, data });
    }
  }
  // Overdue everywhere for the leaver and the sibling school's member: neither may count here.
  await db.membership.deleteMany({ where: { userId: leaver.id, organisationId: own.id } });

  school = (await findSchoolProgressScope(head.id, own.id))!;
  overview = (await findTrustOverview(lead.id, trust.id))!;
  expect(overview).not.toBeNull();
  expect(school).not.toBeNull();

  // ---- The oracle, from the raw rows ----
  const schoolRow = await db.organisation.findUniqueOrThrow({ where: { id: own.id } });
  const requirements = await db.requirement.findMany({ where: { organisationId: { in: [own.id, trust.id] } } });
  const members = await db.membership.findMany({ where: { organisationId: own.id }, include: { user: true } });
  const rows = await db.enrolment.findMany({ where: { userId: { in: members.map((m) => m.userId) } }, include: { course: true } });
  enrolments = new Map(rows.map((e) => [e.id, { userId: e.userId, courseId: e.courseId }]));
  oracle = [];
  for (const m of members) {
    for (const courseId of new Set(requirements.map((r) => r.courseId))) {
      const rules = requirements.filter((r) => r.courseId === courseId);
      const dues = rules.map((r) => {
        const rule: DueRule = r.dueKind === "BY_DATE" ? { kind: "BY_DATE", dueOn: isoDateOf(r.dueOn!) } : { kind: "WITHIN_DAYS", days: r.dueDays! };
        const since = r.organisationId === own.id ? r.createdAt : new Date(Math.max(r.createdAt.getTime(), schoolRow.trustChosenAt!.getTime()));
        return firstDueOn(rule, m.createdAt, since);
      });
      const renewals = rules.map((r) => r.renewalYears).filter((y): y is number => y !== null);
      const e = rows.find((x) => x.userId === m.userId && x.courseId === courseId)!;
      const completed = e.completedAt ?? e.previousCompletedAt;
      const standing = requiredStatus(
        { firstDueOn: dues.sort()[0]!, completedOn: completed ? londonDate(completed) : null, renewalYears: renewals.length ? Math.min(...renewals) : null, attempt: e.status },
        TODAY,
      );
      oracle.push({
        ...standing, userId: m.userId, courseId, name: m.user.name, course: e.course.title, enrolmentId: e.id,
        requiredBy: rules.map((r) => r.organisationId).sort((a, b) => Number(a === own.id) - Number(b === own.id)),
      });
    }
  }
});

function query(changes: Partial<ProgressQuery> = {}): ProgressQuery {
  return { ...parseProgressQuery({}, TODAY), size: 200, ...changes };
}

async function rowsOf(changes: Partial<ProgressQuery> = {}): Promise<ProgressRow[]> {
  return (await listSchoolProgress(school, query(changes))).rows;
}

const keeps: Record<RequiredFilter, (o: Oracle) => boolean> = {
  required: () => true,
  OVERDUE: (o) => o.status === "OVERDUE",
  DUE_SOON: (o) => o.status === "DUE_SOON",
  EXPIRED: (o) => o.status === "EXPIRED",
};

describe("the oracle's school", () => {
  it("has every standing, a course required twice, and more overdue than the summary lists", () => {
    for (const status of ["OVERDUE", "EXPIRED", "DUE_SOON", "NOT_STARTED", "IN_PROGRESS", "COMPLETED"]) expect(oracle.some((o) => o.status === status), status).toBe(true);
    expect(oracle.some((o) => o.requiredBy.length === 2)).toBe(true);
    expect(oracle.some((o) => o.status === "DUE_SOON" && o.inDate)).toBe(true); // a renewal due soon is still in date
    expect(oracle.filter((o) => o.status === "OVERDUE").length).toBeGreaterThan(OVERDUE_LISTED);
    expect(oracle).toHaveLength(people.length * 3);
  });
});

describe("the Required and Due columns", () => {
  it("show each enrolment's standing on a required course, and nothing on a course not required", async () => {
    const rows = await rowsOf();
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(enrolments.keys()));
    for (const row of rows) {
      const want = oracle.find((o) => o.enrolmentId === row.id);
      expect({ required: row.required, due: row.due ? isoDateOf(row.due) : null }, row.course).toEqual(want ? { required: want.status, due: want.dueOn } : { required: null, due: null });
    }
    expect(rows.some((r) => r.course === courses[2]!.title && r.required === null)).toBe(true);
  });
});

describe("the trust's every-enrolment export", () => {
  it("carries each school's required standing and due date, worked out at that school, and its Required filter", async () => {
    const order = overview.schools.map((s) => s.schoolId);
    const records = await db.$queryRaw<TrustEnrolmentRecord[]>(trustEnrolmentsSql(overview, order, { today: TODAY }));
    const ours = records.filter((r) => r.schoolName === schoolName);
    expect(ours).toHaveLength(enrolments.size);
    for (const r of ours) {
      const want = oracle.find((o) => o.name === r.name && o.course === r.course);
      expect({ required: r.required, due: r.due ? isoDateOf(r.due) : null }).toEqual(want ? { required: want.status, due: want.dueOn } : { required: null, due: null });
    }
    // The sibling school's member is required the trust's courses there, and is overdue on them.
    expect(records.some((r) => r.schoolName !== schoolName && r.required === "OVERDUE")).toBe(true);
    const overdue = await db.$queryRaw<TrustEnrolmentRecord[]>(trustEnrolmentsSql(overview, order, { today: TODAY, required: "OVERDUE" }));
    expect(overdue.filter((r) => r.schoolName === schoolName)).toHaveLength(oracle.filter((o) => o.status === "OVERDUE").length);
    expect(overdue.every((r) => r.required === "OVERDUE")).toBe(true);
  });
});

describe("the Required training filter", () => {
  it.each(["required", "OVERDUE", "DUE_SOON", "EXPIRED"] as const)("%s: exactly the oracle's rows, alone and with a course, with summary figures for the same rows", async (required) => {
    const want = oracle.filter(keeps[required]);
    expect(want.length).toBeGreaterThan(0);
    expect(new Set((await rowsOf({ required })).map((r) => r.id))).toEqual(new Set(want.map((o) => o.enrolmentId)));
    const summary = await summariseSchoolProgress(school, query({ required }));
    expect(summary).toMatchObject({ enrolments: want.length, staff: new Set(want.map((o) => o.userId)).size });
    for (const course of courses) {
      const forCourse = want.filter((o) => o.courseId === course.id);
      expect(new Set((await rowsOf({ required, course: course.id })).map((r) => r.id))).toEqual(new Set(forCourse.map((o) => o.enrolmentId)));
    }
  });

  it("reads an unknown ?required= value as no filter", async () => {
    const all = (await rowsOf()).map((r) => r.id);
    for (const value of ["completed", "nonsense", "OVERDUE", "not-started"]) {
      const parsed = parseProgressQuery({ required: value }, TODAY);
      expect(parsed.required).toBeUndefined();
      expect((await listSchoolProgress(school, { ...parsed, size: 200 })).rows.map((r) => r.id)).toEqual(all);
    }
  });

  it("reads the standings on the request's date", async () => {
    // A year on, every completion with a renewal has expired and every first due date has passed.
    const later = (await listSchoolProgress(school, { ...parseProgressQuery({ required: "overdue" }, "2028-01-01"), size: 200 })).rows;
    expect(later.length).toBe(oracle.filter((o) => o.dueOn !== null && o.expiresOn === null && o.status !== "COMPLETED").length);
  });
});

const rank = ["OVERDUE", "EXPIRED", "DUE_SOON", "NOT_STARTED", "IN_PROGRESS", "COMPLETED"];

describe("sorting by Required and Due", () => {
  it.each([["required", "asc"], ["required", "desc"], ["due", "asc"], ["due", "desc"]] as const)("by %s %s: worst (or earliest) first, empty last, paged without gaps", async (sort, dir) => {
    const rows = await rowsOf({ sort, dir });
    const keys = rows.map((r) => (sort === "required" ? (r.required === null ? null : rank.indexOf(r.required)) : (r.due?.getTime() ?? null)));
    const filled = keys.filter((k) => k !== null);
    expect(keys.slice(0, filled.length)).toEqual(filled);
    const sorted = [...filled].sort((a, b) => a! - b!);
    expect(filled).toEqual(dir === "asc" ? sorted : sorted.reverse());
    // Three a page, forwards, then the last page and back.
    const seen: string[] = [];
    let page = await listSchoolProgress(school, query({ sort, dir, size: 3 }));
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextCursor) {
      const q = query({ sort, dir, size: 3, after: page.nextCursor });
      page = await listSchoolProgress(school, q);
      expect((await summariseSchoolProgress(school, q)).preceding).toBe(seen.length);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(rows.map((r) => r.id));
    page = await listSchoolProgress(school, query({ sort, dir, size: 3, last: true }));
    const back = [...page.rows.map((r) => r.id)];
    while (page.previousCursor) {
      page = await listSchoolProgress(school, query({ sort, dir, size: 3, before: page.previousCursor }));
      back.unshift(...page.rows.map((r) => r.id));
    }
    expect(back).toEqual(rows.map((r) => r.id));
  });
});

describe("the compliance summary", () => {
  it("counts staff in date on every required course, and per course, as the oracle does", async () => {
    const summary = await summariseSchoolCompliance(school, TODAY);
    const staff = new Set(oracle.map((o) => o.userId));
    const inDateStaff = [...staff].filter((id) => oracle.filter((o) => o.userId === id).every((o) => o.inDate));
    expect(summary.staff).toBe(staff.size);
    expect(summary.staff).toBe(people.length); // the leaver and the sibling school's member are not counted
    expect(summary.inDateStaff).toBe(inDateStaff.length);
    expect(summary.inDateStaff).toBeGreaterThan(0);
    expect(summary.overdue).toBe(oracle.filter((o) => o.status === "OVERDUE").length);

    const required = [courses[0]!, courses[1]!, courses[3]!];
    expect(summary.courses.map((c) => c.title)).toEqual(required.map((c) => c.title));
    for (const course of summary.courses) {
      const of = oracle.filter((o) => o.courseId === course.courseId);
      const count = (status: string) => of.filter((o) => o.status === status).length;
      expect(course).toEqual({
        courseId: course.courseId, title: course.title,
        requiredById: of[0]!.requiredBy[0], requiredByName: of[0]!.requiredBy[0] === school.schoolId ? schoolName : trustName,
        byTrust: of[0]!.requiredBy[0] !== school.schoolId,
        required: of.length, inDate: of.filter((o) => o.inDate).length,
        dueSoon: count("DUE_SOON"), overdue: count("OVERDUE"), expired: count("EXPIRED"), notYetDue: count("NOT_STARTED") + count("IN_PROGRESS"),
      });
    }
    // Required by the trust (Alpha, and Delta which the school also requires), or by the school (Bravo).
    expect(summary.courses.map((c) => c.byTrust)).toEqual([true, false, true]);
  });

  it("names the first overdue people, longest overdue first, and each figure is the count of its filter", async () => {
    const summary = await summariseSchoolCompliance(school, TODAY);
    const overdue = oracle
      .filter((o) => o.status === "OVERDUE")
      .sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : a.dueOn! > b.dueOn! ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.course < b.course ? -1 : 1));
    expect(summary.overduePeople).toEqual(overdue.slice(0, OVERDUE_LISTED).map((o) => ({ userId: o.userId, name: o.name, courseId: o.courseId, course: o.course, dueOn: o.dueOn })));
    for (const course of summary.courses) {
      for (const [filter, figure] of [["OVERDUE", course.overdue], ["DUE_SOON", course.dueSoon], ["EXPIRED", course.expired]] as const) {
        expect((await rowsOf({ required: filter, course: course.courseId })).length).toBe(figure);
      }
    }
  });

  it("is empty for a school nothing is required of", async () => {
    const other = await makeOrganisation({ name: `Plain ${tag}` });
    const head = await makeUser(other.id, "ADMINISTRATOR");
    const scope = (await findSchoolProgressScope(head.id, other.id))!;
    expect(await summariseSchoolCompliance(scope, TODAY)).toEqual({ staff: 0, inDateStaff: 0, overdue: 0, overduePeople: [], courses: [] });
  });
});
