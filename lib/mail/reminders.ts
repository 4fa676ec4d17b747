import "server-only";
import { db } from "../db";
import type { ReminderStage } from "../generated/prisma/enums";
import { Prisma } from "../generated/prisma/client";
import { logError } from "../log";
import { compareRequired } from "../requirements/mine";
import { addDays, DUE_SOON_DAYS, isoDateOf, londonToday, type IsoDate, type RequiredStanding, type RequiredStatus } from "../requirements/status";
import { enqueueMail } from "./outbox";
import type { ReminderItem } from "./templates/training";

// Reminders about required training (README, Email). A person is told 14 days before a required course is
// due, on the day, weekly while it is overdue (4 times at most), and when a completion is about to expire.
// reminderStage() is the whole rule, on one standing (lib/requirements/status.ts). Only the stage current
// today is ever sent: a stage missed while the cron was down is skipped, never caught up as a backlog.
// Each (person, course, anchor date, stage) is a row of "ReminderSent", inserted with ON CONFLICT DO NOTHING
// in the transaction that writes the email, so two cron passes at once plan each reminder once.

export const DUE_AHEAD_DAYS = 14;
export const OVERDUE_REMINDERS = 4;
const OVERDUE_STAGES: ReminderStage[] = ["OVERDUE_1_WEEK", "OVERDUE_2_WEEKS", "OVERDUE_3_WEEKS", "OVERDUE_4_WEEKS"];

export type DueReminder = { stage: ReminderStage; anchorOn: IsoDate };

const dayNumber = (date: IsoDate) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
export const daysBetween = (from: IsoDate, to: IsoDate) => dayNumber(to) - dayNumber(from);

/** The reminder due about one required course on `today`, or null. */
export function reminderStage(standing: Pick<RequiredStanding, "inDate" | "dueOn" | "expiresOn">, today: IsoDate): DueReminder | null {
  if (standing.inDate) {
    const expires = standing.expiresOn;
    if (expires === null) return null; // completed for good
    return today >= addDays(expires, -DUE_SOON_DAYS) && today <= expires ? { stage: "EXPIRES_SOON", anchorOn: expires } : null;
  }
  const due = standing.dueOn; // the first due date, or the expiry of a completion that has expired
  if (due === null) return null;
  if (today < due) return today >= addDays(due, -DUE_AHEAD_DAYS) ? { stage: "DUE_IN_14_DAYS", anchorOn: due } : null;
  if (today === due) return { stage: "DUE_TODAY", anchorOn: due };
  const weeks = Math.floor(daysBetween(due, today) / 7);
  return weeks >= 1 && weeks <= OVERDUE_REMINDERS ? { stage: OVERDUE_STAGES[weeks - 1]!, anchorOn: due } : null;
}

/** How far from today a stage's date can be: candidates are read within this window only (a superset). */
const LOOK_BACK_DAYS = 7 * (OVERDUE_REMINDERS + 1) - 1;
const LOOK_AHEAD_DAYS = Math.max(DUE_SOON_DAYS, DUE_AHEAD_DAYS);

type Row = {
  userId: string; courseId: string; schoolName: string; title: string; name: string; email: string;
  status: RequiredStatus; inDate: boolean; dueOn: Date | null; expiresOn: Date | null;
};

/**
 * Every row of required training (every school's, every current member's) of the (person, course) pairs with
 * a date in the reminder window, for people who take reminders. All the pair's rows, not only those in the
 * window: the most urgent of a person's schools decides (as on My Courses). One statement. No scope of
 * lib/access.ts: this is the system telling each person about their own training, and nobody else's.
 * Cost: one pass over "RequiredAssignment" (no index on the dates: measured 0.5 ms for the demo's 130 rows;
 * a few tens of ms at 36,000). An index on the row's next date would make it a range scan (a migration).
 */
