// Required training in the Trust overview: each school's compliance and each required course × school cell,
// held to an oracle worked out here in TypeScript from the raw rows with requiredStatus(), not from the SQL
// function; a school that left the trust and a school of another trust never count; the summary CSV's
// columns; sorting by compliance.
import { describe, expect, it } from "vitest";
import { findTrustOverview } from "@/lib/access";
import { db } from "@/lib/db";
import { exportTrustOverview, summariseSchools, summariseTrustOverview, worstFirst } from "@/lib/progress/overview";
import { addDays, firstDueOn, isoDateOf, londonDate, londonToday, requiredStatus, type DueRule } from "@/lib/requirements/status";
import { compliancePercent, summariseTrustCompliance } from "@/lib/requirements/trust-compliance";
import { removeTrust } from "@/lib/trust";
import { makeCourse, makeOrganisation, makeTrust, makeUser, unique } from "./helpers";
import { enrolRequired } from "@/lib/requirements/assign";

type Tally = { required: number; inDate: number; dueSoon: number; overdue: number; expired: number };
const zero = (): Tally => ({ required: 0, inDate: 0, dueSoon: 0, overdue: 0, expired: 0 });
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** schoolId → courseId → tally, from the rows: memberships, requirements (the school's and its Academies trust's), enrolments. */
async function oracle(schoolIds: string[], today: string) {
  const result = new Map<string, Map<string, Tally>>();
  for (const school of await db.organisation.findMany({ where: { id: { in: schoolIds } }, include: { trust: true } })) {
    const trust = school.trust && school.trust.kind === "TRUST" && school.trust.designation === "ACADEMIES" ? school.trust : null;
    const requirements = await db.requirement.findMany({ where: { organisationId: { in: [school.id, ...(trust ? [trust.id] : [])] } } });
    const members = await db.membership.findMany({ where: { organisationId: school.id } });
    const courses = new Map<string, Tally>();
    for (const courseId of new Set(requirements.map((r) => r.courseId))) {
      const rules = requirements.filter((r) => r.courseId === courseId);
      const renewals = rules.map((r) => r.renewalYears).filter((y): y is number => y !== null);
      const renewalYears = renewals.length ? Math.min(...renewals) : null;
      const tally = zero();
      for (const member of members) {
        const due = rules
          .map((r) => {
            const rule: DueRule = r.dueKind === "BY_DATE" ? { kind: "BY_DATE", dueOn: isoDateOf(r.dueOn!) } : { kind: "WITHIN_DAYS", days: r.dueDays! };
            const since = r.organisationId !== school.id && school.trustChosenAt && school.trustChosenAt > r.createdAt ? school.trustChosenAt : r.createdAt;
            return firstDueOn(rule, member.createdAt, since);
          })
          .sort()[0]!;
        const enrolment = await db.enrolment.findUnique({ where: { userId_courseId: { userId: member.userId, courseId } } });
        const completed = enrolment?.completedAt ?? enrolment?.previousCompletedAt ?? null;
        const standing = requiredStatus({ firstDueOn: due, completedOn: completed ? londonDate(completed) : null, renewalYears, attempt: enrolment?.status ?? null }, today);
        tally.required++;
        if (standing.inDate) tally.inDate++;
        if (standing.status === "DUE_SOON") tally.dueSoon++;
        if (standing.status === "OVERDUE") tally.overdue++;
        if (standing.status === "EXPIRED") tally.expired++;
      }
      if (members.length) courses.set(courseId, tally);
    }
    result.set(school.id, courses);
  }
  return result;
}

/**
 * A trust of four schools (A and B with staff, C that will leave, D with nobody), a trust-wide requirement
 * (within 30 days, renewed every year) and one of A's own by a date; another trust's school with its own.
 */
