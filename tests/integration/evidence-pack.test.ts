// The evidence pack (PDF) of a school and of a trust, downloaded through the real route handlers (only the
// session is stood in for) and read back as text (tests/pdf-text.ts): names, statuses, dates and counts held to
// what the fixture was built to be, and to the progress view's own figures; who may download it, and the audit.
import { writeFileSync, mkdirSync } from "node:fs";
import { getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pdfText } from "../pdf-text";
import { signInAs } from "./session-stand-in";

vi.mock("@/lib/auth", () => import("./session-stand-in"));

const { NextRequest } = await import("next/server");
const schoolRoute = await import("@/app/(app)/courses/progress/[schoolId]/evidence-pack/route");
const trustRoute = await import("@/app/(app)/courses/overview/[trustId]/evidence-pack/route");
const { findSchoolProgressScope } = await import("@/lib/access");
const { db } = await import("@/lib/db");
const { formatDay } = await import("@/lib/format");
const { NOT_FOUND_MESSAGE } = await import("@/lib/not-found-html");
const { setRequirement } = await import("@/lib/requirements/manage");
const { summariseSchoolCompliance } = await import("@/lib/requirements/school-compliance");
const { addDays, addYears, londonToday } = await import("@/lib/requirements/status");
const { PACK_AUDIT_ACTION } = await import("@/lib/evidence-pack/pack");
const { makeCourse, makeOrganisation, makeTrust, makeUser, unique, userByEmail } = await import("./helpers");

const T = londonToday();
const day = (offset: number) => addDays(T, offset);
const at = (date: string) => new Date(`${date}T12:00:00Z`);
const words = (offset: number) => formatDay(day(offset));
const yearAfter = (offset: number) => formatDay(addYears(day(offset), 1));

let tag: string;
const ids = { trust: "", oldTrust: "", school: "", sibling: "", former: "", lone: "" };
const people = { head: "", lead: "", analyst: "", member: "", siblingHead: "", loneHead: "" };
let names: Record<string, string>;

// Who is who at the school, by name (sorted by name as the pack lists them), and their state on each course.
// Fire safety is the school's own (due by a date 90 days ahead, no renewal); Safeguarding the trust's (within 30
// days of joining, every year). "d:<offset>" completed that many days from today, "p" in progress, "-" untouched.
const staff: [name: string, joined: number, fire: string, safeguarding: string][] = [
  ["Adams", -400, "d:-5", "d:-10"], // the head: in date on both
  ["Brown", -100, "-", "-"], // overdue on Safeguarding; Fire safety not yet due
  ["Clark", -400, "p", "d:-400"], // expired; in progress
  ["Davis", -400, "-", "d:-350"], // renewal due soon (still in date)
  ["Evans", -400, "d:-3", "d:-20"], // in date on both
  ["Frost", -5, "-", "-"], // a newcomer: due soon
];

/** Each member's expected rows, as "name course status due completed until", Fire safety then Safeguarding (by title). */
function expectedRows(): string[] {
  const fire = `Fire safety ${tag}`;
  const safe = `Safeguarding ${tag}`;
  const p = (n: string) => `${n} ${tag}`;
  return [
    `${p("Adams")} ${fire} Completed — ${words(-5)} No expiry`,
    `${p("Adams")} ${safe} Completed — ${words(-10)} ${yearAfter(-10)}`,
    `${p("Brown")} ${fire} Not started ${words(90)} — —`,
    `${p("Brown")} ${safe} Overdue ${words(-70)} — —`,
    `${p("Clark")} ${fire} In progress ${words(90)} — —`,
    `${p("Clark")} ${safe} Expired ${yearAfter(-400)} ${words(-400)} ${yearAfter(-400)}`,
    `${p("Davis")} ${fire} Not started ${words(90)} — —`,
    `${p("Davis")} ${safe} Due soon ${yearAfter(-350)} ${words(-350)} ${yearAfter(-350)}`,
    `${p("Evans")} ${fire} Completed — ${words(-3)} No expiry`,
    `${p("Evans")} ${safe} Completed — ${words(-20)} ${yearAfter(-20)}`,
    `${p("Frost")} ${fire} Not started ${words(90)} — —`,
    `${p("Frost")} ${safe} Due soon ${words(25)} — —`,
  ];
}

