import "server-only";
import { cache } from "react";
import { z } from "zod";
import { writeAudit } from "../audit";
import { requireMember, type MemberScope } from "../access";
import { db, type Tx } from "../db";
import { ActionError, NotFoundError } from "../errors";
import type { RequirementDue } from "../generated/prisma/enums";
import { formatDay } from "../format";
import { enrolRequired } from "./assign";
import { addYears, isoDateOf, londonToday, RENEWAL_YEARS, type DueRule, type IsoDate } from "./status";

// Required training's rules: an organisation's Administrators make courses required of its staff (a school
// of its own staff; a trust designated Academies of the staff of every school that has chosen it), with a
// due rule and a renewal period. Each change is one transaction: the guard (lib/access.ts's requireMember,
// from the database, under the organisation's row lock), the change, and its audit row, which is also the
// history the school and the trust read. Who is then required to do what is the SQL function
// required_training(); enrolling the people it applies to follows the commit (lib/requirements/assign.ts).

export const MAX_DUE_DAYS = 365;
/** How far ahead a fixed due date may be set. */
export const MAX_YEARS_AHEAD = 3;

/** A refusal that belongs next to one field of the form (the action shows it there). */
export class RequirementFieldError extends ActionError {
  constructor(readonly field: "courseId" | "dueOn" | "dueDays" | "renewal", message: string) {
    super(message);
  }
}

const renewalChoices = ["none", ...RENEWAL_YEARS.map(String)] as [string, ...string[]];

/** The form's fields: the due rule is a date or a number of days, whichever "dueKind" says; the other field is ignored. */
export const setRequirementInput = z
  .object({
    organisationId: z.uuid({ message: "Choose an organisation." }),
    courseId: z.uuid({ message: "Choose a course." }),
    dueKind: z.enum(["BY_DATE", "WITHIN_DAYS"], { message: "Choose when the course is due." }),
    dueOn: z.string().trim().optional(),
    dueDays: z.string().trim().optional(),
    renewal: z.enum(renewalChoices, { message: "Choose how often it must be renewed." }),
  })
  .superRefine((input, ctx) => {
    if (input.dueKind === "BY_DATE") {
      // A date already past is checked against the requirement it would change, in setRequirement: keeping a
      // rule's date while changing its renewal is allowed after the date has gone by.
      const problem = dueDateProblem(input.dueOn ?? "", londonToday(), { allowPast: true });
      if (problem) ctx.addIssue({ code: "custom", path: ["dueOn"], message: problem });
    } else if (!/^\d{1,3}$/.test(input.dueDays ?? "") || Number(input.dueDays) < 1 || Number(input.dueDays) > MAX_DUE_DAYS) {
      ctx.addIssue({ code: "custom", path: ["dueDays"], message: `Enter a whole number of days from 1 to ${MAX_DUE_DAYS}.` });
    }
  });

export type SetRequirementInput = z.infer<typeof setRequirementInput>;

const PAST_DUE_DATE = "The due date must be today or later.";

/** Why a fixed due date cannot be used, or null: a real calendar date, from today up to three years ahead. */
export function dueDateProblem(value: string, today: IsoDate, options: { allowPast?: boolean } = {}): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return "Enter the date the course is due by.";
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d) return "Enter a real date, for example 31/03/2027.";
  if (value < today && !options.allowPast) return PAST_DUE_DATE;
  if (value > addYears(today, MAX_YEARS_AHEAD)) return `The due date must be within ${MAX_YEARS_AHEAD} years.`;
  return null;
}

export const removeRequirementInput = z.object({
  organisationId: z.uuid({ message: "Choose an organisation." }),
  requirementId: z.uuid({ message: "Choose a requirement." }),
});

/** A rule as the audit log keeps it and the history retells it. */
export type RuleRecord = { courseId: string; course: string; dueKind: RequirementDue; dueOn: IsoDate | null; dueDays: number | null; renewalYears: number | null };

function ruleOf(input: SetRequirementInput): { dueKind: RequirementDue; dueOn: IsoDate | null; dueDays: number | null; renewalYears: number | null } {
  return input.dueKind === "BY_DATE"
    ? { dueKind: "BY_DATE", dueOn: input.dueOn!, dueDays: null, renewalYears: input.renewal === "none" ? null : Number(input.renewal) }
    : { dueKind: "WITHIN_DAYS", dueOn: null, dueDays: Number(input.dueDays), renewalYears: input.renewal === "none" ? null : Number(input.renewal) };
}

