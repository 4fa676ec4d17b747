// `npm run db:seed`: the demo data of ../shared/product.md. Idempotent: it creates what is missing and
// changes nothing that exists, so it never undoes what people did in a demo (a role change, a trust choice).
import { PrismaPg } from "@prisma/adapter-pg";
import { hash } from "@node-rs/argon2";
import { randomUUID } from "node:crypto";
import { argon2Options } from "../lib/argon2-options";
import { PrismaClient } from "../lib/generated/prisma/client";
import { enrolRequiredSql } from "../lib/requirements/sql";
import { addDays, londonToday, type IsoDate } from "../lib/requirements/status";
import type { Designation, OrganisationKind, Role } from "../lib/generated/prisma/enums";
import { seedCourses } from "./seed-courses";

export const DEMO_PASSWORD = "schoot-demo-2026";

type SeedOrganisation = {
  name: string;
  kind: OrganisationKind;
  designation: Designation;
  /** Schools have a URN; trusts a Companies House number. Each is the row's key for an idempotent seed. */
  urn?: string;
  companiesHouseNumber?: string;
  address: string;
  domain: string;
  trust?: string;
  accounts: { email: string; name: string; role: Role }[];
  /** More staff, as Members, so every school has a real list to read. */
  extraStaff: string[];
  /**
   * Further generated Members, so schools differ in size (6 to 40 staff) and in how much they have completed:
   * each of their enrolments is completed with probability `completionRate`, the rest split between in
   * progress and not started.
   */
  generated?: { count: number; completionRate: number };
};

export const seedOrganisations: SeedOrganisation[] = [
  {
    name: "Northstar Academy Trust", kind: "TRUST", designation: "ACADEMIES", companiesHouseNumber: "08123401", domain: "northstar.example",
    address: "1 Polaris Way, Leeds LS1 4AB",
    accounts: [
      { email: "lead@northstar.example", name: "Naomi Lead", role: "ADMINISTRATOR" },
      { email: "analyst@northstar.example", name: "Arun Analyst", role: "MEMBER" },
    ],
    extraStaff: ["Grace Holt"],
    generated: { count: 1, completionRate: 0.8 },
  },
  {
    name: "Riverside Primary Academy", kind: "SCHOOL", designation: "ACADEMIES", urn: "140101", domain: "riverside.example", trust: "Northstar Academy Trust",
    address: "Riverside Road, Leeds LS6 2QT",
    accounts: [
      { email: "head@riverside.example", name: "Rachel Head", role: "ADMINISTRATOR" },
      { email: "teacher@riverside.example", name: "Tom Teacher", role: "MEMBER" },
    ],
    extraStaff: ["Amira Khan", "Ben Carter", "Chloe Evans", "Daniel Price"],
    generated: { count: 18, completionRate: 0.95 },
  },
  {
    name: "Hillcrest Academy", kind: "SCHOOL", designation: "ACADEMIES", urn: "140102", domain: "hillcrest.example", trust: "Northstar Academy Trust",
    address: "Hillcrest Avenue, Bradford BD9 4HA",
    accounts: [{ email: "head@hillcrest.example", name: "Harriet Hill", role: "ADMINISTRATOR" }],
    extraStaff: ["Ella Fraser", "Farhan Ali", "Gemma Lowe", "Harry Nolan", "Isla Reid"],
    generated: { count: 12, completionRate: 0.3 },
  },
  {
    name: "Meadow Lane Academy", kind: "SCHOOL", designation: "ACADEMIES", urn: "140103", domain: "meadowlane.example",
    address: "Meadow Lane, Wakefield WF1 3MS",
    accounts: [{ email: "head@meadowlane.example", name: "Martin Meadows", role: "ADMINISTRATOR" }],
    extraStaff: ["Jack Osei", "Keira Patel", "Liam Quinn", "Maya Singh", "Noah Turner"],
    generated: { count: 4, completionRate: 0.6 },
  },
  {
    name: "Elmwood Learning Trust", kind: "TRUST", designation: "ACADEMIES", companiesHouseNumber: "08123402", domain: "elmwood.example",
    address: "2 Elm Court, York YO1 7EL",
    accounts: [{ email: "lead@elmwood.example", name: "Eleanor Wood", role: "ADMINISTRATOR" }],
    extraStaff: ["Oscar Webb"],
  },
  {
    name: "Brookside Academy", kind: "SCHOOL", designation: "ACADEMIES", urn: "140201", domain: "brookside.example", trust: "Elmwood Learning Trust",
    address: "Brook Street, York YO24 1BK",
    accounts: [{ email: "head@brookside.example", name: "Bethan Brook", role: "ADMINISTRATOR" }],
    extraStaff: ["Poppy Young", "Rhys Adams", "Sofia Bennett", "Theo Clarke", "Uma Davies"],
    generated: { count: 34, completionRate: 0.7 },
  },
  {
    name: "Oak Hill Trust", kind: "TRUST", designation: "LOCAL_AUTHORITY_MAINTAINED", companiesHouseNumber: "08123403", domain: "oakhill.example",
    address: "3 Acorn Place, Sheffield S1 2OH",
    accounts: [{ email: "lead@oakhill.example", name: "Oliver Oakes", role: "ADMINISTRATOR" }],
    extraStaff: ["Violet Edwards"],
  },
  {
    name: "Willow Academy", kind: "SCHOOL", designation: "ACADEMIES", urn: "140301", domain: "willow.example", trust: "Oak Hill Trust",
    address: "Willow Walk, Sheffield S10 5WA",
    accounts: [{ email: "head@willow.example", name: "Wendy Willow", role: "ADMINISTRATOR" }],
    extraStaff: ["William Foster", "Yasmin Green", "Zach Hughes", "Alice Irwin", "Callum Jones"],
    generated: { count: 2, completionRate: 0.5 },
  },
  {
    name: "St Anne's Primary School", kind: "SCHOOL", designation: "LOCAL_AUTHORITY_MAINTAINED", urn: "100501", domain: "stannes.example",
    address: "St Anne's Road, Harrogate HG1 2SA",
    accounts: [{ email: "head@stannes.example", name: "Sarah Anne", role: "ADMINISTRATOR" }],
    extraStaff: ["Daisy King", "Ethan Lewis", "Freya Morgan", "George Norris", "Hannah Owen"],
  },
];

