// Reminders about required training (lib/mail/reminders.ts) and the weekly digests (lib/mail/digests.ts).
// The payloads hold figures and dates, never sentences: the words are made here, once, for the HTML and the
// text version alike. Each message has exactly one link, to the page it is about.
import type { ReminderStage } from "../../generated/prisma/enums";
import { formatDay } from "../../format";
import { button, heading, list, note, paragraph, table, type Message } from "../message";

export type ReminderItem = {
  course: string;
  stage: ReminderStage;
  /** The stage's anchor: the due date, or the last day a completion is in date (ISO date). */
  date: string;
  /** For DUE_IN_14_DAYS: how many days are left (14 unless the requirement came later). */
  daysLeft?: number;
};
export type ReminderPayload = { name: string; schoolNames: string[]; items: ReminderItem[] };

const OVERDUE_WEEKS: Partial<Record<ReminderStage, number>> = { OVERDUE_1_WEEK: 1, OVERDUE_2_WEEKS: 2, OVERDUE_3_WEEKS: 3, OVERDUE_4_WEEKS: 4 };

/** The sentence a reminder says about one course at its stage. */
export function reminderLine(item: ReminderItem): string {
  const day = formatDay(item.date);
  if (item.stage === "DUE_IN_14_DAYS") {
    const days = item.daysLeft ?? 14;
    return days === 1 ? `${item.course} is due tomorrow, on ${day}.` : `${item.course} is due in ${days} days, on ${day}.`;
  }
  if (item.stage === "DUE_TODAY") return `${item.course} is due today.`;
  if (item.stage === "EXPIRES_SOON") return `Your completion of ${item.course} is in date until ${day}: start its renewal.`;
  const weeks = OVERDUE_WEEKS[item.stage]!;
  return `${item.course} was due on ${day}: it is overdue by ${weeks} week${weeks === 1 ? "" : "s"}.`;
}

function reminderSubject(items: ReminderItem[]): string {
  if (items.length > 1) return `Required training: ${items.map((i) => i.course).join(", ")}`;
  const [item] = items as [ReminderItem];
  if (item.stage === "DUE_TODAY") return `Due today: ${item.course}`;
  if (item.stage === "DUE_IN_14_DAYS") return `Due soon: ${item.course}`;
  if (item.stage === "EXPIRES_SOON") return `Time to renew: ${item.course}`;
  return `Overdue: ${item.course}`;
}

