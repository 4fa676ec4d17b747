import type { Locator, Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import {
  chooseProgressFor, expect, expectAccessible, expectMenuClosed, expectNoSidewaysScroll, followMenuLink, newPersonPage, shoot, signIn, signOut, test,
} from "./fixtures";

// Issue 13's journey: the trust requires a course and sees each school's compliance; a head sees the trust's
// requirement as the trust's, adds one of the school's own and lists who is overdue; the teacher does the
// course that is due soon, first on My Courses, and the lead sees the figure move. Figures are read off the
// pages (before and after), never taken from the seed. What a test adds it removes again ("The Prevent duty"
// at the trust, "Data protection in schools" at Riverside), so the demo data stays as the seed made it.
test.describe.configure({ mode: "serial" });
test.beforeAll(resetDemoData);

const TRUST = "Northstar Academy Trust";
const RIVERSIDE = "Riverside Primary Academy";
const SAFEGUARDING = "Safeguarding essentials";

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
/** A date `days` from today in England, as the pages show dates ("20 Dec 2026"). */
function shownDaysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number);
  return dayFormat.format(new Date(Date.UTC(y!, m! - 1, d! + days, 12)));
}

async function openRequiredTraining(page: Page) {
  await followMenuLink(page, "Workplace");
  await expectMenuClosed(page);
  await page.getByRole("navigation", { name: "Workplace" }).getByRole("link", { name: "Required training" }).click();
  await expect(page).toHaveURL(/\/workplace\/required-training$/);
  await expect(page.getByRole("heading", { level: 2, name: "Required training" })).toBeVisible();
}

/** The list of what is required (not the history beside it). */
const requirementsList = (page: Page) => page.getByRole("region", { name: "Required training" });
/** One required course in that list, found by its title. */
const requirementItem = (page: Page, course: string) =>
  requirementsList(page).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: course, exact: true }) });

/** Fills "Require a course" and submits it; waits for "<course> is now required." */
async function requireCourse(page: Page, course: string, due: { days: number } | { date: string }, renewal: string) {
  const form = page.getByRole("region", { name: "Require a course" });
  await form.getByLabel("Course", { exact: true }).selectOption({ label: course });
  if ("days" in due) {
    await form.getByRole("radio", { name: "Within a number of days of joining" }).check();
    await form.getByLabel("Days", { exact: true }).fill(String(due.days));
  } else {
    await form.getByRole("radio", { name: "By a date" }).check();
    await form.getByLabel("Due date", { exact: true }).fill(due.date);
  }
  await form.getByLabel("Renewal", { exact: true }).selectOption({ label: renewal });
  await form.getByRole("button", { name: "Require course" }).click();
  await expect(page.getByText(`${course} is now required.`)).toBeVisible();
  await expect(requirementItem(page, course)).toHaveCount(1);
}

/** Removes an organisation's own requirement again, and checks it has left the list. */
async function removeRequirement(page: Page, course: string) {
  await page.goto("/workplace/required-training");
  await requirementItem(page, course).getByRole("button", { name: `Remove ${course}` }).click();
  await expect(page.getByText(`${course} is no longer required.`)).toBeVisible();
  await expect(requirementItem(page, course)).toHaveCount(0);
}

async function openOverview(page: Page) {
  await followMenuLink(page, "Courses");
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
  await chooseProgressFor(page, `All schools in ${TRUST}`);
  await expect(page).toHaveURL(/\/courses\/overview\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: `All schools in ${TRUST}` })).toBeVisible();
}

/** The overview's "Required training" section. */
const requiredSection = (page: Page) => page.getByRole("region", { name: "Required training" }).or(page.getByTestId("required-training")).first();

/** The matrix cell (a link) of a required course at a school, as shown at this viewport (table or cards). */
const matrixCell = (page: Page, course: string, school: string): Locator =>
  requiredSection(page).getByRole("link", { name: new RegExp(`^${course} at ${school}\\b`) }).filter({ visible: true }).first();

/** The in-date percentage a matrix cell shows. */
async function cellPercent(page: Page, course: string, school: string): Promise<number> {
  const cell = matrixCell(page, course, school);
  await expect(cell).toBeVisible();
  const text = (await cell.textContent())!.trim();
  expect(text).toMatch(/^\d+%$/);
  return Number(text.replace("%", ""));
}

/**
 * A school's compliance figure on the overview: the "Compliance" column of its row (from md up) or the
 * "Compliance" line of its card (phones), read as a number.
 */