export const SUPPORT_EMAIL = "support@schoot.example";

const DAY = 24 * 60 * 60 * 1000;
const SEED_NOW = Date.UTC(2026, 10, 20, 9, 0, 0); // fixed, so every environment shows the same history

function emailFor(name: string, domain: string) {
  return `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${domain}`;
}

export async function seed(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD, argon2Options);

  // Courses and their lessons.
  const courses = [];
  for (const course of seedCourses) {
    const { lessons, ...fields } = course;
    const row = await prisma.course.upsert({ where: { slug: course.slug }, create: { ...fields, createdAt: new Date(SEED_NOW - 400 * DAY) }, update: {} });
    await prisma.lesson.createMany({
      data: lessons.map((lesson, index) => ({ courseId: row.id, position: index + 1, title: lesson.title, body: lesson.body })),
      skipDuplicates: true,
    });
    const lessonRows = await prisma.lesson.findMany({ where: { courseId: row.id }, orderBy: { position: "asc" }, select: { id: true } });
    courses.push({ id: row.id, lessonIds: lessonRows.map((l) => l.id) });
  }

  await prisma.user.upsert({
    where: { email: SUPPORT_EMAIL },
    create: { email: SUPPORT_EMAIL, name: "Sam Support", passwordHash, platformRole: "SUPPORT", emailVerifiedAt: new Date(SEED_NOW - 250 * DAY) },
    update: {},
  });

  // Organisations first (trusts before the schools that choose them), then people.
  const organisationIds = new Map<string, string>();
  for (const organisation of seedOrganisations) {
    const { name, kind, designation, urn, companiesHouseNumber, address } = organisation;
    const row = await prisma.organisation.upsert({
      where: urn ? { urn } : { companiesHouseNumber: companiesHouseNumber! },
      create: { name, kind, designation, urn, companiesHouseNumber, address, createdAt: new Date(SEED_NOW - 300 * DAY) },
      update: {},
    });
    organisationIds.set(organisation.name, row.id);
  }

  let staffIndex = 0;
  let generatedIndex = 0;
  const generatedPeople: GeneratedPerson[] = [];
  // The named people of every organisation, written in a few statements (the journeys re-seed before each spec).
  const named: { organisationId: string; email: string; name: string; role: Role; index: number }[] = [];
  for (const organisation of seedOrganisations) {
    const organisationId = organisationIds.get(organisation.name)!;
    const people = [
      ...organisation.accounts,
      ...organisation.extraStaff.map((name) => ({ email: emailFor(name, organisation.domain), name, role: "MEMBER" as Role })),
    ];
    for (const [k, name] of generatedNames(organisation.generated?.count ?? 0, generatedIndex).entries()) {
      generatedPeople.push({ organisationId, email: emailFor(name, organisation.domain), name, completionRate: organisation.generated!.completionRate, index: generatedIndex + k });
    }
    generatedIndex += organisation.generated?.count ?? 0;
    for (const person of people) named.push({ organisationId, email: person.email, name: person.name, role: person.role, index: staffIndex++ });
  }
  const idByEmail = await seedNamedPeople(prisma, named, passwordHash, courses);

  for (const organisation of seedOrganisations) {
    if (!organisation.trust) continue;
    const organisationId = organisationIds.get(organisation.name)!;
    // The school's first named person (its Administrator) made the demo choice.
    const chooserId = idByEmail.get(named.find((p) => p.organisationId === organisationId)!.email) ?? null;
    const trustId = organisationIds.get(organisation.trust)!;
    const chosenAt = new Date(SEED_NOW - 120 * DAY);
    // Only a school that has never chosen gets the demo choice, so a removal made in a demo stays removed.
    const { count } = await prisma.organisation.updateMany({
      where: { id: organisationId, trustId: null, trustChosenAt: null },
      data: { trustId, trustChosenAt: chosenAt, trustChosenById: chooserId },
    });
    if (count) {
      await prisma.trustChoiceEvent.create({ data: { schoolId: organisationId, trustId, action: "CHOSEN", byUserId: chooserId, createdAt: chosenAt } });
    }
  }
  await seedGeneratedPeople(prisma, generatedPeople, passwordHash, courses);
  await seedRequiredTraining(prisma, organisationIds);
}

