// Required training's rules, on a real PostgreSQL: a school's and a trust's requirements, each change and its
// audit row in one transaction, who is then required to do what (required_training) and enrolled (the
// triggers), a school leaving its trust, the refusals, and the access rule left exactly as it was.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", () => ({ getViewer: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { z } = await import("zod");
const { findSchoolProgressScope, listProgressScopes } = await import("@/lib/access");
const { removeColleague } = await import("@/lib/colleagues");
const { db } = await import("@/lib/db");
const { ActionError, NotFoundError } = await import("@/lib/errors");
const { addDays, addYears, londonToday } = await import("@/lib/requirements/status");
const { requiredTrainingOf } = await import("@/lib/requirements/sql");
const { enrolRequired } = await import("@/lib/requirements/assign");
const manage = await import("@/lib/requirements/manage");
const { removeTrust } = await import("@/lib/trust");
const { makeCourse, makeOrganisation, makeTrust, makeUser, scopeAs } = await import("./helpers");

const { listRequirableCourses, listRequirementHistory, listRequirements, removeRequirement, RequirementFieldError, setRequirement, setRequirementInput } = manage;

type Rule = { dueKind?: "BY_DATE" | "WITHIN_DAYS"; dueOn?: string; dueDays?: string; renewal?: string };

/** The form's fields, as the action hands them on once zod has read them. */
function input(organisationId: string, courseId: string, rule: Rule = {}) {
  return setRequirementInput.parse({ organisationId, courseId, dueKind: "WITHIN_DAYS", dueDays: "30", renewal: "none", ...rule });
}

type TrainingRow = { userId: string; courseId: string; requiredBy: string[]; dueOn: string | null; status: string };

/** required_training() for one school, today. */
async function trainingOf(schoolId: string): Promise<TrainingRow[]> {
  return db.$queryRaw<TrainingRow[]>`
    SELECT "userId"::text, "courseId"::text, "requiredBy"::text[] AS "requiredBy", "dueOn"::text AS "dueOn", status::text AS status
      FROM ${requiredTrainingOf([schoolId], londonToday())}
     ORDER BY "userId", "courseId"`;
}

const enrolled = (userId: string, courseId: string) => db.enrolment.count({ where: { userId, courseId } });
const requirementAudit = (organisationId: string) =>
  db.auditLog.findMany({ where: { organisationId, action: { startsWith: "requirement." } }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });

async function schoolWithStaff(options: { trustId?: string } = {}) {
  const school = await makeOrganisation({ trustId: options.trustId });
  const head = await makeUser(school.id, "ADMINISTRATOR");
  const teacher = await makeUser(school.id, "MEMBER");
  return { school, head, teacher };
}