async function makeFixture() {
  const trust = await makeTrust({ name: unique("Compliance Trust") });
  const school = (n: string) => makeOrganisation({ name: unique(`Compliance ${n}`), trustId: trust.id });
  const [a, b, c, d] = [await school("A"), await school("B"), await school("C"), await school("D")];
  const lead = await makeUser(trust.id, "ADMINISTRATOR");
  const otherTrust = await makeTrust({ name: unique("Compliance Other Trust") });
  const x = await makeOrganisation({ name: unique("Compliance X"), trustId: otherTrust.id });
  const [safeguarding, fire, foreign] = await Promise.all([makeCourse(2, unique("Safeguarding")), makeCourse(2, unique("Fire safety")), makeCourse(2, unique("Foreign course"))]);
  await db.organisation.updateMany({ where: { id: { in: [a.id, b.id, c.id, d.id, x.id] } }, data: { trustChosenAt: daysAgo(800) } });

  const people = { a: [] as string[], b: [] as string[], c: [] as string[], x: [] as string[] };
  const joined = [400, 300, 200, 100, 20, 5]; // days ago
  for (const [key, at, n] of [["a", a, 6], ["b", b, 4], ["c", c, 3], ["x", x, 3]] as const) {
    for (let i = 0; i < n; i++) {
      const user = await makeUser(at.id, i === 0 ? "ADMINISTRATOR" : "MEMBER");
      await db.membership.update({ where: { userId_organisationId: { userId: user.id, organisationId: at.id } }, data: { createdAt: daysAgo(joined[i]!) } });
      people[key].push(user.id);
    }
  }
  const requirement = (organisationId: string, courseId: string, rule: { dueKind: "BY_DATE"; dueOn: Date } | { dueKind: "WITHIN_DAYS"; dueDays: number }, renewalYears: number | null) =>
    db.requirement.create({ data: { organisationId, courseId, ...rule, renewalYears, createdAt: daysAgo(900) } });
  await requirement(trust.id, safeguarding.id, { dueKind: "WITHIN_DAYS", dueDays: 30 }, 1);
  await requirement(a.id, fire.id, { dueKind: "BY_DATE", dueOn: new Date(`${addDays(londonToday(), 10)}T00:00:00Z`) }, null);
  await requirement(x.id, foreign.id, { dueKind: "BY_DATE", dueOn: new Date(`${addDays(londonToday(), -10)}T00:00:00Z`) }, null);
  for (const organisationId of [trust.id, a.id, x.id]) await enrolRequired({ organisationId }); // as the app does after a requirement is set

  // Completions: in date, due for renewal, expired, none; one in progress.
  const complete = (userId: string, courseId: string, daysBack: number) =>
    db.enrolment.update({ where: { userId_courseId: { userId, courseId } }, data: { completedLessons: 2, completedAt: daysAgo(daysBack), lastActivityAt: daysAgo(daysBack) } });
  await complete(people.a[0]!, safeguarding.id, 100);
  await complete(people.a[1]!, safeguarding.id, 350);
  await complete(people.a[2]!, safeguarding.id, 400);
  await complete(people.a[0]!, fire.id, 3);
  await db.enrolment.update({ where: { userId_courseId: { userId: people.a[3]!, courseId: fire.id } }, data: { completedLessons: 1, lastActivityAt: daysAgo(1) } });
  await complete(people.b[0]!, safeguarding.id, 10);
  await complete(people.b[1]!, safeguarding.id, 10);
  await complete(people.b[2]!, safeguarding.id, 10);
  await complete(people.c[0]!, safeguarding.id, 10);
  await complete(people.x[0]!, foreign.id, 10);
  return { trust, a, b, c, d, x, lead, safeguarding, fire, foreign, people };
}

