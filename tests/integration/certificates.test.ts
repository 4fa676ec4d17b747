// Certificates (lib/certificates): downloaded through the real route handler (only the session is stood in
// for), read back as text, and checked at /verify's function, on a real database.
import { mkdirSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pdfText, isPdf } from "../pdf-text";
import { signInAs } from "./session-stand-in";

vi.mock("@/lib/auth", () => import("./session-stand-in"));

const { NextRequest } = await import("next/server");
const { GET } = await import("@/app/certificates/[enrolmentId]/[attempt]/route");
const { db } = await import("@/lib/db");
const { completeLesson, enrolOnCourse } = await import("@/lib/courses");
const { enrolRequired } = await import("@/lib/requirements/assign");
const { startRenewal } = await import("@/lib/requirements/renewal");
const { addYears, londonDate, londonToday } = await import("@/lib/requirements/status");
const { formatDate, formatDay } = await import("@/lib/format");
const { newCode, printedCode } = await import("@/lib/certificates/code");
const { verifyCertificate } = await import("@/lib/certificates/verify");
const { NOT_FOUND_MESSAGE } = await import("@/lib/not-found-html");
const { makeCourse, makeOrganisation, makeTrust, makeUser, unique } = await import("./helpers");

const DAY = 24 * 60 * 60 * 1000;

async function call(userId: string | null, enrolmentId: string, attempt: string | number, school?: string) {
  signInAs(userId);
  const search = school ? `?school=${school}` : "";
  return GET(new NextRequest(`http://schoot.test/certificates/${enrolmentId}/${attempt}${search}`), {
    params: Promise.resolve({ enrolmentId, attempt: String(attempt) }),
  });
}

async function textOf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(isPdf(bytes)).toBe(true);
  return { bytes, ...(await pdfText(bytes)) };
}

async function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(await response.text()).toContain(NOT_FOUND_MESSAGE);
}

/** A member who completed a two-lesson course `daysAgo` days ago; required by the school with `renewalYears` when given. */
async function completed(school: { id: string }, person: { id: string }, { daysAgo, renewalYears }: { daysAgo: number; renewalYears?: number | null }) {
  const course = await makeCourse(2, unique("Cert required course"));
  if (renewalYears !== undefined) {
    await db.requirement.create({ data: { organisationId: school.id, courseId: course.id, dueKind: "WITHIN_DAYS", dueDays: 30, renewalYears } });
    await enrolRequired({ organisationId: school.id });
  } else {
    await enrolOnCourse(person.id, course.slug);
  }
  await completeLesson(person.id, course.slug, 1);
  await completeLesson(person.id, course.slug, 2);
  const completedAt = new Date(Date.now() - daysAgo * DAY);
  const enrolment = await db.enrolment.update({
    where: { userId_courseId: { userId: person.id, courseId: course.id } },
    data: { completedAt, attemptStartedAt: new Date(completedAt.getTime() - DAY) },
  });
  return { course, enrolment, completedAt };
}

let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const trust = await makeTrust({ name: unique("Cert Trust") });
  const school = await makeOrganisation({ name: unique("Cert School"), trustId: trust.id });
  const otherTrust = await makeTrust({ name: unique("Other Cert Trust") });
  const otherSchool = await makeOrganisation({ name: unique("Other Cert School"), trustId: otherTrust.id });
  const person = await makeUser(school.id);
  await db.user.update({ where: { id: person.id }, data: { name: `Teacher ${unique("Ada")}` } });
  const head = await makeUser(school.id, "ADMINISTRATOR");
  const colleague = await makeUser(school.id);
  const lead = await makeUser(trust.id, "ADMINISTRATOR");
  const otherHead = await makeUser(otherSchool.id, "ADMINISTRATOR");
  const otherLead = await makeUser(otherTrust.id, "ADMINISTRATOR");
  const required = await completed(school, person, { daysAgo: 100, renewalYears: 1 });
  const plain = await completed(school, person, { daysAgo: 10 });
  const started = await makeCourse(3, unique("Cert unfinished course"));
  await enrolOnCourse(person.id, started.slug);
  await completeLesson(person.id, started.slug, 1);
  const unfinished = await db.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId: person.id, courseId: started.id } } });
  return { trust, school, otherTrust, otherSchool, person: (await db.user.findUniqueOrThrow({ where: { id: person.id } })), head, colleague, lead, otherHead, otherLead, required, plain, unfinished };
}

beforeAll(async () => {
  w = await world();
});