describe("a school's requirement", () => {
  it("is set, changed and removed, each with its audit row, and retold as history newest first", async () => {
    const { school, head, teacher } = await schoolWithStaff();
    const course = await makeCourse(2);

    const set = await setRequirement(head.id, input(school.id, course.id));
    expect(set).toEqual({ changed: true, created: true, course: course.title });
    expect(await enrolled(teacher.id, course.id)).toBe(1);
    expect(await enrolled(head.id, course.id)).toBe(1);
    const rows = await trainingOf(school.id);
    expect(rows.map((r) => r.userId).sort()).toEqual([head.id, teacher.id].sort());
    // Due in 30 days is already within the 30 days of "Due soon".
    const due30 = { courseId: course.id, requiredBy: [school.id], dueOn: addDays(londonToday(), 30), status: "DUE_SOON" };
    expect(rows).toEqual(expect.arrayContaining([{ userId: head.id, ...due30 }, { userId: teacher.id, ...due30 }]));

    // The same rule again changes nothing and writes nothing.
    expect(await setRequirement(head.id, input(school.id, course.id))).toEqual({ changed: false, created: false, course: course.title });
    expect(await requirementAudit(school.id)).toHaveLength(1);

    const dueOn = addDays(londonToday(), 10);
    expect(await setRequirement(head.id, input(school.id, course.id, { dueKind: "BY_DATE", dueOn, renewal: "1" }))).toEqual({ changed: true, created: false, course: course.title });
    const [requirement] = await listRequirements(await scopeAs(school.id, "MEMBER"));
    expect(requirement).toMatchObject({ own: true, rule: { kind: "BY_DATE", dueOn }, renewalYears: 1, requiredBy: { id: school.id } });
    expect((await trainingOf(school.id)).map((r) => [r.dueOn, r.status])).toEqual([[dueOn, "DUE_SOON"], [dueOn, "DUE_SOON"]]);

    expect(await removeRequirement(head.id, { organisationId: school.id, requirementId: requirement!.id })).toEqual({ course: course.title });
    expect(await listRequirements(await scopeAs(school.id))).toEqual([]);
    expect(await trainingOf(school.id)).toEqual([]);
    // The enrolments (and whatever progress they hold) stay.
    expect(await enrolled(teacher.id, course.id)).toBe(1);

    const audit = await requirementAudit(school.id);
    expect(audit.map((a) => a.action)).toEqual(["requirement.set", "requirement.changed", "requirement.removed"]);
    expect(audit.every((a) => a.actorId === head.id)).toBe(true);
    expect(audit[1]!.before).toMatchObject({ dueKind: "WITHIN_DAYS", dueDays: 30, renewalYears: null });
    expect(audit[1]!.after).toMatchObject({ dueKind: "BY_DATE", dueOn, renewalYears: 1 });

    const history = await listRequirementHistory(await scopeAs(school.id, "MEMBER"));
    const due = manage.describeDueRule({ kind: "BY_DATE", dueOn }).replace(/^Due/, "due");
    expect(history.map((h) => h.sentence)).toEqual([
      `${head.name} stopped requiring ${course.title}`,
      `${head.name} changed ${course.title} to ${due}, renewed every year (was due within 30 days of joining, no renewal)`,
      `${head.name} required ${course.title}: due within 30 days of joining, no renewal`,
    ]);
    expect(history.every((h) => h.organisationName === school.name)).toBe(true);
  });

  it("writes neither the requirement nor its enrolments when the audit row cannot be written (one transaction)", async () => {
    const { school, head, teacher } = await schoolWithStaff();
    const course = await makeCourse(1);
    // A stand-in failure of the audit insert for this school alone, after the requirement's insert (and its trigger) ran.
    const fn = `fail_audit_${school.id.replace(/-/g, "")}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${fn} BEFORE INSERT ON "AuditLog" FOR EACH ROW WHEN (NEW."organisationId" = '${school.id}'::uuid) EXECUTE FUNCTION ${fn}()`);
    try {
      await expect(setRequirement(head.id, input(school.id, course.id))).rejects.toThrow(/audit refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "AuditLog"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    expect(await db.requirement.count({ where: { organisationId: school.id } })).toBe(0);
    expect(await enrolled(teacher.id, course.id)).toBe(0);
    expect(await requirementAudit(school.id)).toEqual([]);

    // And with the audit back, the same change goes through whole.
    await setRequirement(head.id, input(school.id, course.id));
    expect(await db.requirement.count({ where: { organisationId: school.id } })).toBe(1);
    expect(await requirementAudit(school.id)).toHaveLength(1);
  });
});

describe("a trust's requirement", () => {
  it("applies to every school that chose the trust, enrols their staff, and is shown to the school as the trust's", async () => {
    const trust = await makeTrust();
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const a = await schoolWithStaff({ trustId: trust.id });
    const b = await schoolWithStaff({ trustId: trust.id });
    const elsewhere = await schoolWithStaff();
    const course = await makeCourse(1);

    await setRequirement(lead.id, input(trust.id, course.id, { renewal: "1" }));
    for (const { school, head, teacher } of [a, b]) {
      const rows = await trainingOf(school.id);
      expect(rows.map((r) => r.userId).sort()).toEqual([head.id, teacher.id].sort());
      expect(rows.every((r) => r.courseId === course.id && r.requiredBy[0] === trust.id)).toBe(true);
      expect(await enrolled(teacher.id, course.id)).toBe(1);
      const [view] = await listRequirements(await scopeAs(school.id, "MEMBER"));
      expect(view).toMatchObject({ own: false, requiredBy: { id: trust.id, name: trust.name } });
    }
    // The trust's own staff (its central team) are not a school's staff; a school that did not choose it is untouched.
    expect(await enrolled(lead.id, course.id)).toBe(0);
    expect(await trainingOf(elsewhere.school.id)).toEqual([]);
    expect(await enrolled(elsewhere.teacher.id, course.id)).toBe(0);

    // The school sees the trust's change in its history; the course is no longer on offer to it.
    expect((await listRequirementHistory(await scopeAs(a.school.id))).map((h) => [h.sentence, h.organisationName])).toEqual([
      [`${lead.name} required ${course.title}: due within 30 days of joining, renewed every year`, trust.name],
    ]);
    expect((await listRequirableCourses(await scopeAs(a.school.id))).some((c) => c.id === course.id)).toBe(false);
    expect((await listRequirableCourses(await scopeAs(elsewhere.school.id))).some((c) => c.id === course.id)).toBe(true);
  });

  it("stops applying to a school from the moment it leaves the trust, keeping the history and the enrolments", async () => {
    const trust = await makeTrust();
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const { school, head, teacher } = await schoolWithStaff({ trustId: trust.id });
    const course = await makeCourse(2);
    await setRequirement(lead.id, input(trust.id, course.id));
    const enrolment = await db.enrolment.findUniqueOrThrow({ where: { userId_courseId: { userId: teacher.id, courseId: course.id } }, include: { course: { include: { lessons: true } } } });
    await db.lessonCompletion.create({ data: { enrolmentId: enrolment.id, lessonId: enrolment.course.lessons[0]!.id } });
    const before = await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } });

    await removeTrust(head.id, { schoolId: school.id });
    expect(await trainingOf(school.id)).toEqual([]);
    expect(await listRequirements(await scopeAs(school.id))).toEqual([]);
    expect(await db.enrolment.findUniqueOrThrow({ where: { id: enrolment.id } })).toEqual(before);
    expect(await db.lessonCompletion.count({ where: { enrolmentId: enrolment.id } })).toBe(1);
    expect(await requirementAudit(trust.id)).toHaveLength(1);
    expect((await listRequirementHistory(await scopeAs(trust.id))).map((h) => h.action)).toEqual(["requirement.set"]);
    // The school keeps the trust's change in its history; what the trust changes after the school left is not the school's.
    await setRequirement(lead.id, input(trust.id, course.id, { dueDays: "60" }));
    expect((await listRequirementHistory(await scopeAs(school.id))).map((h) => [h.action, h.organisationName])).toEqual([["requirement.set", trust.name]]);
    // The school can now require the course itself.
    expect((await listRequirableCourses(await scopeAs(school.id))).some((c) => c.id === course.id)).toBe(true);
    await setRequirement(head.id, input(school.id, course.id));
    expect((await trainingOf(school.id)).every((r) => r.requiredBy.length === 1 && r.requiredBy[0] === school.id)).toBe(true);
  });

  it("is refused to a trust not designated Academies, and a designated trust's stop applying when its designation changes away", async () => {
    const notAcademies = await makeTrust({ designation: "LOCAL_AUTHORITY_MAINTAINED" });
    const laLead = await makeUser(notAcademies.id, "ADMINISTRATOR");
    const laSchool = await schoolWithStaff({ trustId: notAcademies.id });
    const course = await makeCourse(1);
    await expect(setRequirement(laLead.id, input(notAcademies.id, course.id))).rejects.toThrow(/Only a trust designated Academies sets training for its schools/);
    expect(await db.requirement.count({ where: { organisationId: notAcademies.id } })).toBe(0);
    expect(await requirementAudit(notAcademies.id)).toEqual([]);
    expect(await enrolled(laSchool.teacher.id, course.id)).toBe(0);
    expect(await manage.getRequirementSetting(await scopeAs(notAcademies.id))).toEqual({ kind: "TRUST", setsRequirements: false, trust: null });

    const trust = await makeTrust();
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const { school } = await schoolWithStaff({ trustId: trust.id });
    await setRequirement(lead.id, input(trust.id, course.id));
    expect(await trainingOf(school.id)).toHaveLength(2);
    expect((await manage.getRequirementSetting(await scopeAs(school.id))).trust).toEqual({ id: trust.id, name: trust.name });

    await db.organisation.update({ where: { id: trust.id }, data: { designation: "INDEPENDENT" } }); // as support would
    expect(await trainingOf(school.id)).toEqual([]);
    expect(await listRequirements(await scopeAs(school.id))).toEqual([]);
    expect((await manage.getRequirementSetting(await scopeAs(school.id))).trust).toBeNull();
    // The trust keeps its rows (they apply again if it is designated Academies again) but cannot change them meanwhile.
    const [own] = await listRequirements(await scopeAs(trust.id));
    await expect(removeRequirement(lead.id, { organisationId: trust.id, requirementId: own!.id })).rejects.toThrow(/Only a trust designated Academies/);
    await db.organisation.update({ where: { id: trust.id }, data: { designation: "ACADEMIES" } });
    expect(await trainingOf(school.id)).toHaveLength(2);
  });
});