beforeAll(async () => {
  tag = unique("ep").slice(3);
  const trust = await makeTrust({ name: `Trust ${tag}` });
  const oldTrust = await makeTrust({ name: `Old trust ${tag}` });
  const school = await makeOrganisation({ name: `School ${tag}`, trustId: trust.id });
  const sibling = await makeOrganisation({ name: `Sibling ${tag}`, trustId: trust.id });
  const former = await makeOrganisation({ name: `Former ${tag}`, trustId: trust.id });
  const lone = await makeOrganisation({ name: `Lone ${tag}` });
  Object.assign(ids, { trust: trust.id, oldTrust: oldTrust.id, school: school.id, sibling: sibling.id, former: former.id, lone: lone.id });

  const members = [];
  for (const [name, joined] of staff) {
    const user = await makeUser(school.id, name === "Adams" ? "ADMINISTRATOR" : "MEMBER");
    await db.user.update({ where: { id: user.id }, data: { name: `${name} ${tag}` } });
    await db.membership.updateMany({ where: { userId: user.id, organisationId: school.id }, data: { createdAt: at(day(joined)) } });
    members.push(user);
  }
  people.head = members[0]!.id;
  people.member = members[1]!.id;
  people.lead = (await makeUser(trust.id, "ADMINISTRATOR")).id;
  people.analyst = (await makeUser(trust.id)).id;
  people.siblingHead = (await makeUser(sibling.id, "ADMINISTRATOR")).id;
  const siblingMember = await makeUser(sibling.id);
  await makeUser(former.id, "ADMINISTRATOR");
  people.loneHead = (await makeUser(lone.id, "ADMINISTRATOR")).id;
  await makeUser(lone.id);
  for (const [key, id, name] of [["lead", people.lead, "Lead"], ["analyst", people.analyst, "Analyst"], ["siblingHead", people.siblingHead, "Sibhead"], ["lone", people.loneHead, "Lonehead"]] as const) {
    void key;
    await db.user.update({ where: { id }, data: { name: `${name} ${tag}` } });
  }
  names = { head: `Adams ${tag}`, lead: `Lead ${tag}`, analyst: `Analyst ${tag}`, siblingHead: `Sibhead ${tag}`, lone: `Lonehead ${tag}` };

  // The trust was chosen 300 days ago by the head (an older trust chosen and left before the period).
  await db.organisation.update({ where: { id: school.id }, data: { urn: `9${tag.replace(/\D/g, "").padEnd(6, "7").slice(0, 6)}`, trustChosenAt: at(day(-300)), trustChosenById: people.head } });
  await db.organisation.update({ where: { id: sibling.id }, data: { trustChosenAt: at(day(-300)) } });
  await db.trustChoiceEvent.createMany({
    data: [
      { schoolId: school.id, trustId: oldTrust.id, action: "CHOSEN", byUserId: people.head, createdAt: at(day(-500)) },
      { schoolId: school.id, trustId: oldTrust.id, action: "REMOVED", byUserId: people.head, createdAt: at(day(-450)) },
      { schoolId: school.id, trustId: trust.id, action: "CHOSEN", byUserId: people.head, createdAt: at(day(-300)) },
    ],
  });
  // A requirement stopped before the period: not in the pack's history.
  await db.auditLog.create({
    data: { actorId: people.head, action: "requirement.removed", organisationId: school.id, before: { course: `Ancient ${tag}`, courseId: school.id, dueKind: "WITHIN_DAYS", dueOn: null, dueDays: 10, renewalYears: null }, createdAt: at(day(-400)) },
  });

  const fire = await makeCourse(2, `Fire safety ${tag}`);
  const safeguarding = await makeCourse(2, `Safeguarding ${tag}`);
  await setRequirement(people.lead, { organisationId: trust.id, courseId: safeguarding.id, dueKind: "WITHIN_DAYS", dueDays: "30", renewal: "1" });
  await setRequirement(people.head, { organisationId: school.id, courseId: fire.id, dueKind: "BY_DATE", dueOn: day(90), renewal: "none" });
  // The rules are older than everyone's joining; a membership change then brings everyone's rows up to date.
  await db.requirement.updateMany({ where: { courseId: { in: [fire.id, safeguarding.id] } }, data: { createdAt: at(day(-600)) } });
  for (const [i, [, joined, ...states]] of staff.entries()) {
    await db.membership.updateMany({ where: { userId: members[i]!.id, organisationId: school.id }, data: { createdAt: at(day(joined)) } });
    for (const [k, state] of states.entries()) {
      const courseId = [fire.id, safeguarding.id][k]!;
      const [kind, offset] = state.split(":");
      if (kind === "-") continue;
      const data = kind === "p" ? { completedLessons: 1 } : { completedLessons: 2, completedAt: at(day(Number(offset))) };
      await db.enrolment.update({ where: { userId_courseId: { userId: members[i]!.id, courseId } }, data });
    }
  }
  await db.membership.updateMany({ where: { userId: siblingMember.id, organisationId: sibling.id }, data: { createdAt: at(day(-100)) } }); // overdue
  await db.membership.updateMany({ where: { userId: people.siblingHead, organisationId: sibling.id }, data: { createdAt: at(day(-1)) } }); // due soon
  // A school that has left the trust since.
  await db.organisation.update({ where: { id: former.id }, data: { trustId: null, trustChosenAt: null } });
});

