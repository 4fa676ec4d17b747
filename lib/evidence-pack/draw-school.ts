// A school's section of the evidence pack, drawn a part at a time: the generator yields after each part and
// after every batch of staff rows, so the stream hands the bytes on (and waits for the reader) as it goes.
import "server-only";
import { formatDateTime, formatDay } from "../format";
import type { PageWriter, Tone } from "../pdf/layout";
import { requiredStatusLabel, type RequiredStatus } from "../requirements/status";
import { isoDateOf } from "../requirements/status";
import { renewalWords, type Period, type SchoolFacts, type StaffRow } from "./school-data";

export const PACK_TITLE = "Evidence pack: staff training";

const number = new Intl.NumberFormat("en-GB");

/** Status colours go with the words, never instead of them. */
export function statusTone(status: RequiredStatus | null): Tone {
  return status === "OVERDUE" || status === "EXPIRED" ? "bad" : status === "DUE_SOON" ? "warn" : status === "COMPLETED" ? "good" : "plain";
}

const day = (date: Date | null) => (date ? formatDay(isoDateOf(date)) : "—");

/** "1 Dec 2025 to 30 Nov 2026". */
export const periodWords = (period: Period) => `${formatDay(period.from)} to ${formatDay(period.to)}`;

/** "Northstar Academy Trust, chosen on 10 Jan 2026 by Ann Head", or that none is chosen. */
export function trustChoiceWords(trust: SchoolFacts["trust"]): string {
  if (!trust) return "No Multi Academy Trust chosen";
  const on = trust.chosenAt ? `, chosen on ${formatDay(isoDateOf(trust.chosenAt))}` : "";
  return `${trust.name}${on}${trust.chosenByName ? ` by ${trust.chosenByName}` : ""}`;
}

/** "12 of 15 staff are in date on every required course": the progress view's headline, word for word. */
export const inDateWords = (inDate: number, staff: number) => `${number.format(inDate)} of ${number.format(staff)} staff are in date on every required course`;

/** Why someone can see the school's staff training, as the transparency page says it. */
function whyWords(viewer: SchoolFacts["viewers"][number]): string {
  return viewer.reason === "school-administrator" ? "Administrator of the school" : "Administrator of the Multi Academy Trust the school chose";
}

/**
 * Draws one school's section, starting on a new page with the school's name as the running title.
 * `staff` is the school's rows as readStaffRows() hands them out, a batch at a time.
 */