const andList = (names: string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

export function reminderMessage(p: ReminderPayload, appUrl: string): Message {
  const lines = p.items.map(reminderLine);
  return {
    subject: reminderSubject(p.items),
    preview: lines.join(" "),
    blocks: [
      heading("Required training"),
      paragraph(`Hello ${p.name},`),
      paragraph(p.items.length === 1 ? "A course required of you needs your attention:" : "Courses required of you need your attention:"),
      list(lines),
      button("Open My Courses", `${appUrl}/courses/my-courses`),
    ],
    footer: `Sent by Schoot trust progress because ${andList(p.schoolNames)} require${p.schoolNames.length === 1 ? "s" : ""} this training of you. You can turn reminders off in your account's email settings.`,
  };
}

// ---- The school digest --------------------------------------------------------------------------------

export type SchoolDigestPayload = {
  schoolId: string;
  schoolName: string;
  name: string;
  /** The Monday (England) of the week, ISO. */
  weekOf: string;
  /** Staff with any required course, and of them those in date on every one. */
  staff: number;
  inDateStaff: number;
  /** Overdue (person, course) pairs, and the first of them, longest overdue first. */
  overdue: number;
  overduePeople: { name: string; course: string; dueOn: string }[];
  /** People who joined in the 7 days before it was written, and the first of them. */
  joined: number;
  joiners: { name: string; joinedOn: string }[];
};

const more = (total: number, shown: number) => (total > shown ? [note(`and ${total - shown} more`)] : []);

export function schoolDigestMessage(p: SchoolDigestPayload, appUrl: string): Message {
  const overdueLine = p.overdue === 0 ? "Nobody is overdue." : `${p.overdue} required course${p.overdue === 1 ? " is" : "s are"} overdue:`;
  return {
    subject: `${p.schoolName}: your weekly training digest`,
    preview: `${overdueLine.replace(/:$/, ".")} ${p.joined} joined this week.`,
    blocks: [
      heading(p.schoolName),
      paragraph(`Hello ${p.name}, here is the week of ${formatDay(p.weekOf)}.`),
      paragraph(p.staff === 0 ? "No training is required of your staff." : `${p.inDateStaff} of ${p.staff} staff are in date on every required course.`),
      paragraph(overdueLine),
      ...(p.overduePeople.length ? [table(["Name", "Course", "Due"], p.overduePeople.map((o) => [o.name, o.course, formatDay(o.dueOn)])), ...more(p.overdue, p.overduePeople.length)] : []),
      paragraph(p.joined === 0 ? "Nobody joined in the last 7 days." : `Joined in the last 7 days (${p.joined}):`),
      ...(p.joiners.length ? [table(["Name", "Joined"], p.joiners.map((j) => [j.name, formatDay(j.joinedOn)])), ...more(p.joined, p.joiners.length)] : []),
      p.overdue > 0
        ? button("See who is overdue", `${appUrl}/courses/progress/${p.schoolId}?required=overdue`)
        : button("Open the progress view", `${appUrl}/courses/progress/${p.schoolId}`),
    ],
    footer: `Sent by Schoot trust progress to ${p.schoolName}'s Administrators every Monday. You can turn the weekly digest off in your account's email settings.`,
  };
}

// ---- The trust digest ---------------------------------------------------------------------------------

export type TrustDigestSchool = {
  schoolId: string;
  name: string;
  /** In-date share of required training (lib/requirements/trust-compliance.ts), null when nothing is required. */
  percent: number | null;
  overdue: number;
  /** Last digest's figure: undefined when there was no last digest, "new" when the school was not in it. */
  before?: number | null | "new";
};
export type TrustDigestPayload = {
  trustId: string;
  trustName: string;
  name: string;
  weekOf: string;
  /** The week of the person's previous digest for the trust, compared with; null for the first. */
  previousWeekOf: string | null;
  /** Worst first. */
  schools: TrustDigestSchool[];
  /** Schools in the previous digest that no longer count for the trust. */
  left: string[];
};

/** "up 5 points", "down 3 points", "no change", "new this week" (or "—" when there is nothing to compare). */
export function changeWords(now: number | null, before: TrustDigestSchool["before"]): string {
  if (before === undefined) return "—";
  if (before === "new") return "new this week";
  if (now === null || before === null) return now === before ? "no change" : "—";
  const d = now - before;
  return d === 0 ? "no change" : `${d > 0 ? "up" : "down"} ${Math.abs(d)} point${Math.abs(d) === 1 ? "" : "s"}`;
}

export function trustDigestMessage(p: TrustDigestPayload, appUrl: string): Message {
  const compare = p.previousWeekOf !== null;
  const head = ["School", "In date", "Overdue", ...(compare ? ["Since last digest"] : [])];
  const rows = p.schools.map((s) => [
    s.name, s.percent === null ? "Nothing required" : `${s.percent}%`, String(s.overdue), ...(compare ? [changeWords(s.percent, s.before)] : []),
  ]);
  const worst = p.schools.find((s) => s.percent !== null);
  return {
    subject: `${p.trustName}: this week's compliance by school`,
    preview: worst ? `${worst.name} is furthest behind, at ${worst.percent}% in date.` : "Nothing is required at the trust's schools yet.",
    blocks: [
      heading(p.trustName),
      paragraph(`Hello ${p.name}, here is the required training of the trust's schools, worst first, for the week of ${formatDay(p.weekOf)}.`),
      table(head, rows),
      ...(p.left.length ? [paragraph(`No longer in the trust's overview: ${p.left.join(", ")}.`)] : []),
      compare ? note(`Changes are in percentage points since your digest of ${formatDay(p.previousWeekOf)}.`) : note("Next week's digest will show what changed."),
      button("Open the trust overview", `${appUrl}/courses/overview/${p.trustId}`),
    ],
    footer: `Sent by Schoot trust progress to ${p.trustName}'s MAT leads every Monday. You can turn the weekly digest off in your account's email settings.`,
  };
}
