import "server-only";
import { findSchoolProgressScope, findTrustOverview, type SchoolProgressScope, type TrustOverviewScope } from "../access";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { logError } from "../log";
import { rolesWith } from "../permissions";
import { OVERDUE_LISTED, summariseSchoolCompliance } from "../requirements/school-compliance";
import { addDays, isoDateOf, londonDate, type IsoDate } from "../requirements/status";
import { summariseTrustCompliance } from "../requirements/trust-compliance";
import { enqueueMail } from "./outbox";
import type { SchoolDigestPayload, TrustDigestPayload, TrustDigestSchool } from "./templates/training";

// The weekly digests (README, Email): to each Administrator of a school, who is overdue and who joined; to
// each MAT lead, the trust's compliance by school, worst first, and what changed since their last digest.
// A week's digest is due from Monday 07:00 in England until it is sent; "DigestSent" (person, organisation,
// week) makes it once, inserted with ON CONFLICT DO NOTHING in the transaction that writes the email, so two
// cron passes at once write it once. What a digest shows is read through lib/access.ts's scopes, as the
// pages it links to read it: a person who can no longer see a school or a trust gets no digest about it.

export const DIGEST_HOUR = 7;

const londonHour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" });

/**
 * The Monday (England) of the week whose digest is due at `now`, or null: digests go from Monday 07:00 until
 * Tuesday 07:00. A day's window, so a host whose cron runs once a day (Vercel's Hobby plan) still sends them,
 * but no catching up later in the week: a digest about "this week" arriving on a Thursday, or someone made an
 * Administrator on a Wednesday getting one at once, would be more noise than news. Their first is next Monday's.
 */
export function digestWeekOf(now: Date): IsoDate | null {
  const today = londonDate(now);
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const hour = Number(londonHour.format(now));
  if (weekday === 0 && hour >= DIGEST_HOUR) return today;
  if (weekday === 1 && hour < DIGEST_HOUR) return addDays(today, -1);
  return null;
}

type Candidate = { userId: string; organisationId: string; email: string; name: string; kind: "SCHOOL" | "TRUST" };

/**
 * People who may be due a digest this week and have none yet: members whose role may see progress, of a
 * school, or of a trust some school has chosen, who take the digest. Which of them may really see what is
 * lib/access.ts's answer, asked for each. One statement (Membership by role, DigestSent by its key).
 */
async function candidates(weekOf: IsoDate): Promise<Candidate[]> {
  return db.$queryRaw<Candidate[]>`
    SELECT m."userId", m."organisationId", u.email, u.name, o.kind::text AS kind
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId" AND u."emailDigest"
      JOIN "Organisation" o ON o.id = m."organisationId"
     WHERE m.role = ANY(${rolesWith("progress.view")}::"Role"[])
       AND (o.kind = 'SCHOOL' OR EXISTS (SELECT 1 FROM "Organisation" s WHERE s."trustId" = o.id))
       AND NOT EXISTS (SELECT 1 FROM "DigestSent" d WHERE d."userId" = m."userId" AND d."organisationId" = m."organisationId" AND d."weekOf" = ${weekOf}::date)
     ORDER BY m."userId", m."organisationId"`;
}

/** Writes the week's digest row and its email in one transaction; the email's id, or null when it was already there. */
async function record(c: Candidate, weekOf: IsoDate, figures: Prisma.InputJsonValue, mail: (() => Parameters<typeof enqueueMail>[1]) | null): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.digestSent.createMany({
      data: [{ userId: c.userId, organisationId: c.organisationId, weekOf: new Date(`${weekOf}T00:00:00Z`), figures }],
      skipDuplicates: true,
    });
    if (count === 0 || !mail) return null;
    const outboxId = await enqueueMail(tx, mail());
    await tx.digestSent.update({ where: { userId_organisationId_weekOf: { userId: c.userId, organisationId: c.organisationId, weekOf: new Date(`${weekOf}T00:00:00Z`) } }, data: { outboxId } });
    return outboxId;
  });
}

// ---- A school's Administrators ------------------------------------------------------------------------

/** People who joined the school in the 7 days before `now`, newest first: the count and the first few. */
async function joinersOf(school: SchoolProgressScope, now: Date): Promise<{ joined: number; joiners: { name: string; joinedOn: IsoDate }[] }> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const rows = await db.$queryRaw<{ name: string; joinedAt: Date; total: number }[]>`
    SELECT u.name, m."createdAt" AS "joinedAt", (count(*) OVER ())::int AS total
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."organisationId" = ${school.schoolId}::uuid AND m."createdAt" > ${since} AND m."createdAt" <= ${now}
     ORDER BY m."createdAt" DESC, u.name
     LIMIT ${OVERDUE_LISTED}::int`;
  return { joined: rows[0]?.total ?? 0, joiners: rows.map((r) => ({ name: r.name, joinedOn: londonDate(r.joinedAt) })) };
}