export async function* drawSchool(writer: PageWriter, facts: SchoolFacts, staff: AsyncIterable<StaffRow[]>, period: Period, generated: string): AsyncGenerator<void> {
  const { scope, compliance } = facts;
  writer.running = { ...writer.running, title: scope.schoolName };
  writer.newPage();
  writer.doc.outline.addItem(scope.schoolName);

  writer.heading(scope.schoolName, 1);
  writer.paragraph(PACK_TITLE, { bold: true, size: 12 });
  writer.details([
    ["URN", facts.urn ?? "—"],
    ["Generated", generated],
    ["Period", `${periodWords(period)} (the 12 months to the date of generation)`],
    ["Multi Academy Trust", trustChoiceWords(facts.trust)],
  ]);
  yield;

  writer.heading("Required training");
  if (compliance.courses.length === 0) {
    writer.paragraph("Nothing is required of this school's staff.");
  } else {
    writer.paragraph(`${inDateWords(compliance.inDateStaff, compliance.staff)} (on ${formatDay(period.to)}).`, { bold: true });
    const rulesOf = (courseId: string) => facts.rules.filter((r) => r.courseId === courseId);
    type Course = (typeof compliance.courses)[number];
    // Widths in points (of 499): every header word fits its column at 8.5 pt, so none breaks mid-word.
    const table = writer.startTable<Course>([
      { header: "Course", width: 82, text: (c) => c.title, bold: () => true },
      { header: "Required by", width: 68, text: (c) => [...new Set(rulesOf(c.courseId).map((r) => r.organisationName))].join(" and ") || c.requiredByName },
      { header: "Due", width: 68, text: (c) => rulesOf(c.courseId).map((r) => r.due).join("; ") || "—" },
      { header: "Renewal", width: 63, text: (c) => renewalWords(shortestRenewal(rulesOf(c.courseId).map((r) => r.renewalYears))) },
      { header: "In date", width: 46, align: "right", text: (c) => `${number.format(c.inDate)} of ${number.format(c.required)}`, tone: (c) => (c.inDate === c.required ? "good" : "plain") },
      { header: "Due soon", width: 42, align: "right", text: (c) => number.format(c.dueSoon), tone: (c) => (c.dueSoon ? "warn" : "plain") },
      { header: "Overdue", width: 44, align: "right", text: (c) => number.format(c.overdue), tone: (c) => (c.overdue ? "bad" : "plain"), bold: (c) => c.overdue > 0 },
      { header: "Expired", width: 42, align: "right", text: (c) => number.format(c.expired), tone: (c) => (c.expired ? "bad" : "plain"), bold: (c) => c.expired > 0 },
      { header: "Not yet due", width: 44, align: "right", text: (c) => number.format(c.notYetDue) },
    ]);
    for (const course of compliance.courses) table.row(course);
    table.end();
    writer.paragraph(
      "In date: completed, and the completion is still valid (a renewal due soon is still in date). Due soon: due, or renewal due, within 30 days. Not yet due: not started or in progress, and due in more than 30 days.",
      { size: 8.5, muted: true },
    );
  }
  yield;

  writer.heading("Staff");
  writer.paragraph(`Every member of staff, by name, with their standing on each required course on ${formatDay(period.to)}.`, { muted: true, size: 9 });
  const table = writer.startTable<StaffRow>([
    { header: "Name", width: 24, text: (r) => r.name, bold: () => true },
    { header: "Course", width: 22, text: (r) => r.course ?? "—" },
    { header: "Status", width: 14, text: (r) => (r.status ? requiredStatusLabel(r.status) : "No required training"), tone: (r) => statusTone(r.status), bold: (r) => r.status === "OVERDUE" || r.status === "EXPIRED" },
    { header: "Due", width: 13, text: (r) => (r.status && r.status !== "COMPLETED" ? day(r.dueOn) : "—") }, // a first attempt, or a renewal
    { header: "Completed", width: 13, text: (r) => day(r.completedOn) },
    { header: "In date until", width: 14, text: (r) => (r.completedOn ? (r.expiresOn ? day(r.expiresOn) : "No expiry") : "—") },
  ]);
  let rows = 0;
  for await (const batch of staff) {
    for (const row of batch) table.row(row);
    rows += batch.length;
    yield;
  }
  table.end();
  if (rows === 0) writer.paragraph("The school has no members of staff.");

  writer.heading("Requirement changes in the period");
  if (facts.history.length === 0) {
    writer.paragraph("No course was required, changed or stopped being required in the period.");
  } else {
    const history = writer.startTable<SchoolFacts["history"][number]>([
      { header: "When", width: 17, text: (h) => formatDateTime(h.at) },
      { header: "Change", width: 58, text: (h) => h.sentence },
      { header: "Of", width: 25, text: (h) => h.organisationName },
    ]);
    for (const entry of facts.history) history.row(entry);
    history.end();
  }

  writer.heading("Who can see this school's staff training");
  writer.paragraph(
    "The school's own Administrators, and the Administrators of the Multi Academy Trust it has chosen while that trust is designated Academies, on the date of generation.",
    { muted: true, size: 9 },
  );
  if (facts.viewers.length === 0) {
    writer.paragraph("Nobody.");
  } else {
    const viewers = writer.startTable<SchoolFacts["viewers"][number]>([
      { header: "Name", width: 28, text: (v) => v.name, bold: () => true },
      { header: "Organisation", width: 32, text: (v) => v.organisationName },
      { header: "Why", width: 40, text: whyWords },
    ]);
    for (const viewer of facts.viewers) viewers.row(viewer);
    viewers.end();
  }

  writer.heading("Multi Academy Trust");
  writer.paragraph(`Now: ${trustChoiceWords(facts.trust)}.`);
  if (facts.trustEvents.length === 0) {
    writer.paragraph("No choices or removals in the period.", { muted: true });
  } else {
    const events = writer.startTable<SchoolFacts["trustEvents"][number]>([
      { header: "When", width: 20, text: (e) => formatDateTime(e.at) },
      { header: "Change", width: 80, text: (e) => `${scope.schoolName} ${e.action === "CHOSEN" ? "chose" : "removed"} ${e.trustName}${e.byName ? ` (by ${e.byName})` : ""}` },
    ]);
    for (const event of facts.trustEvents) events.row(event);
    events.end();
  }
  yield;
}

/** A course required twice takes the shorter renewal (as required_training() does); none when neither renews. */
function shortestRenewal(years: (number | null)[]): number | null {
  const renewing = years.filter((y): y is number => y !== null);
  return renewing.length ? Math.min(...renewing) : null;
}