function candidatesSql(today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    WITH rt AS MATERIALIZED (
      SELECT r."userId", r."courseId", r."schoolId", r.status, r."inDate", r."dueOn", r."expiresOn"
        FROM required_training(ARRAY(SELECT id FROM "Organisation" WHERE kind = 'SCHOOL'), ${today}::date) r
    ), pairs AS (
      SELECT DISTINCT "userId", "courseId" FROM rt
       WHERE "dueOn" BETWEEN ${addDays(today, -LOOK_BACK_DAYS)}::date AND ${addDays(today, LOOK_AHEAD_DAYS)}::date
    )
    SELECT rt."userId", rt."courseId", s.name AS "schoolName", c.title, u.name, u.email, rt.status, rt."inDate", rt."dueOn", rt."expiresOn"
      FROM pairs p
      JOIN rt ON rt."userId" = p."userId" AND rt."courseId" = p."courseId"
      JOIN "User" u ON u.id = rt."userId" AND u."emailReminders"
      JOIN "Course" c ON c.id = rt."courseId"
      JOIN "Organisation" s ON s.id = rt."schoolId"
     ORDER BY rt."userId", c.title, rt."courseId", s.name`;
}

type Planned = { userId: string; email: string; name: string; schoolNames: string[]; items: (ReminderItem & { courseId: string; anchorOn: IsoDate })[] };

/** Who has a reminder due today, grouped by person (not yet checked against what was sent). */
async function dueReminders(today: IsoDate): Promise<Planned[]> {
  const rows = await db.$queryRaw<Row[]>(candidatesSql(today));
  const byPair = new Map<string, { row: Row; schools: string[]; standing: RequiredStanding }>();
  for (const row of rows) {
    const standing = { status: row.status, inDate: row.inDate, dueOn: row.dueOn ? isoDateOf(row.dueOn) : null, expiresOn: row.expiresOn ? isoDateOf(row.expiresOn) : null };
    const key = `${row.userId}/${row.courseId}`;
    const kept = byPair.get(key);
    if (!kept) {
      byPair.set(key, { row, schools: [row.schoolName], standing });
      continue;
    }
    kept.schools.push(row.schoolName);
    const a = { ...standing, course: { id: row.courseId, slug: "", title: row.title } };
    const b = { ...kept.standing, course: { id: kept.row.courseId, slug: "", title: kept.row.title } };
    if (compareRequired(a, b) < 0) Object.assign(kept, { row, standing });
  }
  const people = new Map<string, Planned>();
  for (const { row, schools, standing } of byPair.values()) {
    const due = reminderStage(standing, today);
    if (!due) continue;
    const person = people.get(row.userId) ?? { userId: row.userId, email: row.email, name: row.name, schoolNames: [], items: [] };
    people.set(row.userId, person);
    for (const school of schools) if (!person.schoolNames.includes(school)) person.schoolNames.push(school);
    person.items.push({
      courseId: row.courseId, anchorOn: due.anchorOn, course: row.title, stage: due.stage, date: due.anchorOn,
      ...(due.stage === "DUE_IN_14_DAYS" ? { daysLeft: daysBetween(today, due.anchorOn) } : {}),
    });
  }
  return [...people.values()];
}

/** The reminders already planned, among these (one statement, on the key's prefix). */
async function alreadySent(planned: Planned[]): Promise<Set<string>> {
  const keys = planned.flatMap((p) => p.items.map((i) => ({ userId: p.userId, courseId: i.courseId, anchorOn: i.anchorOn, stage: i.stage })));
  if (!keys.length) return new Set();
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT rs."userId" || '/' || rs."courseId" || '/' || to_char(rs."anchorOn", 'YYYY-MM-DD') || '/' || rs.stage AS key
      FROM "ReminderSent" rs
      JOIN unnest(${keys.map((k) => k.userId)}::uuid[], ${keys.map((k) => k.courseId)}::uuid[], ${keys.map((k) => k.anchorOn)}::date[], ${keys.map((k) => k.stage)}::"ReminderStage"[])
           AS k("userId", "courseId", "anchorOn", stage)
        ON rs."userId" = k."userId" AND rs."courseId" = k."courseId" AND rs."anchorOn" = k."anchorOn" AND rs.stage = k.stage`;
  return new Set(rows.map((r) => r.key));
}

/** Writes one person's new reminders and their email in one transaction; the email's id, or null when none was new. */
async function planFor(person: Planned): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const created = await tx.reminderSent.createManyAndReturn({
      data: person.items.map((i) => ({ userId: person.userId, courseId: i.courseId, anchorOn: new Date(`${i.anchorOn}T00:00:00Z`), stage: i.stage })),
      skipDuplicates: true,
      select: { courseId: true, stage: true, anchorOn: true },
    });
    if (!created.length) return null; // another pass planned them first
    const isNew = (i: Planned["items"][number]) => created.some((c) => c.courseId === i.courseId && c.stage === i.stage && isoDateOf(c.anchorOn) === i.anchorOn);
    const items = person.items.filter(isNew).map((i): ReminderItem => ({ course: i.course, stage: i.stage, date: i.date, ...(i.daysLeft === undefined ? {} : { daysLeft: i.daysLeft }) }));
    const outboxId = await enqueueMail(tx, { kind: "REMINDER", to: person.email, userId: person.userId, payload: { name: person.name, schoolNames: person.schoolNames, items } });
    await tx.reminderSent.updateMany({
      where: { userId: person.userId, OR: created.map((c) => ({ courseId: c.courseId, stage: c.stage, anchorOn: c.anchorOn })) },
      data: { outboxId },
    });
    return outboxId;
  });
}

/**
 * Plans the reminders due at `now` (today in England): two statements find them, then one transaction per
 * person with something new. Returns the outbox ids written. A person whose plan fails is logged and tried
 * again by the next pass (their rows rolled back), as is anyone not reached by `deadline`.
 */
export async function planReminders(now: Date, options: { deadline?: number } = {}): Promise<string[]> {
  const today = londonToday(now);
  const planned = await dueReminders(today);
  const sent = await alreadySent(planned);
  const ids: string[] = [];
  for (const person of planned) {
    if (options.deadline && Date.now() > options.deadline) break; // the next pass carries on where this one stopped
    const fresh = person.items.filter((i) => !sent.has(`${person.userId}/${i.courseId}/${i.anchorOn}/${i.stage}`));
    if (!fresh.length) continue;
    try {
      const id = await planFor({ ...person, items: fresh });
      if (id) ids.push(id);
    } catch (error) {
      logError("mail.reminder_plan_failed", error, { userId: person.userId });
    }
  }
  return ids;
}
