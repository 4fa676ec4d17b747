// The reminder rule at its boundaries, with the clock fixed: a table of (standing, today) → stage.
import { describe, expect, it } from "vitest";
import { requiredStatus, type IsoDate } from "../requirements/status";
import { reminderStage } from "./reminders";
import { linksOf, renderHtml, renderText } from "./message";
import { changeWords, reminderLine, reminderMessage, schoolDigestMessage, trustDigestMessage } from "./templates/training";

const TODAY: IsoDate = "2026-12-14";
const due = (firstDueOn: IsoDate) => requiredStatus({ firstDueOn, completedOn: null, renewalYears: null, attempt: "NOT_STARTED" }, TODAY);
const completed = (completedOn: IsoDate, renewalYears: number | null) => requiredStatus({ firstDueOn: "2020-01-01", completedOn, renewalYears, attempt: "COMPLETED" }, TODAY);

describe("reminderStage", () => {
  it.each([
    ["due in 15 days", due("2026-12-29"), null],
    ["due in 14 days", due("2026-12-28"), { stage: "DUE_IN_14_DAYS", anchorOn: "2026-12-28" }],
    ["due in 13 days", due("2026-12-27"), { stage: "DUE_IN_14_DAYS", anchorOn: "2026-12-27" }],
    ["due tomorrow", due("2026-12-15"), { stage: "DUE_IN_14_DAYS", anchorOn: "2026-12-15" }],
    ["due today", due("2026-12-14"), { stage: "DUE_TODAY", anchorOn: "2026-12-14" }],
    ["1 day after (the day's stage missed: no backlog)", due("2026-12-13"), null],
    ["6 days after", due("2026-12-08"), null],
    ["7 days after", due("2026-12-07"), { stage: "OVERDUE_1_WEEK", anchorOn: "2026-12-07" }],
    ["13 days after", due("2026-12-01"), { stage: "OVERDUE_1_WEEK", anchorOn: "2026-12-01" }],
    ["14 days after", due("2026-11-30"), { stage: "OVERDUE_2_WEEKS", anchorOn: "2026-11-30" }],
    ["21 days after", due("2026-11-23"), { stage: "OVERDUE_3_WEEKS", anchorOn: "2026-11-23" }],
    ["28 days after", due("2026-11-16"), { stage: "OVERDUE_4_WEEKS", anchorOn: "2026-11-16" }],
    ["29 days after", due("2026-11-15"), { stage: "OVERDUE_4_WEEKS", anchorOn: "2026-11-15" }],
    ["34 days after", due("2026-11-10"), { stage: "OVERDUE_4_WEEKS", anchorOn: "2026-11-10" }],
    ["35 days after (4 reminders were enough)", due("2026-11-09"), null],
    ["expires in 31 days", completed("2026-01-14", 1), null], // expires 2027-01-14
    ["expires in 30 days", completed("2026-01-13", 1), { stage: "EXPIRES_SOON", anchorOn: "2027-01-13" }],
    ["expires today", completed("2025-12-14", 1), { stage: "EXPIRES_SOON", anchorOn: "2026-12-14" }],
    ["expired 7 days ago", completed("2025-12-07", 1), { stage: "OVERDUE_1_WEEK", anchorOn: "2026-12-07" }],
    ["expired 3 days ago", completed("2025-12-11", 1), null],
    ["completed, no renewal", completed("2020-06-01", null), null],
    ["completed, in date for long", completed("2026-06-01", 1), null],
  ] as const)("%s", (_case, standing, expected) => {
    expect(reminderStage(standing, TODAY)).toEqual(expected);
  });
});