async function compliancePercent(page: Page, school: string, phone: boolean): Promise<number> {
  const schools = page.getByTestId(phone ? "overview-cards" : "overview-table");
  await expect(schools).toBeVisible();
  let text: string;
  if (phone) {
    const card = schools.getByRole("listitem").filter({ hasText: school }).first();
    // A term and its description ("Compliance" / "71%"), as every other figure of the card.
    const term = card.locator("dt", { hasText: /^\s*Compliance\s*$/ });
    text = (await term.count())
      ? (await term.first().locator("xpath=following-sibling::dd[1]").textContent())!
      : (await card.getByText(/^Compliance/).first().evaluate((el) => el.parentElement?.textContent ?? ""))!;
  } else {
    const headers = await schools.getByRole("columnheader").allTextContents();
    const index = headers.findIndex((h) => h.trim().startsWith("Compliance"));
    expect(index, `a Compliance column in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
    const row = schools.getByRole("row").filter({ hasText: school }).first();
    text = await row.evaluate((tr, i) => (tr as HTMLTableRowElement).cells[i]?.textContent ?? "", index);
  }
  const match = /(\d+)%/.exec(text);
  expect(match, `a percentage in "${text}"`).not.toBeNull();
  return Number(match![1]);
}

test("lead@northstar.example requires a course of every school of the trust and sees Riverside's compliance", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  await signIn(page, "lead@northstar.example");
  await openRequiredTraining(page);
  // The trust's own requirement from the demo data, its to change or remove.
  await expect(requirementItem(page, SAFEGUARDING)).toHaveCount(1);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await requireCourse(page, "The Prevent duty", { days: 30 }, "Every year");
  await expect(requirementItem(page, "The Prevent duty")).toContainText("30 days");
  await expect(requirementItem(page, "The Prevent duty").getByRole("button", { name: "Remove The Prevent duty" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "required-training-trust");

  await openOverview(page);
  const schools = page.getByTestId(phone ? "overview-cards" : "overview-table");
  await expect(schools).toBeVisible();
  if (phone) await expect(schools.getByText(/^Compliance/).first()).toBeVisible();
  else await expect(schools.getByRole("columnheader", { name: /^Compliance/ })).toBeVisible();
  const compliance = await compliancePercent(page, RIVERSIDE, phone);
  expect(compliance).toBeGreaterThanOrEqual(0);
  expect(compliance).toBeLessThanOrEqual(100);

  // A link per required course and school, each to that school's list of who is overdue on the course.
  const section = requiredSection(page);
  await expect(section.getByRole("heading", { name: "Required training" })).toBeVisible();
  for (const course of [SAFEGUARDING, "The Prevent duty"]) {
    for (const school of ["Hillcrest Academy", RIVERSIDE]) {
      await expect(matrixCell(page, course, school)).toHaveAttribute("href", /\/courses\/progress\/[0-9a-f-]{36}\?.*required=overdue/);
    }
  }
  await expect(section).not.toContainText("Brookside Academy"); // Elmwood's school
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "trust-overview-required");

  // A cell leads to Riverside's view, filtered to who is overdue on that course.
  await matrixCell(page, SAFEGUARDING, RIVERSIDE).click();
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}\?/);
  await expect(page).toHaveURL(/required=overdue/);
  const requiredFilter = page.getByRole("combobox", { name: "Required training", exact: true });
  if (!(await requiredFilter.isVisible())) await page.locator("summary", { hasText: "Filters" }).click(); // folded on a phone
  await expect(requiredFilter).toHaveValue("overdue");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await removeRequirement(page, "The Prevent duty");
});

test("head@riverside.example sees the trust's requirement as the trust's, adds one of the school's own and lists who is overdue", async ({ page }) => {
  await signIn(page, "head@riverside.example");
  await openRequiredTraining(page);
  const trusts = requirementItem(page, SAFEGUARDING);
  await expect(trusts).toContainText(`Required by ${TRUST}`);
  await expect(trusts.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  // The school's own requirement from the demo data: due by a date, no renewal, the school's to remove.
  await expect(requirementItem(page, "First aid awareness in schools").getByRole("button", { name: "Remove First aid awareness in schools" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await requireCourse(page, "Data protection in schools", { days: 60 }, "No renewal");
  const own = requirementItem(page, "Data protection in schools");
  await expect(own).not.toContainText("Required by");
  await expect(own.getByRole("button", { name: "Remove Data protection in schools" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "required-training-school");

  // The school's progress view, filtered to who is overdue on required training.
  await followMenuLink(page, "Courses");
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
  await chooseProgressFor(page, RIVERSIDE);
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: RIVERSIDE, exact: true })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  const required = page.getByRole("combobox", { name: "Required training", exact: true });
  if (!(await required.isVisible())) await page.locator("summary", { hasText: "Filters" }).click();
  await expect(required).toBeVisible();
  await expect(required.locator("option", { hasText: "Overdue" })).toHaveCount(1);
  await required.selectOption({ label: "Overdue" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/required=overdue/);

  const statuses = await requiredColumn(page);
  expect(statuses.length).toBeGreaterThan(0);
  for (const status of statuses) expect(status).toBe("Overdue");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "school-progress-overdue");

  await removeRequirement(page, "Data protection in schools");
});

/**
 * What the "Required" column says on each row shown: the table's column of that name (lg up), or each
 * course's "required" field inside the person cards (phones).
 */
async function requiredColumn(page: Page): Promise<string[]> {
  await expect(page.getByTestId("progress-row").or(page.getByTestId("progress-course")).filter({ visible: true }).first()).toBeVisible();
  const rows = page.getByTestId("progress-row").filter({ visible: true });
  if (await rows.count()) {
    const table = page.getByRole("table").filter({ has: rows.first() });
    const headers = (await table.getByRole("columnheader").allTextContents()).map((h) => h.trim());
    const index = headers.findIndex((h) => /^Required\b/.test(h) && !/training/i.test(h));
    expect(index, `a Required column in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
    return rows.evaluateAll((trs, i) => trs.map((tr) => (tr as HTMLTableRowElement).cells[i]!.textContent!.replace(/^!\s*/, "").trim()), index);
  }
  return page.getByTestId("progress-course").filter({ visible: true }).locator('[data-field="required"]')
    .evaluateAll((cells) => cells.map((c) => c.textContent!.replace(/^Required\s*/, "").replace(/^!\s*/, "").trim()));
}

test("teacher@riverside.example sees Safeguarding essentials due soon first, completes it, and the lead's figures go up", async ({ page, browser }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  // The lead's figures before.
  const lead = await newPersonPage(browser);
  await signIn(lead, "lead@northstar.example");
  await openOverview(lead);
  const cellBefore = await cellPercent(lead, SAFEGUARDING, RIVERSIDE);
  const complianceBefore = await compliancePercent(lead, RIVERSIDE, phone);
  expect(cellBefore).toBeLessThan(100);

  await signIn(page, "teacher@riverside.example");
  await followMenuLink(page, "Courses");
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);

  // Required training comes first, before the rest of My Courses, the course due soonest at its top.
  const required = page.getByRole("region", { name: "Required training" });
  const myCourses = page.getByRole("region", { name: "My Courses" });
  await expect(required).toBeVisible();
  const firstOnPage = await page.locator("h2").evaluateAll((hs) => hs.map((h) => h.textContent!.trim()).filter((t) => t === "Required training" || t === "My Courses"));
  expect(firstOnPage[0]).toBe("Required training");
  if (await myCourses.count()) {
    expect(await required.evaluate((a, b) => !!(a.compareDocumentPosition(b!) & Node.DOCUMENT_POSITION_FOLLOWING), await myCourses.elementHandle())).toBe(true);
  }
  const first = required.getByRole("listitem").first();
  await expect(first.getByRole("heading", { level: 3 })).toHaveText(SAFEGUARDING);
  // Joined ten days before the demo data was made, due within 30 days of joining: due in 20 days.
  await expect(first).toContainText(`Due ${shownDaysFromToday(20)}`);
  await expect(first).toContainText("Due soon");
  await expect(first).toContainText(`Required by ${TRUST}`);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "my-courses-required");

  // Every lesson of the course, in order, to the course's completed moment.
  await first.getByRole("link", { name: /^Start/ }).click();
  await expect(page).toHaveURL(/\/courses\/safeguarding-essentials\/lessons\/1$/);
  const lessons = Number(/Lesson 1 of (\d+)/.exec((await page.getByText(/^Lesson 1 of \d+$/).textContent())!)![1]);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  for (let position = 1; position <= lessons; position++) {
    await expect(page).toHaveURL(new RegExp(`/lessons/${position}$`));
    await page.getByRole("button", { name: "Mark as complete" }).click();
    if (position < lessons) {
      await expect(page.getByTestId("lesson-completed")).toBeVisible();
      await page.getByRole("link", { name: /^Next/ }).click();
    }
  }
  await expect(page).toHaveURL(/\/courses\/safeguarding-essentials\/completed$/);
  await expect(page.getByTestId("course-completed-moment")).toContainText(`You completed ${SAFEGUARDING} on`);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // On My Courses it is now in date for a year (renewed every year).
  await followMenuLink(page, "Courses");
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  const done = page.getByRole("region", { name: "Required training" }).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: SAFEGUARDING }) });
  await expect(done).toContainText("Completed");
  await expect(done).toContainText("In date until");
  await expect(done).not.toContainText("Due soon");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await signOut(page);

  // The lead's next page shows it: Riverside's Safeguarding essentials cell and its compliance go up.
  await lead.reload();
  await expect(lead.getByRole("heading", { name: `All schools in ${TRUST}` })).toBeVisible();
  expect(await cellPercent(lead, SAFEGUARDING, RIVERSIDE)).toBeGreaterThan(cellBefore);
  expect(await compliancePercent(lead, RIVERSIDE, phone)).toBeGreaterThan(complianceBefore);
  await expectAccessible(lead);
  await expectNoSidewaysScroll(lead);
  await lead.context().close();
});