type GeneratedPerson = { organisationId: string; email: string; name: string; completionRate: number; index: number };

const FIRST_NAMES = ["Aaron", "Bella", "Caleb", "Dana", "Edward", "Fatima", "Gareth", "Hollie", "Imran", "Jasmine", "Kieran", "Leah", "Mohammed", "Niamh", "Owen", "Priya", "Quentin", "Rosie", "Samuel", "Tara", "Usman", "Vicky", "Warren", "Xena", "Yusuf", "Zoe", "Adele", "Bilal", "Ciara", "Dev", "Erin", "Finn", "Gita", "Hugo", "Ivy", "Jonah", "Kaya", "Luca", "Mia", "Nathan", "Olivia", "Patrick", "Ruby", "Sanjay", "Tilly", "Victor", "Willow", "Yara"];
const SURNAMES = ["Atkinson", "Barker", "Chapman", "Dixon", "Ellis", "Fletcher", "Gibson", "Hargreaves", "Ingram", "Jennings", "Kaur", "Lawson", "Marsh", "Newton", "Oakley", "Parry", "Rahman", "Shaw", "Thornton", "Underwood", "Vaughan", "Walsh", "Yates", "Ahmed", "Booth", "Cross", "Doyle", "Fox", "Griffiths", "Hussain"];

/** `count` distinct names, starting at `offset` in a fixed sequence (no name repeats across the demo). */
function generatedNames(count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    return `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[(i * 7 + Math.floor(i / FIRST_NAMES.length)) % SURNAMES.length]}`;
  });
}