describe("required training in the Trust overview", () => {
  it("gives each school's compliance and each required course × school cell exactly as the rows say, and only for the scope's schools", async () => {
    const f = await makeFixture();
    const today = londonToday();
    const head = await db.membership.findFirstOrThrow({ where: { organisationId: f.c.id, role: "ADMINISTRATOR" } });
    await removeTrust(head.userId, { schoolId: f.c.id });
    const overview = (await findTrustOverview(f.lead.id, f.trust.id))!;
    expect(overview.schools.map((s) => s.schoolId).sort()).toEqual([f.a.id, f.b.id, f.d.id].sort());

    const compliance = await summariseTrustCompliance(overview, today);
    const expected = await oracle([f.a.id, f.b.id, f.d.id], today);
    // Every status the fixture means to show occurs.
    const a = expected.get(f.a.id)!.get(f.safeguarding.id)!;
    expect(a).toEqual({ required: 6, inDate: 2, dueSoon: 3, overdue: 1, expired: 1 }); // due soon: joined 20 and 5 days ago, one due for renewal

    expect(new Set(compliance.courses.map((c) => c.courseId))).toEqual(new Set([f.safeguarding.id, f.fire.id]));
    expect([...compliance.schools.keys()].sort()).toEqual([f.a.id, f.b.id, f.d.id].sort()); // never C (left) nor X (another trust)
    for (const [schoolId, courses] of expected) {
      const total = zero();
      for (const [courseId, tally] of courses) {
        expect(compliance.cells.get(courseId)?.get(schoolId)).toEqual({ ...tally, percent: compliancePercent(tally.inDate, tally.required) });
        for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
      }
      expect(compliance.schools.get(schoolId)).toEqual({ ...total, percent: total.required ? Math.floor((100 * total.inDate) / total.required) : null });
    }
    for (const cells of compliance.cells.values()) {
      expect(cells.has(f.c.id)).toBe(false);
      expect(cells.has(f.x.id)).toBe(false);
      expect(cells.has(f.d.id)).toBe(false); // nobody there
    }
    expect(compliance.cells.get(f.fire.id)!.has(f.b.id)).toBe(false); // A's own requirement only
    expect(compliance.schools.get(f.d.id)!.percent).toBeNull();
    // A: safeguarding 2 of 6 in date (100 and 350 days ago), fire 1 of 6: 3 of 12.
    expect(compliance.schools.get(f.a.id)).toMatchObject({ required: 12, inDate: 3, percent: 25 });
    // B: 3 of 4 in date.
    expect(compliance.schools.get(f.b.id)).toMatchObject({ required: 4, inDate: 3, overdue: 1, percent: 75 });
  });

  it("sorts by compliance worst first with nothing required last, either way, and gives the figures to the page's summary", async () => {
    const f = await makeFixture();
    const overview = (await findTrustOverview(f.lead.id, f.trust.id))!;
    expect((await summariseSchools(overview, "compliance", "asc")).map((s) => s.schoolId)).toEqual([f.a.id, f.c.id, f.b.id, f.d.id]);
    expect((await summariseSchools(overview, "compliance", "desc")).map((s) => s.schoolId)).toEqual([f.b.id, f.c.id, f.a.id, f.d.id]);
    const { schools } = await summariseTrustOverview(overview);
    // C has 3 people: one in date of 3 → 33%; B 75%.
    expect(worstFirst(schools, overview).map((s) => [s.schoolId, s.compliance.percent])).toEqual([[f.a.id, 25], [f.c.id, 33], [f.b.id, 75], [f.d.id, null]]);
    // The default order stays by name.
    expect((await summariseSchools(overview)).map((s) => s.schoolId)).toEqual(overview.schools.map((s) => s.schoolId));
  });

  it("puts compliance in the summary CSV: overall, then per required course its in-date share and overdue count", async () => {
    const f = await makeFixture();
    const overview = (await findTrustOverview(f.lead.id, f.trust.id))!;
    const { csv } = await exportTrustOverview(overview);
    const lines = csv.split("\r\n").filter(Boolean).map((line) => line.split(","));
    const header = lines[0]!;
    expect(header.slice(0, 4)).toEqual(["\uFEFFSchool", "Staff", "Compliance %", "Enrolments"]);
    const tail = header.slice(header.indexOf("Last activity") + 1);
    const titles = [f.fire.title, f.safeguarding.title].sort((p, q) => (p < q ? -1 : 1));
    expect(new Set(tail)).toEqual(new Set(titles.flatMap((t) => [`${t}: % in date`, `${t}: overdue`])));
    const row = (schoolId: string) => lines.find((l) => l[0] === overview.schools.find((s) => s.schoolId === schoolId)!.schoolName)!;
    const col = (name: string) => header.indexOf(name);
    expect(row(f.a.id)[col("Compliance %")]).toBe("25");
    expect(row(f.b.id)[col("Compliance %")]).toBe("75");
    expect(row(f.d.id)[col("Compliance %")]).toBe("");
    expect(row(f.a.id)[col(`${f.safeguarding.title}: % in date`)]).toBe("33");
    expect(row(f.a.id)[col(`${f.safeguarding.title}: overdue`)]).toBe("1");
    expect(row(f.a.id)[col(`${f.fire.title}: % in date`)]).toBe("16");
    expect(row(f.b.id)[col(`${f.fire.title}: % in date`)]).toBe(""); // not required at B
    expect(row(f.b.id)[col(`${f.safeguarding.title}: overdue`)]).toBe("1");
    expect(csv).not.toContain(f.foreign.title);
    expect(csv).not.toContain(f.x.name);
  });
});