async function schoolPack(viewer: string | null, schoolId: string) {
  signInAs(viewer);
  return schoolRoute.GET(new NextRequest(`http://schoot.test/courses/progress/${schoolId}/evidence-pack`), { params: Promise.resolve({ schoolId }) });
}

async function trustPack(viewer: string | null, trustId: string) {
  signInAs(viewer);
  return trustRoute.GET(new NextRequest(`http://schoot.test/courses/overview/${trustId}/evidence-pack`), { params: Promise.resolve({ trustId }) });
}

/** The PDF's bytes, kept in /tmp/shots15 to look at, and its text with every run of white space one space. */
async function read(response: Response, file: string) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const bytes = new Uint8Array(await response.arrayBuffer());
  mkdirSync("/tmp/shots15", { recursive: true });
  writeFileSync(`/tmp/shots15/${file}`, bytes);
  const { pages, info } = await pdfText(bytes);
  const flat = (s: string) => s.replace(/\s+/g, " ");
  return { bytes, pages: pages.map(flat), text: flat(pages.join(" ")), info };
}

const auditCount = (organisationId: string) => db.auditLog.count({ where: { action: PACK_AUDIT_ACTION, organisationId } });

describe("a school's evidence pack", () => {
  it("names every member of staff with each required course's status and dates, the counts per course and the headline", async () => {
    const response = await schoolPack(people.lead, ids.school);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="evidence-pack-school-${tag}-${T}.pdf"`);
    const { text, pages, info } = await read(response, "school-pack.pdf");
    expect(info.Title).toBe(`Evidence pack: staff training: School ${tag}`);

    // Every member, in name order, each row as the fixture was made.
    const rows = expectedRows();
    for (const row of rows) expect(text).toContain(row);
    const positions = rows.map((row) => text.indexOf(row));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    // Per course: required by, due rule, renewal, then in date, due soon, overdue, expired, not yet due.
    expect(text).toContain(`Fire safety ${tag} School ${tag} By ${words(90)} No renewal 2 of 6 0 0 0 4`);
    expect(text).toContain(`Safeguarding ${tag} Trust ${tag} Within 30 days of joining Every year 3 of 6 2 1 1 0`);
    expect(text).toContain("2 of 6 staff are in date on every required course");
    // The very figures of the progress view.
    const compliance = await summariseSchoolCompliance((await findSchoolProgressScope(people.lead, ids.school))!, T);
    expect([compliance.inDateStaff, compliance.staff]).toEqual([2, 6]);
    expect(compliance.courses.map((c) => [c.title, c.inDate, c.dueSoon, c.overdue, c.expired, c.notYetDue])).toEqual([
      [`Fire safety ${tag}`, 2, 0, 0, 0, 4],
      [`Safeguarding ${tag}`, 3, 2, 1, 1, 0],
    ]);

    // The cover: URN, who generated it and when, the period, the trust chosen.
    const school = await db.organisation.findUniqueOrThrow({ where: { id: ids.school } });
    expect(text).toContain(`URN ${school.urn}`);
    expect(text).toMatch(new RegExp(`Generated \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} by ${names.lead}`));
    expect(text).toContain(`Period ${formatDay(addDays(addYears(T, -1), 1))} to ${formatDay(T)}`);
    expect(text).toContain(`Multi Academy Trust Trust ${tag}, chosen on ${words(-300)} by ${names.head}`);

    // The requirement changes of the school and of its trust in the period, and nothing before it.
    expect(text).toContain(`${names.lead} required Safeguarding ${tag}: due within 30 days of joining, renewed every year Trust ${tag}`);
    expect(text).toContain(`${names.head} required Fire safety ${tag}: due by ${words(90)}, no renewal School ${tag}`);
    expect(text).not.toContain(`Ancient ${tag}`);

    // Who can see the school's staff training: its Administrator and the trust's, not the trust's Member.
    expect(text).toContain(`${names.head} School ${tag} Administrator of the school`);
    expect(text).toContain(`${names.lead} Trust ${tag} Administrator of the Multi Academy Trust the school chose`);
    expect(text).not.toContain(names.analyst);
    expect(text).not.toContain(names.siblingHead);

    // The trust chosen, and the choices of the period only.
    expect(text).toContain(`School ${tag} chose Trust ${tag} (by ${names.head})`);
    expect(text).not.toContain(`Old trust ${tag}`);

    // Every page: the school's name, the generator and the page number.
    expect(pages.length).toBeGreaterThanOrEqual(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`School ${tag} Evidence pack`);
      expect(page).toContain(`by ${names.lead} Page ${i + 1}`);
    });
  });

  it("records the generation before the first byte, even if the download is abandoned", async () => {
    const before = await auditCount(ids.school);
    const response = await schoolPack(people.head, ids.school);
    expect(response.status).toBe(200);
    expect(await auditCount(ids.school)).toBe(before + 1);
    await response.body!.cancel();
    const row = await db.auditLog.findFirstOrThrow({ where: { action: PACK_AUDIT_ACTION, organisationId: ids.school }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ actorId: people.head, after: { schools: 1 } });
  });

  it("lists staff with no required course, and says when no trust is chosen", async () => {
    const { text } = await read(await schoolPack(people.loneHead, ids.lone), "lone-pack.pdf");
    expect(text).toContain("Nothing is required of this school's staff.");
    expect(text).toContain(`${names.lone} — No required training — — —`);
    expect(text).toContain("Multi Academy Trust No Multi Academy Trust chosen");
    expect(text).toContain("No choices or removals in the period.");
  });
});

describe("a trust's evidence pack", () => {
  it("summarises the schools worst first, then gives each school's section, and leaves out a school that left", async () => {
    const response = await trustPack(people.lead, ids.trust);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="evidence-pack-trust-${tag}-${T}.pdf"`);
    const { text, pages, bytes } = await read(response, "trust-pack.pdf");
    // Sibling: 2 required, none in date (1 overdue, 1 due soon). School: 5 of 12 in date.
    expect(text).toContain(`School Compliance In date on everything Overdue Expired Due soon Sibling ${tag} 0% 0 of 2 staff 1 0 1 School ${tag} 41% 2 of 6 staff 1 1 2`);
    expect(text).not.toContain(`Former ${tag}`);
    expect(pages[0]).toContain(`Trust ${tag} Evidence pack`);

    // Each school's section, worst first, starting on a page of its own with its name as the running title.
    const firstPageOf = (name: string) => pages.findIndex((p) => p.startsWith(`${name} Evidence pack`));
    const sibling = firstPageOf(`Sibling ${tag}`);
    const school = firstPageOf(`School ${tag}`);
    expect(sibling).toBeGreaterThan(0);
    expect(school).toBeGreaterThan(sibling);
    for (const row of expectedRows()) expect(pages.slice(school).join(" ")).toContain(row);
    expect(pages.slice(sibling, school).join(" ")).toContain(`Sibling ${tag} Evidence pack: staff training`);
    expect(pages.slice(sibling, school).join(" ")).not.toContain(`Adams ${tag}`);
    pages.forEach((page, i) => expect(page).toContain(`by ${names.lead} Page ${i + 1}`));

    // An outline entry for the trust and each school, in the same order.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect((await pdf.getOutline()).map((item) => item.title)).toEqual([`Trust ${tag}`, `Sibling ${tag}`, `School ${tag}`]);
    await pdf.loadingTask.destroy();

    const row = await db.auditLog.findFirstOrThrow({ where: { action: PACK_AUDIT_ACTION, organisationId: ids.trust }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ actorId: people.lead, after: { schools: 2 } });
  });
});