const dateOf = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

type OrganisationRules = { kind: "SCHOOL" | "TRUST"; designation: string; trust: { id: string; name: string; kind: "SCHOOL" | "TRUST"; designation: string } | null };

/** The trust whose requirements apply to a school: the one it has chosen, while that is a Trust designated Academies (the access rule's own conditions). */
function applyingTrust(organisation: OrganisationRules): { id: string; name: string } | null {
  const trust = organisation.trust;
  return organisation.kind === "SCHOOL" && trust?.kind === "TRUST" && trust.designation === "ACADEMIES" ? { id: trust.id, name: trust.name } : null;
}

/** The guard, then the organisation as a requirement change needs it (kind, designation, chosen trust), under its row lock. */
async function lockOrganisation(tx: Tx, actorId: string, organisationId: string) {
  await requireMember(tx, actorId, organisationId, "requirements.manage", { lock: true });
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { id: true, name: true, kind: true, designation: true, trust: { select: { id: true, name: true, kind: true, designation: true } } },
  });
  if (organisation.kind === "TRUST" && organisation.designation !== "ACADEMIES") {
    throw new ActionError(`Only a trust designated Academies sets training for its schools. ${organisation.name} is not: its Type can be changed by Schoot support (New Support Ticket).`);
  }
  return organisation;
}

/** Makes a course required (or changes its rule). Returns whether anything changed. */
export async function setRequirement(actorId: string, input: SetRequirementInput): Promise<{ changed: boolean; created: boolean; course: string }> {
  const result = await db.$transaction(async (tx) => {
    const organisation = await lockOrganisation(tx, actorId, input.organisationId);
    const course = await tx.course.findUnique({ where: { id: input.courseId }, select: { id: true, title: true } });
    // Every course is on offer to every organisation, so an unknown id is a stale or hand-made form, not another tenant's.
    if (!course) throw new RequirementFieldError("courseId", "Choose a course from the list.");
    const trust = applyingTrust(organisation);
    if (trust) {
      const byTrust = await tx.requirement.findUnique({ where: { organisationId_courseId: { organisationId: trust.id, courseId: course.id } }, select: { id: true } });
      if (byTrust) throw new RequirementFieldError("courseId", `${trust.name} already requires ${course.title} of your staff, so there is nothing for the school to add.`);
    }
    const rule = ruleOf(input);
    const existing = await tx.requirement.findUnique({
      where: { organisationId_courseId: { organisationId: organisation.id, courseId: course.id } },
      select: { id: true, dueKind: true, dueOn: true, dueDays: true, renewalYears: true },
    });
    const before: RuleRecord | null = existing
      ? { courseId: course.id, course: course.title, dueKind: existing.dueKind, dueOn: existing.dueOn ? isoDateOf(existing.dueOn) : null, dueDays: existing.dueDays, renewalYears: existing.renewalYears }
      : null;
    const after: RuleRecord = { courseId: course.id, course: course.title, ...rule };
    if (rule.dueOn !== null && rule.dueOn < londonToday() && rule.dueOn !== before?.dueOn) throw new RequirementFieldError("dueOn", PAST_DUE_DATE);
    if (before && before.dueKind === after.dueKind && before.dueOn === after.dueOn && before.dueDays === after.dueDays && before.renewalYears === after.renewalYears) {
      return { changed: false, created: false, course: course.title };
    }
    const data = { dueKind: rule.dueKind, dueOn: rule.dueOn ? dateOf(rule.dueOn) : null, dueDays: rule.dueDays, renewalYears: rule.renewalYears };
    if (existing) await tx.requirement.update({ where: { id: existing.id }, data: { ...data, updatedAt: new Date() } });
    else await tx.requirement.create({ data: { ...data, organisationId: organisation.id, courseId: course.id, createdById: actorId } });
    await writeAudit(tx, {
      actorId,
      action: existing ? "requirement.changed" : "requirement.set",
      organisationId: organisation.id,
      targetType: "Course",
      targetId: course.id,
      before,
      after,
    });
    return { changed: true, created: !existing, course: course.title };
  });
  if (result.changed) await enrolRequired({ organisationId: input.organisationId }); // its own statement, after the commit
  return result;
}