/** A fixed number in [0, 1) for (a, b): the demo is the same in every environment. */
function fraction(a: number, b: number): number {
  let h = (a * 2654435761 + b * 40503 + 12345) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/**
 * The generated Members of every school, in bulk (the journeys re-seed before each spec, so this stays quick):
 * each enrolled on four courses, completed with the school's completion rate.
 */
async function seedGeneratedPeople(prisma: PrismaClient, people: GeneratedPerson[], passwordHash: string, courses: { id: string; lessonIds: string[] }[]) {
  if (!people.length) return;
  const existing = new Set((await prisma.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { email: true } })).map((u) => u.email));
  const fresh = people.filter((p) => !existing.has(p.email));
  if (!fresh.length) return;
  const users = await prisma.user.createManyAndReturn({
    data: fresh.map((p) => ({ email: p.email, name: p.name, passwordHash, currentOrganisationId: p.organisationId, createdAt: new Date(SEED_NOW - 250 * DAY), emailVerifiedAt: new Date(SEED_NOW - 250 * DAY) })),
    select: { id: true, email: true },
  });
  const idByEmail = new Map(users.map((u) => [u.email, u.id]));
  await prisma.membership.createMany({
    data: fresh.map((p) => ({ userId: idByEmail.get(p.email)!, organisationId: p.organisationId, role: "MEMBER" as Role, createdAt: new Date(SEED_NOW - 250 * DAY) })),
  });
  const enrolments: { id: string; userId: string; courseId: string; enrolledAt: Date; lastActivityAt: Date | null; completedAt: Date | null; completedLessons: number }[] = [];
  const completions: { enrolmentId: string; lessonId: string; completedAt: Date }[] = [];
  for (const person of fresh) {
    for (let k = 0; k < 4; k++) {
      const course = courses[(person.index * 3 + k) % courses.length]!;
      const lessons = course.lessonIds.length;
      const r = fraction(person.index, k);
      const done = r < person.completionRate ? lessons : r < person.completionRate + (1 - person.completionRate) / 2 ? Math.max(1, Math.floor(lessons / 2)) : 0;
      const enrolledAt = new Date(SEED_NOW - (100 - ((person.index * 13 + k * 17) % 80)) * DAY);
      const lastActivityAt = done ? new Date(enrolledAt.getTime() + (done + ((person.index + k) % 9)) * DAY) : null;
      const id = randomUUID();
      enrolments.push({ id, userId: idByEmail.get(person.email)!, courseId: course.id, enrolledAt, lastActivityAt, completedAt: done === lessons ? lastActivityAt : null, completedLessons: done });
      course.lessonIds.slice(0, done).forEach((lessonId, position) => {
        completions.push({ enrolmentId: id, lessonId, completedAt: position === done - 1 ? lastActivityAt! : new Date(enrolledAt.getTime() + (1 + position) * DAY) });
      });
    }
  }
  await prisma.enrolment.createMany({ data: enrolments });
  await prisma.lessonCompletion.createMany({ data: completions });
}

/**
 * The named people (the demo accounts and each school's named staff): accounts and memberships that do not exist
 * yet, and each person enrolled on four of the courses, rotating so that every school has enrolments in every
 * status (not started, in progress, completed) across at least three courses. An enrolment that exists is left
 * as it is. Returns every named person's id by address.
 */