describe("a trust's pack read slowly", () => {
  it("asks each school's access again when it comes to it: a school that stops sharing meanwhile is left out", async () => {
    const response = await trustPack(people.lead, ids.trust);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const parts: Uint8Array[] = [(await reader.read()).value!]; // the summary (and at most the first school) drawn
    const chosenAt = at(day(-300));
    await db.organisation.update({ where: { id: ids.school }, data: { trustId: null, trustChosenAt: null } }); // School, drawn last
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
      }
    } finally {
      await db.organisation.update({ where: { id: ids.school }, data: { trustId: ids.trust, trustChosenAt: chosenAt } });
    }
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((offset, part) => (bytes.set(part, offset), offset + part.byteLength), 0);
    const text = (await pdfText(bytes)).text.replace(/\s+/g, " ");
    expect(text).toContain(`School ${tag} Left out: this school's staff training stopped being shared with you through Trust ${tag} while the pack was being generated.`);
    expect(text).not.toContain(`Adams ${tag}`);
    expect(text).toContain(`Sibling ${tag} Evidence pack: staff training`);
  });
});

describe("who may download a pack", () => {
  let elmwoodLead = "";
  let northstar = "";
  let riverside = "";
  beforeAll(async () => {
    elmwoodLead = (await userByEmail("lead@elmwood.example")).id;
    northstar = (await db.organisation.findFirstOrThrow({ where: { name: "Northstar Academy Trust" } })).id;
    riverside = (await db.organisation.findFirstOrThrow({ where: { name: "Riverside Primary Academy" } })).id;
  });

  async function expectNotFound(response: Response, organisationId: string, before: number) {
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(NOT_FOUND_MESSAGE);
    expect(text).not.toContain(tag);
    expect(await auditCount(organisationId)).toBe(before);
  }

  it("answers another trust's lead with not found for Northstar's pack and Riverside's", async () => {
    await expectNotFound(await trustPack(elmwoodLead, northstar), northstar, await auditCount(northstar));
    await expectNotFound(await schoolPack(elmwoodLead, riverside), riverside, await auditCount(riverside));
  });

  it("answers a Member without the permission, an unknown id and another trust's id with not found", async () => {
    await expectNotFound(await trustPack(people.analyst, ids.trust), ids.trust, await auditCount(ids.trust));
    await expectNotFound(await schoolPack(people.member, ids.school), ids.school, await auditCount(ids.school));
    await expectNotFound(await schoolPack(people.siblingHead, ids.school), ids.school, await auditCount(ids.school));
    await expectNotFound(await schoolPack(people.lead, ids.former), ids.former, await auditCount(ids.former));
    await expectNotFound(await trustPack(people.lead, ids.oldTrust), ids.oldTrust, await auditCount(ids.oldTrust));
    await expectNotFound(await trustPack(people.lead, northstar), northstar, await auditCount(northstar));
    await expectNotFound(await trustPack(people.lead, ids.school), ids.school, await auditCount(ids.school));
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      expect((await schoolPack(people.lead, id)).status).toBe(404);
      expect((await trustPack(people.lead, id)).status).toBe(404);
    }
  });

  it("sends a visitor to sign in and back", async () => {
    for (const response of [await schoolPack(null, ids.school), await trustPack(null, ids.trust)]) {
      expect(response.status).toBe(307);
      expect(response.headers.get("location")).toMatch(/\/sign-in\?callbackUrl=%2Fcourses%2F(progress|overview)%2F[0-9a-f-]+%2Fevidence-pack$/);
    }
  });
});

// The demo packs, to look at (tests/integration writes them beside the fixture's).
describe("the demo data's packs", () => {
  it("renders Riverside's and Northstar's for lead@northstar.example", async () => {
    const lead = await userByEmail("lead@northstar.example");
    const northstar = (await db.organisation.findFirstOrThrow({ where: { name: "Northstar Academy Trust" } })).id;
    const riverside = (await db.organisation.findFirstOrThrow({ where: { name: "Riverside Primary Academy" } })).id;
    const school = await read(await schoolPack(lead.id, riverside), "riverside.pdf");
    expect(school.text).toContain(`Generated ${formatDay(londonToday())}`);
    expect(school.text).toContain(`by ${lead.name}`);
    const trust = await read(await trustPack(lead.id, northstar), "northstar.pdf");
    expect(trust.text).toContain("Hillcrest Academy");
    expect(trust.text).toContain("Riverside Primary Academy");
  });
});