/** Stops requiring a course. Another organisation's requirement (or an unknown one) is not found. */
export async function removeRequirement(actorId: string, input: z.infer<typeof removeRequirementInput>): Promise<{ course: string }> {
  return db.$transaction(async (tx) => {
    const organisation = await lockOrganisation(tx, actorId, input.organisationId);
    const requirement = await tx.requirement.findFirst({
      where: { id: input.requirementId, organisationId: organisation.id },
      select: { id: true, dueKind: true, dueOn: true, dueDays: true, renewalYears: true, course: { select: { id: true, title: true } } },
    });
    if (!requirement) throw new NotFoundError();
    await tx.requirement.delete({ where: { id: requirement.id } });
    const before: RuleRecord = {
      courseId: requirement.course.id,
      course: requirement.course.title,
      dueKind: requirement.dueKind,
      dueOn: requirement.dueOn ? isoDateOf(requirement.dueOn) : null,
      dueDays: requirement.dueDays,
      renewalYears: requirement.renewalYears,
    };
    await writeAudit(tx, { actorId, action: "requirement.removed", organisationId: organisation.id, targetType: "Course", targetId: requirement.course.id, before, after: null });
    return { course: requirement.course.title };
  });
}

export type RequirementView = {
  id: string;
  course: { id: string; title: string; slug: string };
  rule: DueRule;
  renewalYears: number | null;
  /** The organisation that requires it: the member's own, or (for a school) the trust it has chosen. */
  requiredBy: { id: string; name: string };
  /** Whether the member's organisation set it (and may change or remove it). */
  own: boolean;
  createdAt: Date;
};

/**
 * What the member's organisation requires: its own requirements, and for a school those of the trust it has
 * chosen while that trust is designated Academies (the trust's first). One statement.
 */
export async function listRequirements(member: MemberScope): Promise<RequirementView[]> {
  const { trust } = await getRequirementSetting(member);
  const rows = await db.requirement.findMany({
    where: { organisationId: { in: trust ? [trust.id, member.organisationId] : [member.organisationId] } },
    select: {
      id: true, dueKind: true, dueOn: true, dueDays: true, renewalYears: true, createdAt: true,
      course: { select: { id: true, title: true, slug: true } },
      organisation: { select: { id: true, name: true } },
    },
    orderBy: [{ course: { title: "asc" } }, { id: "asc" }],
  });
  return rows
    .map((row) => ({
      id: row.id,
      course: row.course,
      rule: row.dueKind === "BY_DATE" ? { kind: "BY_DATE" as const, dueOn: isoDateOf(row.dueOn!) } : { kind: "WITHIN_DAYS" as const, days: row.dueDays! },
      renewalYears: row.renewalYears,
      requiredBy: row.organisation,
      own: row.organisation.id === member.organisationId,
      createdAt: row.createdAt,
    }))
    .sort((a, b) => Number(a.own) - Number(b.own));
}

/** "Due by 31 Mar 2027" or "Due within 30 days of joining". */
export function describeDueRule(rule: DueRule): string {
  return rule.kind === "BY_DATE" ? `Due by ${formatDay(rule.dueOn)}` : `Due within ${rule.days} day${rule.days === 1 ? "" : "s"} of joining`;
}

/** "No renewal", "Renewed every year", "Renewed every 2 years". */
export function describeRenewal(renewalYears: number | null): string {
  return renewalYears === null ? "No renewal" : renewalYears === 1 ? "Renewed every year" : `Renewed every ${renewalYears} years`;
}

export type RequirementChange = { id: string; action: string; organisationName: string; actorName: string | null; sentence: string; createdAt: Date };

const REQUIREMENT_ACTIONS = ["requirement.set", "requirement.changed", "requirement.removed"];

function asRule(value: unknown): RuleRecord | null {
  return value && typeof value === "object" && !Array.isArray(value) && "course" in value ? (value as RuleRecord) : null;
}

function ruleWords(rule: RuleRecord): string {
  const due: DueRule = rule.dueKind === "BY_DATE" ? { kind: "BY_DATE", dueOn: rule.dueOn ?? "" } : { kind: "WITHIN_DAYS", days: rule.dueDays ?? 0 };
  return `${describeDueRule(due).replace(/^Due/, "due")}, ${describeRenewal(rule.renewalYears).toLowerCase()}`;
}