async function seedNamedPeople(
  prisma: PrismaClient,
  people: { organisationId: string; email: string; name: string; role: Role; index: number }[],
  passwordHash: string,
  courses: { id: string; lessonIds: string[] }[],
): Promise<Map<string, string>> {
  const joined = new Date(SEED_NOW - 250 * DAY);
  await prisma.user.createMany({
    data: people.map((p) => ({ email: p.email, name: p.name, passwordHash, currentOrganisationId: p.organisationId, createdAt: joined, emailVerifiedAt: joined })),
    skipDuplicates: true,
  });
  const idByEmail = new Map((await prisma.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
  await prisma.membership.createMany({
    data: people.map((p) => ({ userId: idByEmail.get(p.email)!, organisationId: p.organisationId, role: p.role, createdAt: joined })),
    skipDuplicates: true,
  });
  const existing = new Set(
    (await prisma.enrolment.findMany({ where: { userId: { in: [...idByEmail.values()] } }, select: { userId: true, courseId: true } })).map((e) => `${e.userId} ${e.courseId}`),
  );
  const enrolments: { id: string; userId: string; courseId: string; enrolledAt: Date; lastActivityAt: Date | null; completedAt: Date | null; completedLessons: number }[] = [];
  const completions: { enrolmentId: string; lessonId: string; completedAt: Date }[] = [];
  for (const person of people) {
    const userId = idByEmail.get(person.email)!;
    const index = person.index;
    for (let k = 0; k < 4; k++) {
      const course = courses[(index + k) % courses.length]!;
      if (existing.has(`${userId} ${course.id}`)) continue;
      existing.add(`${userId} ${course.id}`);
      const lessons = course.lessonIds.length;
      const status = (index + k) % 3; // 0 not started, 1 in progress, 2 completed
      const done = status === 0 ? 0 : status === 2 ? lessons : Math.max(1, Math.min(lessons - 1, 1 + ((index + k) % Math.max(1, lessons - 1))));
      const enrolledAt = new Date(SEED_NOW - (90 - ((index * 7 + k * 11) % 60)) * DAY);
      const lastActivityAt = done ? new Date(enrolledAt.getTime() + (done + ((index + k) % 10)) * DAY) : null;
      const id = randomUUID();
      enrolments.push({ id, userId, courseId: course.id, enrolledAt, lastActivityAt, completedAt: done === lessons ? lastActivityAt : null, completedLessons: done });
      course.lessonIds.slice(0, done).forEach((lessonId, position) => {
        completions.push({ enrolmentId: id, lessonId, completedAt: position === done - 1 ? lastActivityAt! : new Date(enrolledAt.getTime() + (1 + position) * DAY) });
      });
    }
  }
  await prisma.enrolment.createMany({ data: enrolments });
  await prisma.lessonCompletion.createMany({ data: completions });
  return idByEmail;
}

// ---- Required training (product.md, "Required training") ------------------------------------------
//
// A person's standing on a required course depends on today's date in England (londonToday()), so these dates
// are counted back from the moment the seed runs, NOT from SEED_NOW: with SEED_NOW's fixed dates, "due soon"
// would be overdue a month later and every completion would expire a year later, and the demo would lose its
// mix of statuses. The history above keeps SEED_NOW (it only has to look lived-in); required training is
// "as of the day the demo was made", and from then on it ages as real training does.

/** How a member of a school stands on a required course on the day of seeding. */
type Standing = "in-date" | "renewal-due-soon" | "expired" | "overdue";

type SeedRequirement = {
  organisation: string;
  course: string;
  setBy: string;
  due: { days: number } | "end-of-term";
  renewalYears: number | null;
};

export const seedRequirements: SeedRequirement[] = [
  { organisation: "Northstar Academy Trust", course: "Safeguarding essentials", setBy: "lead@northstar.example", due: { days: 30 }, renewalYears: 1 },
  { organisation: "Riverside Primary Academy", course: "First aid awareness in schools", setBy: "head@riverside.example", due: "end-of-term", renewalYears: null },
  // Every other school requires something of its own, so every school shows each status.
  { organisation: "Meadow Lane Academy", course: "Safeguarding essentials", setBy: "head@meadowlane.example", due: { days: 30 }, renewalYears: 1 },
  { organisation: "Brookside Academy", course: "Online safety for school staff", setBy: "head@brookside.example", due: { days: 30 }, renewalYears: 1 },
  { organisation: "Willow Academy", course: "Online safety for school staff", setBy: "head@willow.example", due: { days: 30 }, renewalYears: 1 },
  { organisation: "St Anne's Primary School", course: "Safeguarding essentials", setBy: "head@stannes.example", due: { days: 30 }, renewalYears: 1 },
];

/**
 * Cycled over each school's staff in email order (so even the smallest school has each status in its first four).
 * Riverside is mostly in date, Hillcrest mostly overdue (it stays well behind Riverside in every figure).
 */
const STANDINGS: Record<string, Standing[]> = {
  "Riverside Primary Academy": ["in-date", "renewal-due-soon", "expired", "overdue", "in-date", "in-date", "in-date", "in-date", "in-date", "in-date", "in-date", "overdue"],
  "Hillcrest Academy": ["overdue", "in-date", "expired", "renewal-due-soon", "overdue", "overdue", "overdue", "in-date", "overdue", "overdue"],
};
const USUAL_STANDINGS: Standing[] = ["in-date", "renewal-due-soon", "overdue", "expired", "in-date", "in-date", "overdue", "in-date"];

/**
 * Joined Riverside ten days before seeding: "Safeguarding essentials" (within 30 days) is due soon, not started.
 * Riverside's own course (by a date, no renewal) they did in their first days, so that finishing Safeguarding
 * makes them in date on everything required of them (the journey watches Riverside's compliance go up).
 */
export const NEW_JOINER = { email: "teacher@riverside.example", school: "Riverside Primary Academy", joinedDaysAgo: 10 };

/** A requirement "within N days" applies from this many days before seeding, so whoever has not done it is overdue. */
const APPLIES_DAYS_AGO = 200;

/** The next 31 March or 31 July at least 40 days after `today`: a fixed date in the current school year. */
export function endOfTermAfter(today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const earliest = addDays(today, 40);
  return [`${year}-03-31`, `${year}-07-31`, `${year + 1}-03-31`, `${year + 1}-07-31`].find((date) => date >= earliest)!;
}

/** Noon in England on the day `days` before `today` (UTC noon is the same calendar day in England all year). */
function daysBefore(today: IsoDate, days: number): Date {
  return new Date(`${addDays(today, -days)}T12:00:00Z`);
}

/**
 * Creates each demo requirement that is missing, with its "requirement.set" audit row (the shape
 * lib/requirements/manage.ts writes), then sets the demo standing of the people it applies to. A requirement
 * that exists, or that has any audit history (one removed in a demo stays removed), is left alone, and so is
 * the progress of its people: a second seed changes nothing.
 */
async function seedRequiredTraining(prisma: PrismaClient, organisationIds: Map<string, string>) {
  const now = new Date();
  const today = londonToday(now);
  for (const spec of seedRequirements) {
    const organisationId = organisationIds.get(spec.organisation)!;
    const course = await prisma.course.findFirstOrThrow({ where: { title: spec.course }, select: { id: true, title: true, lessons: { select: { id: true }, orderBy: { position: "asc" } } } });
    const existing = await prisma.requirement.findUnique({ where: { organisationId_courseId: { organisationId, courseId: course.id } }, select: { id: true } });
    const history = await prisma.auditLog.count({ where: { organisationId, targetType: "Course", targetId: course.id, action: { startsWith: "requirement." } } });
    if (existing || history) continue;
    const setBy = await prisma.user.findUniqueOrThrow({ where: { email: spec.setBy }, select: { id: true } });
    const byDate = spec.due === "end-of-term";
    const rule = byDate
      ? { dueKind: "BY_DATE" as const, dueOn: endOfTermAfter(today), dueDays: null }
      : { dueKind: "WITHIN_DAYS" as const, dueOn: null, dueDays: (spec.due as { days: number }).days };
    const setAt = daysBefore(today, byDate ? 30 : APPLIES_DAYS_AGO);
    await prisma.$transaction(async (tx) => {
      // Everyone it applies to is enrolled (not started) as the app does after a requirement is set
      // (lib/requirements/assign.ts); their standing is set below.
      await tx.requirement.create({
        data: {
          organisationId, courseId: course.id, dueKind: rule.dueKind, dueOn: rule.dueOn ? new Date(`${rule.dueOn}T00:00:00Z`) : null,
          dueDays: rule.dueDays, renewalYears: spec.renewalYears, createdById: setBy.id, createdAt: setAt, updatedAt: setAt,
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: setBy.id, action: "requirement.set", organisationId, targetType: "Course", targetId: course.id, createdAt: setAt,
          after: { courseId: course.id, course: course.title, dueKind: rule.dueKind, dueOn: rule.dueOn, dueDays: rule.dueDays, renewalYears: spec.renewalYears },
        },
      });
      await tx.$executeRaw(enrolRequiredSql({ organisationId }));
      const schools = await tx.organisation.findMany({
        where: { kind: "SCHOOL", OR: [{ id: organisationId }, { trustId: organisationId, trust: { kind: "TRUST", designation: "ACADEMIES" } }] },
        select: { id: true, name: true, memberships: { select: { id: true, userId: true, user: { select: { email: true } } } } },
      });
      const lessonIds = course.lessons.map((l) => l.id);
      const plans: EnrolmentPlan[] = [];
      for (const school of schools) {
        const standings = STANDINGS[school.name] ?? USUAL_STANDINGS;
        const members = [...school.memberships].sort((a, b) => a.user.email.localeCompare(b.user.email));
        const enrolments = await tx.enrolment.findMany({ where: { courseId: course.id, userId: { in: members.map((m) => m.userId) } }, select: { id: true, userId: true } });
        const enrolmentOf = new Map(enrolments.map((e) => [e.userId, e.id]));
        for (const [j, member] of members.entries()) {
          const newJoiner = member.user.email === NEW_JOINER.email && school.name === NEW_JOINER.school;
          if (newJoiner) {
            await tx.membership.update({ where: { id: member.id }, data: { createdAt: daysBefore(today, NEW_JOINER.joinedDaysAgo) } });
          }
          const standing = newJoiner ? (spec.renewalYears === null ? "new-done" : "new") : standings[j % standings.length]!;
          plans.push(planStanding(enrolmentOf.get(member.userId)!, lessonIds.length, standing, today, j, spec.renewalYears !== null));
        }
      }
      await writePlans(tx, plans, lessonIds);
    }, { timeout: 60_000 });
  }
}

/**
 * Rewrites one enrolment (and its lesson completions) to a standing on the day `today`. A completion in date
 * is 2 to 7 months old; a renewal due soon, 340 to 351 days old (it expires in the next 14 to 25 days); an
 * expired one, 13 to 19 months old. Without renewal every completion stays in date, so they are all recent.
 * Overdue is no completion, half of them part way through; "new" is a new joiner who has not started,
 * "new-done" one who completed it days after joining.
 */
type EnrolmentPlan = { enrolmentId: string; enrolledAt: Date; lastActivityAt: Date | null; completedAt: Date | null; done: number };

function planStanding(enrolmentId: string, lessons: number, standing: Standing | "new" | "new-done", today: IsoDate, j: number, renews: boolean): EnrolmentPlan {
  const completedDaysAgo = standing === "new-done" ? NEW_JOINER.joinedDaysAgo - 5
    : !renews ? 10 + ((j * 7) % 20)
    : standing === "in-date" ? 60 + ((j * 37) % 150)
    : standing === "renewal-due-soon" ? 340 + (j % 12)
    : 400 + ((j * 11) % 180);
  const completes = standing === "in-date" || standing === "renewal-due-soon" || standing === "expired" || standing === "new-done";
  const done = completes ? lessons : standing === "overdue" && j % 2 === 1 ? Math.max(1, Math.floor(lessons / 2)) : 0;
  const completedAt = completes ? daysBefore(today, completedDaysAgo) : null;
  const enrolledAt = standing === "new-done" ? daysBefore(today, NEW_JOINER.joinedDaysAgo)
    : completedAt ? new Date(completedAt.getTime() - 14 * DAY)
    : standing === "new" ? daysBefore(today, NEW_JOINER.joinedDaysAgo)
    : daysBefore(today, 150 + (j % 30));
  const lastActivityAt = completedAt ?? (done ? new Date(enrolledAt.getTime() + (3 + (j % 20)) * DAY) : null);
  return { enrolmentId, enrolledAt, lastActivityAt, completedAt, done };
}

/** The plans written in three statements: completions cleared, enrolments rewritten, completions added. */
async function writePlans(tx: Pick<PrismaClient, "lessonCompletion" | "$executeRaw">, plans: EnrolmentPlan[], lessonIds: string[]) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  await tx.lessonCompletion.deleteMany({ where: { enrolmentId: { in: plans.map((p) => p.enrolmentId) } } });
  await tx.$executeRaw`
    UPDATE "Enrolment" e
       SET "enrolledAt" = v."enrolledAt", "attemptStartedAt" = v."enrolledAt", "lastActivityAt" = v."lastActivityAt",
           "completedAt" = v."completedAt", "completedLessons" = v.done, attempt = 1, "previousCompletedAt" = NULL
      FROM unnest(${plans.map((p) => p.enrolmentId)}::uuid[], ${plans.map((p) => iso(p.enrolledAt))}::text[]::timestamp[],
                  ${plans.map((p) => iso(p.lastActivityAt))}::text[]::timestamp[], ${plans.map((p) => iso(p.completedAt))}::text[]::timestamp[],
                  ${plans.map((p) => p.done)}::int[]) AS v(id, "enrolledAt", "lastActivityAt", "completedAt", done)
     WHERE e.id = v.id`;
  await tx.lessonCompletion.createMany({
    data: plans.flatMap(({ enrolmentId, enrolledAt, lastActivityAt, done }) => lessonIds.slice(0, done).map((lessonId, position) => ({
      enrolmentId, lessonId,
      // Spread evenly from enrolling to the last activity, the last lesson on it.
      completedAt: new Date(enrolledAt.getTime() + ((1 + position) * (lastActivityAt!.getTime() - enrolledAt.getTime())) / done),
    }))),
  });
}

function clientFor(url: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

/** Seeds a database that has no users yet; returns whether it did. */
export async function seedIfEmpty(url: string): Promise<boolean> {
  const prisma = clientFor(url);
  try {
    if ((await prisma.user.count()) > 0) return false;
    await seed(prisma);
    return true;
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const prisma = clientFor(url);
  const started = Date.now();
  seed(prisma)
    .then(() => console.log(`Demo data is in place (${Date.now() - started} ms).`))
    .catch((error) => { console.error(error); process.exitCode = 1; })
    .finally(() => prisma.$disconnect());
}