async function schoolDigest(c: Candidate, weekOf: IsoDate, now: Date): Promise<string | null> {
  const school = await findSchoolProgressScope(c.userId, c.organisationId);
  if (!school) return null; // no longer allowed: nothing is recorded, so it is looked at again next pass
  const today = londonDate(now);
  const [compliance, joiners] = await Promise.all([summariseSchoolCompliance(school, today), joinersOf(school, now)]);
  const figures = { staff: compliance.staff, inDateStaff: compliance.inDateStaff, overdue: compliance.overdue, joined: joiners.joined };
  // A school with nothing required and nobody new gets no email (the row is kept: the week is decided).
  const quiet = compliance.staff === 0 && joiners.joined === 0;
  const payload: SchoolDigestPayload = {
    schoolId: school.schoolId, schoolName: school.schoolName, name: c.name, weekOf, ...figures,
    overduePeople: compliance.overduePeople.map((o) => ({ name: o.name, course: o.course, dueOn: o.dueOn })),
    joiners: joiners.joiners,
  };
  return record(c, weekOf, { kind: "school", ...figures }, quiet ? null : () => ({ kind: "SCHOOL_DIGEST", to: c.email, userId: c.userId, organisationId: school.schoolId, payload }));
}

// ---- MAT leads ----------------------------------------------------------------------------------------

type TrustFigures = { kind: "trust"; schools: { schoolId: string; name: string; percent: number | null; overdue: number }[] };

/** Every school of the overview, worst first: lowest compliance first, nothing required last, then by name (the scope's order). */
function worstFirst(overview: TrustOverviewScope, figures: Map<string, { percent: number | null; overdue: number }>): TrustFigures["schools"] {
  const rows = overview.schools.map((s, i) => ({ schoolId: s.schoolId, name: s.schoolName, i, percent: figures.get(s.schoolId)?.percent ?? null, overdue: figures.get(s.schoolId)?.overdue ?? 0 }));
  rows.sort((a, b) => (a.percent === b.percent ? a.i - b.i : a.percent === null ? 1 : b.percent === null ? -1 : a.percent - b.percent));
  return rows.map((r) => ({ schoolId: r.schoolId, name: r.name, percent: r.percent, overdue: r.overdue }));
}

async function trustDigest(c: Candidate, weekOf: IsoDate, now: Date): Promise<string | null> {
  const overview = await findTrustOverview(c.userId, c.organisationId);
  if (!overview) return null; // not (or no longer) a MAT lead of it, or no school has chosen it
  const compliance = await summariseTrustCompliance(overview, londonDate(now));
  const schools = worstFirst(overview, compliance.schools);
  const previous = await db.digestSent.findFirst({
    where: { userId: c.userId, organisationId: c.organisationId, weekOf: { lt: new Date(`${weekOf}T00:00:00Z`) } },
    orderBy: { weekOf: "desc" },
    select: { weekOf: true, figures: true },
  });
  const before = previous ? new Map(((previous.figures as TrustFigures).schools ?? []).map((s) => [s.schoolId, s])) : null;
  const payload: TrustDigestPayload = {
    trustId: overview.trustId, trustName: overview.trustName, name: c.name, weekOf,
    previousWeekOf: previous ? isoDateOf(previous.weekOf) : null,
    schools: schools.map((s): TrustDigestSchool => ({ ...s, ...(before ? { before: before.has(s.schoolId) ? before.get(s.schoolId)!.percent : "new" } : {}) })),
    left: before ? [...before.values()].filter((s) => !schools.some((n) => n.schoolId === s.schoolId)).map((s) => s.name) : [],
  };
  const figures: TrustFigures = { kind: "trust", schools };
  return record(c, weekOf, figures, () => ({ kind: "TRUST_DIGEST", to: c.email, userId: c.userId, organisationId: overview.trustId, payload }));
}

/**
 * Plans the digests due at `now`: one statement finds who has none yet this week, then for each the figures
 * (through lib/access.ts) and one transaction. Returns the outbox ids written.
 */
export async function planDigests(now: Date, options: { deadline?: number } = {}): Promise<string[]> {
  const weekOf = digestWeekOf(now);
  if (!weekOf) return [];
  const ids: string[] = [];
  for (const c of await candidates(weekOf)) {
    if (options.deadline && Date.now() > options.deadline) break; // the next pass carries on where this one stopped
    try {
      const id = c.kind === "SCHOOL" ? await schoolDigest(c, weekOf, now) : await trustDigest(c, weekOf, now);
      if (id) ids.push(id);
    } catch (error) {
      logError("mail.digest_plan_failed", error, { userId: c.userId, organisationId: c.organisationId });
    }
  }
  return ids;
}