/** One sentence: "Rachel Head required Fire safety: due by 31 Mar 2027, no renewal". */
export function describeRequirementChange(change: { action: string; actorName: string | null; before: unknown; after: unknown }): string {
  const actor = change.actorName ?? "Someone";
  const before = asRule(change.before);
  const after = asRule(change.after);
  switch (change.action) {
    case "requirement.set":
      return after ? `${actor} required ${after.course}: ${ruleWords(after)}` : `${actor} required a course`;
    case "requirement.changed":
      return after ? `${actor} changed ${after.course} to ${ruleWords(after)}${before ? ` (was ${ruleWords(before)})` : ""}` : `${actor} changed a requirement`;
    case "requirement.removed":
      return before ? `${actor} stopped requiring ${before.course}` : `${actor} removed a requirement`;
    default:
      return `${actor}: ${change.action}`;
  }
}

/**
 * The history of the requirements that concern the member's organisation, newest first: its own changes and,
 * for a school, those of every trust it has chosen: the current one's, and a former one's up to the moment the
 * school left it (the history stays; what that trust changed afterwards no longer concerned the school). A
 * trust it never chose is never shown. One statement.
 */
export async function listRequirementHistory(member: MemberScope, take = 30): Promise<RequirementChange[]> {
  const rows = await db.$queryRaw<{ id: bigint; action: string; before: unknown; after: unknown; createdAt: Date; actorName: string | null; organisationName: string | null }[]>`
    SELECT a.id, a.action, a.before, a.after, a."createdAt", u.name AS "actorName", o.name AS "organisationName"
      FROM "AuditLog" a
      LEFT JOIN "User" u ON u.id = a."actorId"
      LEFT JOIN "Organisation" o ON o.id = a."organisationId"
     WHERE a.action = ANY(${REQUIREMENT_ACTIONS}::text[])
       AND (a."organisationId" = ${member.organisationId}::uuid
            OR a."organisationId" = (SELECT s."trustId" FROM "Organisation" s WHERE s.id = ${member.organisationId}::uuid AND s.kind = 'SCHOOL')
            OR a."createdAt" <= (SELECT max(r."createdAt") FROM "TrustChoiceEvent" r
                                  WHERE r."schoolId" = ${member.organisationId}::uuid AND r."trustId" = a."organisationId" AND r.action = 'REMOVED'))
     ORDER BY a.id DESC
     LIMIT ${take}::int`;
  return rows.map((row) => ({
    id: String(row.id),
    action: row.action,
    organisationName: row.organisationName ?? "",
    actorName: row.actorName,
    sentence: describeRequirementChange({ action: row.action, actorName: row.actorName, before: row.before, after: row.after }),
    createdAt: row.createdAt,
  }));
}

/** What the page needs to know of the member's organisation: its kind and designation, and a school's trust whose requirements apply to it. */
export type RequirementSetting = {
  kind: "SCHOOL" | "TRUST";
  /** A trust sets requirements only while designated Academies. */
  setsRequirements: boolean;
  /** For a school: the trust it has chosen, when that trust's requirements apply (a Trust designated Academies). */
  trust: { id: string; name: string } | null;
};

export function getRequirementSetting(member: MemberScope): Promise<RequirementSetting> {
  return settingOf(member.organisationId);
}

// Read once per request, however many of the page's reads ask (the list, the courses on offer, the page itself).
const settingOf = cache(async (organisationId: string): Promise<RequirementSetting> => {
  const organisation = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { kind: true, designation: true, trust: { select: { id: true, name: true, kind: true, designation: true } } },
  });
  return {
    kind: organisation.kind,
    setsRequirements: organisation.kind === "SCHOOL" || organisation.designation === "ACADEMIES",
    trust: applyingTrust(organisation),
  };
});

/**
 * Courses the member's organisation can require, by title: every course, less (for a school) those the trust
 * it has chosen already requires, which the school cannot add.
 */
export async function listRequirableCourses(member: MemberScope): Promise<{ id: string; title: string }[]> {
  const { trust } = await getRequirementSetting(member);
  return db.course.findMany({
    where: trust ? { requirements: { none: { organisationId: trust.id } } } : {},
    select: { id: true, title: true },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
}