describe("the words", () => {
  it.each([
    [{ course: "Safeguarding essentials", stage: "DUE_IN_14_DAYS", date: "2026-12-14", daysLeft: 14 }, "Safeguarding essentials is due in 14 days, on 14 Dec 2026."],
    [{ course: "Safeguarding essentials", stage: "DUE_IN_14_DAYS", date: "2026-12-14", daysLeft: 1 }, "Safeguarding essentials is due tomorrow, on 14 Dec 2026."],
    [{ course: "Safeguarding essentials", stage: "DUE_TODAY", date: "2026-12-14" }, "Safeguarding essentials is due today."],
    [{ course: "Safeguarding essentials", stage: "OVERDUE_2_WEEKS", date: "2026-12-01" }, "Safeguarding essentials was due on 1 Dec 2026: it is overdue by 2 weeks."],
    [{ course: "Safeguarding essentials", stage: "OVERDUE_1_WEEK", date: "2026-12-01" }, "Safeguarding essentials was due on 1 Dec 2026: it is overdue by 1 week."],
    [{ course: "Safeguarding essentials", stage: "EXPIRES_SOON", date: "2026-12-14" }, "Your completion of Safeguarding essentials is in date until 14 Dec 2026: start its renewal."],
  ] as const)("%o", (item, line) => {
    expect(reminderLine(item)).toBe(line);
  });

  it.each([
    [60, 55, "up 5 points"], [50, 53, "down 3 points"], [40, 40, "no change"], [41, 40, "up 1 point"],
    [40, "new", "new this week"], [null, null, "no change"], [40, undefined, "—"],
  ] as const)("%s now, %s before: %s", (now, before, words) => {
    expect(changeWords(now, before)).toBe(words);
  });
});

describe("the messages", () => {
  const app = "https://schoot.example.org";
  const school = schoolDigestMessage({
    schoolId: "s1", schoolName: "Riverside Primary Academy", name: "Head", weekOf: "2026-12-07", staff: 30, inDateStaff: 12, overdue: 13,
    overduePeople: Array.from({ length: 10 }, (_, i) => ({ name: `P${i}`, course: "Safeguarding essentials", dueOn: "2026-11-01" })),
    joined: 1, joiners: [{ name: "Jo <New>", joinedOn: "2026-12-05" }],
  }, app);
  const trust = trustDigestMessage({
    trustId: "t1", trustName: "Northstar Academy Trust", name: "Lead", weekOf: "2026-12-14", previousWeekOf: "2026-12-07",
    schools: [{ schoolId: "h", name: "Hillcrest Academy", percent: 40, overdue: 9, before: 45 }, { schoolId: "r", name: "Riverside Primary Academy", percent: 80, overdue: 2, before: "new" }],
    left: ["Meadow Lane Academy"],
  }, app);
  const reminder = reminderMessage({ name: "Pat", schoolNames: ["Riverside Primary Academy"], items: [{ course: "Safeguarding essentials", stage: "DUE_TODAY", date: "2026-12-14" }] }, app);

  it("each holds exactly one link, to the page it is about", () => {
    expect(linksOf(reminder)).toEqual([`${app}/courses/my-courses`]);
    expect(linksOf(school)).toEqual([`${app}/courses/progress/s1?required=overdue`]);
    expect(linksOf(trust)).toEqual([`${app}/courses/overview/t1`]);
  });

  it("says the same in HTML and text, names escaped", () => {
    const text = renderText(school);
    expect(text).toContain("12 of 30 staff are in date on every required course.");
    expect(text).toContain("and 3 more");
    expect(text).toContain("Jo <New> | 5 Dec 2026");
    expect(renderHtml(school)).toContain("Jo &lt;New&gt;");
    expect(renderText(trust)).toContain("Hillcrest Academy | 40% | 9 | down 5 points");
    expect(renderText(trust)).toContain("Riverside Primary Academy | 80% | 2 | new this week");
    expect(renderText(trust)).toContain("No longer in the trust's overview: Meadow Lane Academy.");
    expect(reminder.subject).toBe("Due today: Safeguarding essentials");
    expect(renderText(reminder)).toContain("- Safeguarding essentials is due today.");
  });
});