describe("refusals", () => {
  it("does not let a school add what its trust requires, and writes nothing", async () => {
    const trust = await makeTrust();
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const { school, head } = await schoolWithStaff({ trustId: trust.id });
    const course = await makeCourse(1);
    await setRequirement(lead.id, input(trust.id, course.id));
    const refusal = await setRequirement(head.id, input(school.id, course.id)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RequirementFieldError);
    expect(refusal).toMatchObject({ field: "courseId", message: `${trust.name} already requires ${course.title} of your staff, so there is nothing for the school to add.` });
    expect(await db.requirement.count({ where: { organisationId: school.id } })).toBe(0);
    expect(await requirementAudit(school.id)).toEqual([]);
  });

  it("answers an unknown course next to Course", async () => {
    const { school, head } = await schoolWithStaff();
    const refusal = await setRequirement(head.id, input(school.id, "00000000-0000-4000-8000-000000000000")).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ field: "courseId", message: "Choose a course from the list." });
    expect(await requirementAudit(school.id)).toEqual([]);
  });

  it("refuses a Member with the refusal text, and answers another school's Administrator as not found", async () => {
    const { school, head, teacher } = await schoolWithStaff();
    const other = await schoolWithStaff();
    const course = await makeCourse(1);
    await setRequirement(head.id, input(school.id, course.id));
    const [requirement] = await listRequirements(await scopeAs(school.id));
    const removal = { organisationId: school.id, requirementId: requirement!.id };

    const refusal = `Only an Administrator of ${school.name} can change its required training. Ask one of its Administrators.`;
    await expect(setRequirement(teacher.id, input(school.id, course.id, { dueDays: "5" }))).rejects.toThrow(refusal);
    await expect(removeRequirement(teacher.id, removal)).rejects.toThrow(refusal);
    await expect(setRequirement(teacher.id, input(school.id, course.id))).rejects.toBeInstanceOf(ActionError);

    await expect(setRequirement(other.head.id, input(school.id, course.id, { dueDays: "5" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeRequirement(other.head.id, removal)).rejects.toBeInstanceOf(NotFoundError);
    // Another tenant's requirement id, through the Administrator's own school: not found either.
    await expect(removeRequirement(other.head.id, { organisationId: other.school.id, requirementId: requirement!.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeRequirement(head.id, { organisationId: school.id, requirementId: "00000000-0000-4000-8000-000000000000" })).rejects.toBeInstanceOf(NotFoundError);

    expect(await db.requirement.findMany({ where: { organisationId: school.id }, select: { dueDays: true } })).toEqual([{ dueDays: 30 }]);
    expect(await requirementAudit(school.id)).toHaveLength(1);
    expect(await requirementAudit(other.school.id)).toEqual([]);
  });
});

describe("bad input", () => {
  const ids = { organisationId: "00000000-0000-4000-8000-000000000001", courseId: "00000000-0000-4000-8000-000000000002" };
  const errorsOf = (fields: Record<string, string>) => {
    const parsed = setRequirementInput.safeParse({ ...ids, renewal: "none", ...fields });
    return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  };
  const today = londonToday();

  it.each([
    ["a missing due date", { dueKind: "BY_DATE" }, { dueOn: ["Enter the date the course is due by."] }],
    ["a due date in another format", { dueKind: "BY_DATE", dueOn: "31/03/2027" }, { dueOn: ["Enter the date the course is due by."] }],
    ["a date that does not exist", { dueKind: "BY_DATE", dueOn: "2027-02-30" }, { dueOn: ["Enter a real date, for example 31/03/2027."] }],
    ["a date too far ahead", { dueKind: "BY_DATE", dueOn: addDays(addYears(today, 3), 1) }, { dueOn: ["The due date must be within 3 years."] }],
    ["0 days", { dueKind: "WITHIN_DAYS", dueDays: "0" }, { dueDays: ["Enter a whole number of days from 1 to 365."] }],
    ["366 days", { dueKind: "WITHIN_DAYS", dueDays: "366" }, { dueDays: ["Enter a whole number of days from 1 to 365."] }],
    ["days that are not a number", { dueKind: "WITHIN_DAYS", dueDays: "abc" }, { dueDays: ["Enter a whole number of days from 1 to 365."] }],
    ["a renewal of 7 years", { dueKind: "WITHIN_DAYS", dueDays: "30", renewal: "7" }, { renewal: ["Choose how often it must be renewed."] }],
    ["no due rule chosen", { dueDays: "30" }, { dueKind: ["Choose when the course is due."] }],
    ["no course chosen", { dueKind: "WITHIN_DAYS", dueDays: "30", courseId: "" }, { courseId: ["Choose a course."] }],
  ])("answers %s next to its field", (_name, fields, expected) => {
    expect(errorsOf(fields as Record<string, string>)).toEqual(expected);
  });

  it("refuses a date in the past for a new rule or a new date, next to Due date, but keeps a past date while the renewal changes", async () => {
    const { school, head } = await schoolWithStaff();
    const course = await makeCourse(1);
    const past = addDays(today, -1);
    const refused = await setRequirement(head.id, input(school.id, course.id, { dueKind: "BY_DATE", dueOn: past })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RequirementFieldError);
    expect(refused).toMatchObject({ field: "dueOn", message: "The due date must be today or later." });
    expect(await db.requirement.count({ where: { organisationId: school.id } })).toBe(0);
    // A rule set when its date was ahead, the date now gone by: its renewal can still be changed.
    await db.requirement.create({ data: { organisationId: school.id, courseId: course.id, dueKind: "BY_DATE", dueOn: new Date(`${past}T00:00:00Z`) } });
    expect(await setRequirement(head.id, input(school.id, course.id, { dueKind: "BY_DATE", dueOn: past, renewal: "1" }))).toMatchObject({ changed: true });
    await expect(setRequirement(head.id, input(school.id, course.id, { dueKind: "BY_DATE", dueOn: addDays(today, -2), renewal: "1" }))).rejects.toThrow("The due date must be today or later.");
  });

  it("accepts today, the last allowed date, 1 and 365 days, and ignores the field the rule does not use", () => {
    expect(errorsOf({ dueKind: "BY_DATE", dueOn: today, dueDays: "abc" })).toEqual({});
    expect(errorsOf({ dueKind: "BY_DATE", dueOn: addYears(today, 3) })).toEqual({});
    expect(errorsOf({ dueKind: "WITHIN_DAYS", dueDays: "1", dueOn: "nonsense" })).toEqual({});
    expect(errorsOf({ dueKind: "WITHIN_DAYS", dueDays: "365" })).toEqual({});
  });
});

describe("the access rule is unchanged by requirements", () => {
  it("answers every viewer's progress scopes exactly as before a trust sets a requirement", async () => {
    const trust = await makeTrust();
    const lead = await makeUser(trust.id, "ADMINISTRATOR");
    const otherTrust = await makeTrust();
    const otherLead = await makeUser(otherTrust.id, "ADMINISTRATOR");
    const notAcademies = await makeTrust({ designation: "OTHER" });
    const laLead = await makeUser(notAcademies.id, "ADMINISTRATOR");
    const { school, head, teacher } = await schoolWithStaff({ trustId: trust.id });
    await schoolWithStaff({ trustId: notAcademies.id });
    const course = await makeCourse(1);

    const viewers = [teacher, head, lead, otherLead, laLead];
    const answers = async () =>
      Promise.all(viewers.map(async (v) => ({ scopes: await listProgressScopes(v.id), school: await findSchoolProgressScope(v.id, school.id) })));
    const before = await answers();
    expect(before.map((a) => a.school !== null)).toEqual([false, true, true, false, false]);

    await setRequirement(lead.id, input(trust.id, course.id));
    await setRequirement(head.id, input(school.id, (await makeCourse(1)).id));
    expect(await answers()).toEqual(before);
  });
});

describe("joining and leaving", () => {
  it("enrols a person joining a school with a requirement, with a due date counted from joining, and drops one who leaves", async () => {
    const { school, head } = await schoolWithStaff();
    const course = await makeCourse(1);
    await setRequirement(head.id, input(school.id, course.id, { dueDays: "14" }));

    const newcomer = await makeUser(school.id, "MEMBER");
    expect(await enrolled(newcomer.id, course.id)).toBe(0); // required at once, enrolled by the app's next statement:
    await enrolRequired({ userIds: [newcomer.id] }); // as acceptInvitation does after it commits
    expect(await enrolled(newcomer.id, course.id)).toBe(1);
    const row = (await trainingOf(school.id)).find((r) => r.userId === newcomer.id);
    expect(row).toMatchObject({ courseId: course.id, dueOn: addDays(londonToday(), 14), status: "DUE_SOON" });

    const membership = await db.membership.findFirstOrThrow({ where: { userId: newcomer.id, organisationId: school.id } });
    await removeColleague(head.id, { organisationId: school.id, membershipId: membership.id });
    expect((await trainingOf(school.id)).some((r) => r.userId === newcomer.id)).toBe(false);
    expect(await enrolled(newcomer.id, course.id)).toBe(1);
  });
});