const appUrl = () => (process.env.APP_URL ?? "http://schoot.test").replace(/\/+$/, "");

describe("the person's own certificate", () => {
  it("prints their name, the course, the completion date, the school, the expiry and the code that verifies it", async () => {
    const response = await call(w.person.id, w.required.enrolment.id, 1);
    const { bytes, text, pages, info } = await textOf(response);
    expect(pages).toHaveLength(1);
    const row = await db.certificate.findFirstOrThrow({ where: { enrolmentId: w.required.enrolment.id, attempt: 1, revokedAt: null } });
    const expiresOn = addYears(londonDate(w.required.completedAt), 1);
    expect(text).toContain("Certificate of completion");
    expect(text).toContain(w.person.name);
    expect(text).toContain(w.required.course.title);
    expect(text).toContain(`Completed on ${formatDate(w.required.completedAt)}`);
    expect(text).toContain(`In date until ${formatDay(expiresOn)}`);
    expect(text).toContain(w.school.name);
    expect(text).toContain(printedCode(row.code));
    expect(text).toContain(`${appUrl()}/verify/${printedCode(row.code)}`);
    expect(text).not.toContain("Renewal, attempt");
    expect(info.Title).toBe(`Certificate: ${w.required.course.title} — ${w.person.name}`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="certificate-${w.required.course.slug}-${w.person.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-1.pdf"`);
    expect(row).toMatchObject({ userId: w.person.id, organisationId: w.school.id, personName: w.person.name, courseTitle: w.required.course.title, organisationName: w.school.name, issuedById: w.person.id });
    expect(row.completedAt.getTime()).toBe(w.required.completedAt.getTime());
    const audit = await db.auditLog.findMany({ where: { action: "certificate.issue", targetId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: w.person.id, organisationId: w.school.id });
    mkdirSync("/tmp/shots15", { recursive: true });
    writeFileSync("/tmp/shots15/certificate.pdf", bytes);

    // A second download reuses it: same code, no new row, no new audit row.
    const again = await textOf(await call(w.person.id, w.required.enrolment.id, 1));
    expect(again.text).toContain(printedCode(row.code));
    expect(await db.certificate.count({ where: { enrolmentId: w.required.enrolment.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "certificate.issue", targetId: row.id } })).toBe(1);
  });

  it("has no expiry for a course nobody requires with a renewal", async () => {
    const { text } = await textOf(await call(w.person.id, w.plain.enrolment.id, 1));
    expect(text).toContain(w.plain.course.title);
    expect(text).toContain(`Completed on ${formatDate(w.plain.completedAt)}`);
    expect(text).not.toContain("In date until");
    const row = await db.certificate.findFirstOrThrow({ where: { enrolmentId: w.plain.enrolment.id } });
    expect(row.expiresOn).toBeNull();
    expect(await verifyCertificate(row.code)).toMatchObject({ status: "valid", facts: { expiresOn: null } });
  });

  it("of an earlier attempt keeps that attempt's completion date; the renewal's own certificate comes once it is completed", async () => {
    const person = await makeUser(w.school.id);
    const first = await completed(w.school, person, { daysAgo: 350, renewalYears: 1 });
    expect((await startRenewal(person.id, first.course.slug)).started).toBe(true);
    await expectNotFound(await call(person.id, first.enrolment.id, 2)); // the renewal is not completed yet
    const earlier = await textOf(await call(person.id, first.enrolment.id, 1));
    expect(earlier.text).toContain(`Completed on ${formatDate(first.completedAt)}`);
    expect(earlier.text).toContain(`In date until ${formatDay(addYears(londonDate(first.completedAt), 1))}`);

    await completeLesson(person.id, first.course.slug, 1);
    await completeLesson(person.id, first.course.slug, 2);
    const { completedAt } = await db.enrolment.findUniqueOrThrow({ where: { id: first.enrolment.id } });
    const renewal = await textOf(await call(person.id, first.enrolment.id, 2));
    expect(renewal.text).toContain(`Completed on ${formatDate(completedAt)}`);
    expect(renewal.text).toContain("Renewal, attempt 2");
    expect(renewal.text).toContain(`In date until ${formatDay(addYears(londonDate(completedAt!), 1))}`);
    const codes = await db.certificate.findMany({ where: { enrolmentId: first.enrolment.id }, select: { attempt: true, code: true } });
    expect(codes.map((c) => c.attempt).sort()).toEqual([1, 2]);
    expect(new Set(codes.map((c) => c.code)).size).toBe(2);
  });
});

describe("which school a certificate names", () => {
  it("without one named, a school that requires the course (its expiry printed), not the organisation the person is working in", async () => {
    const person = await makeUser(w.school.id);
    await db.membership.create({ data: { userId: person.id, organisationId: w.trust.id } }); // also on the trust's central team
    await db.user.update({ where: { id: person.id }, data: { currentOrganisationId: w.trust.id, name: `Ann\u202Eeel\u202C Lee\n${unique("x")}` } });
    const { enrolment, completedAt, course } = await completed(w.school, person, { daysAgo: 30, renewalYears: 2 });
    const { text } = await textOf(await call(person.id, enrolment.id, 1));
    expect(text).toContain(w.school.name);
    expect(text).not.toContain(w.trust.name);
    expect(text).toContain(`In date until ${formatDay(addYears(londonDate(completedAt), 2))}`);
    expect(text).toContain(course.title);
    // Control characters and direction marks print as spaces: the name reads as typed, never reversed.
    expect(text).toMatch(/Ann eel Lee x/);
  });
});

describe("who may download it", () => {
  it("the school's head and the MAT lead of its trust, from the school's progress view (?school=): the same certificate", async () => {
    const own = await db.certificate.findFirstOrThrow({ where: { enrolmentId: w.required.enrolment.id, attempt: 1, revokedAt: null } });
    for (const viewer of [w.head, w.lead]) {
      const { text } = await textOf(await call(viewer.id, w.required.enrolment.id, 1, w.school.id));
      expect(text).toContain(w.person.name);
      expect(text).toContain(printedCode(own.code));
    }
    expect(await db.certificate.count({ where: { enrolmentId: w.required.enrolment.id, revokedAt: null } })).toBe(1);
  });

  it("nobody else, for every URL shape: the same not found as an unknown enrolment", async () => {
    const e = w.required.enrolment.id;
    const shapes: [string, string | undefined][] = [[e, undefined], [e, w.school.id], [e, w.otherSchool.id], [e, w.trust.id]];
    const refused = [
      ["lead of another trust", w.otherLead.id],
      ["head of another school", w.otherHead.id],
      ["colleague without the permission", w.colleague.id],
    ] as const;
    for (const [, viewer] of refused) for (const [id, school] of shapes) await expectNotFound(await call(viewer, id, 1, school));
    // The head and the lead need the school named; a school the person is not in is refused, even to the person.
    await expectNotFound(await call(w.head.id, e, 1));
    await expectNotFound(await call(w.lead.id, e, 1));
    await expectNotFound(await call(w.lead.id, e, 1, w.trust.id));
    await expectNotFound(await call(w.person.id, e, 1, w.otherSchool.id));
    await expectNotFound(await call(w.otherHead.id, e, 1, w.otherSchool.id));
    // Unknown, uncompleted, malformed.
    await expectNotFound(await call(w.person.id, randomUUID(), 1));
    await expectNotFound(await call(w.head.id, randomUUID(), 1, w.school.id));
    await expectNotFound(await call(w.person.id, w.unfinished.id, 1));
    await expectNotFound(await call(w.head.id, w.unfinished.id, 1, w.school.id));
    await expectNotFound(await call(w.person.id, e, 2));
    await expectNotFound(await call(w.person.id, e, 0));
    await expectNotFound(await call(w.person.id, e, "one"));
    await expectNotFound(await call(w.person.id, "not-a-uuid", 1));
    await expectNotFound(await call(w.person.id, e, 1, "not-a-uuid"));
    // None of these issued anything.
    expect(await db.certificate.count({ where: { enrolmentId: { in: [w.unfinished.id] } } })).toBe(0);
    expect(await db.certificate.count({ where: { enrolmentId: e, organisationId: { not: w.school.id } } })).toBe(0);
  });

  it("a visitor is sent to sign in, and comes back to the same download", async () => {
    const response = await call(null, w.required.enrolment.id, 1, w.school.id);
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe(`/certificates/${w.required.enrolment.id}/1?school=${w.school.id}`);
  });
});

describe("issuing", () => {
  it("concurrent downloads issue one certificate", async () => {
    const person = await makeUser(w.school.id);
    const { enrolment } = await completed(w.school, person, { daysAgo: 5 });
    const texts = await Promise.all(Array.from({ length: 6 }, () => call(person.id, enrolment.id, 1).then(textOf)));
    const rows = await db.certificate.findMany({ where: { enrolmentId: enrolment.id } });
    expect(rows).toHaveLength(1);
    for (const { text } of texts) expect(text).toContain(printedCode(rows[0]!.code));
    expect(await db.auditLog.count({ where: { action: "certificate.issue", targetId: rows[0]!.id } })).toBe(1);
  });

  it("a corrected name revokes the old certificate and issues a new one; the old code then verifies as revoked", async () => {
    const person = await makeUser(w.school.id);
    const { enrolment } = await completed(w.school, person, { daysAgo: 20 });
    await textOf(await call(person.id, enrolment.id, 1));
    const old = await db.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } });
    await db.user.update({ where: { id: person.id }, data: { name: "Corrected Name" } });
    const { text } = await textOf(await call(person.id, enrolment.id, 1));
    expect(text).toContain("Corrected Name");
    const rows = await db.certificate.findMany({ where: { enrolmentId: enrolment.id }, orderBy: { issuedAt: "asc" } });
    expect(rows).toHaveLength(2);
    const [revoked, current] = rows;
    expect(revoked!.id).toBe(old.id);
    expect(revoked!.revokedAt).not.toBeNull();
    expect(current!.revokedAt).toBeNull();
    expect(text).toContain(printedCode(current!.code));
    const check = await verifyCertificate(old.code);
    expect(check).toMatchObject({ status: "revoked", reason: `Replaced by a newer certificate issued ${formatDate(new Date())}`, facts: { personName: old.personName } });
    expect(await verifyCertificate(current!.code)).toMatchObject({ status: "valid", facts: { personName: "Corrected Name" } });
  });
});

describe("verification", () => {
  it("a genuine, in-date certificate: the facts as printed, found from the code as a person types it", async () => {
    const row = await db.certificate.findFirstOrThrow({ where: { enrolmentId: w.required.enrolment.id, attempt: 1, revokedAt: null } });
    const typed = printedCode(row.code).toLowerCase().replace(/-/g, " ");
    expect(await verifyCertificate(typed)).toEqual({
      status: "valid",
      facts: {
        code: printedCode(row.code),
        personName: w.person.name,
        courseTitle: w.required.course.title,
        organisationName: w.school.name,
        completedAt: w.required.completedAt,
        expiresOn: addYears(londonDate(w.required.completedAt), 1),
        attempt: 1,
      },
    });
  });

  it("a genuine certificate whose training has expired (completed more than the renewal period ago)", async () => {
    const person = await makeUser(w.school.id);
    const { enrolment, completedAt } = await completed(w.school, person, { daysAgo: 400, renewalYears: 1 });
    await textOf(await call(person.id, enrolment.id, 1));
    const row = await db.certificate.findFirstOrThrow({ where: { enrolmentId: enrolment.id } });
    const expiresOn = addYears(londonDate(completedAt), 1);
    expect(expiresOn < londonToday()).toBe(true);
    expect(await verifyCertificate(row.code)).toMatchObject({ status: "expired", facts: { expiresOn } });
    // The same certificate was in date the day it expired, and not the day after.
    expect((await verifyCertificate(row.code, expiresOn)).status).toBe("valid");
  });

  it("a forged code of the right shape, and a malformed one, are not recognised", async () => {
    expect(await verifyCertificate(newCode())).toEqual({ status: "unknown" });
    expect(await verifyCertificate("hello")).toEqual({ status: "unknown" });
    expect(await verifyCertificate("")).toEqual({ status: "unknown" });
  });

  it("a certificate whose enrolment was removed, or whose completion changed, is no longer on record", async () => {
    const person = await makeUser(w.school.id);
    const a = await completed(w.school, person, { daysAgo: 30 });
    const b = await completed(w.school, person, { daysAgo: 40 });
    await textOf(await call(person.id, a.enrolment.id, 1));
    await textOf(await call(person.id, b.enrolment.id, 1));
    const [certA, certB] = await Promise.all([a, b].map((x) => db.certificate.findFirstOrThrow({ where: { enrolmentId: x.enrolment.id } })));
    expect((await verifyCertificate(certA!.code)).status).toBe("valid");
    await db.enrolment.delete({ where: { id: a.enrolment.id } });
    expect(await verifyCertificate(certA!.code)).toMatchObject({ status: "gone", facts: { personName: person.name } });
    await db.enrolment.update({ where: { id: b.enrolment.id }, data: { completedAt: new Date() } });
    expect((await verifyCertificate(certB!.code)).status).toBe("gone");
  });
});
