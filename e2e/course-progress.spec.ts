import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, openMenu, signIn, signOut, test, expectMenuClosed } from "./fixtures";

// The article's journey: a MAT lead goes to Courses › My Courses and uses `View course progress for:`.
test.describe.configure({ mode: "serial" });
test.beforeAll(resetDemoData);

const TEACHER = "teacher@riverside.example";
let completed: { course: string; percent: string } | undefined;
let riversideUrl = "";

async function openMyCourses(page: Page) {
  await openMenu(page);
  await page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: "Courses" }).click();
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
}

/** The rows as shown: the table from md up, the cards on a phone. */
function rows(page: Page): Locator {
  return page.getByTestId("progress-row").filter({ visible: true });
}

/** A row's cells as shown: name, email, course, status, progress, enrolled, last activity, completed. */
async function readRow(row: Locator) {
  const [name, email, course, status, percent, enrolled, activity, completed] = (await row.getByRole("cell").allTextContents()).map((t) => t.trim());
  return { name, email, course, status, percent: percent!.replace("%", ""), enrolled, activity, completed };
}

/** Opens the filter panel if it is folded (on a phone). */
async function openFilters(page: Page) {
  const status = page.getByLabel("Status", { exact: true });
  if (!(await status.isVisible())) await page.locator("summary", { hasText: "Filters" }).click();
  await expect(status).toBeVisible();
}

const shown = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
const asShown = (iso: string) => (iso ? shown.format(new Date(`${iso}T12:00:00Z`)) : "—");

test("teacher@riverside.example completes a lesson", async ({ page }) => {
  await signIn(page, TEACHER);
  await openMyCourses(page);
  const card = page.getByTestId("enrolment").filter({ hasText: "In progress" }).first();
  const course = (await card.getByRole("heading").textContent())!;
  await card.getByRole("link", { name: /^Continue/ }).click();
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByTestId("lesson-completed")).toBeVisible();
  completed = { course, percent: (await page.getByTestId("course-percent").textContent())!.replace("%", "") };
  await signOut(page);
});

test("lead@northstar.example picks Riverside Primary Academy and sees the teacher's progress, filters it and exports it", async ({ page }) => {
  expect(completed).toBeDefined();
  await signIn(page, "lead@northstar.example");
  await openMyCourses(page);
  const selector = page.getByLabel("View course progress for:");
  await expect(selector.locator("option")).toHaveText(["All schools in Northstar Academy Trust", "Hillcrest Academy", "Riverside Primary Academy", "Northstar Academy Trust", "My own progress"]);
  await expectAccessible(page);
  await selector.selectOption({ label: "Riverside Primary Academy" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}$/);
  riversideUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  await expect(page.getByLabel("View course progress for:")).toHaveValue(riversideUrl.split("/").pop()!);
  await expect(page.getByRole("navigation", { name: "Courses" }).getByRole("link", { name: "My Courses" })).toHaveAttribute("aria-current", "page");

  // Every enrolment of the school's staff, the teacher's among them with the progress just made.
  await expect(page.getByTestId("summary-staff")).toHaveText("6");
  await expect(page.getByTestId("summary-enrolments")).toHaveText("24");
  await expect(rows(page)).toHaveCount(24);
  const teacherRows = rows(page).filter({ hasText: TEACHER });
  await expect(teacherRows).toHaveCount(4);
  const row = await readRow(teacherRows.filter({ hasText: completed!.course }));
  expect(row).toMatchObject({ name: "Tom Teacher", course: completed!.course, percent: completed!.percent });
  expect(row.activity).not.toBe("—");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Filter by status: the URL holds it, every row matches, and the teacher's row stays.
  await openFilters(page);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "In progress" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=in-progress/);
  const filtered = await rows(page).count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(24);
  await expect(page.getByTestId("summary-enrolments")).toHaveText(String(filtered));
  for (const row of await rows(page).all()) expect((await readRow(row)).status).toBe("In progress");
  await expect(rows(page).filter({ hasText: TEACHER }).filter({ hasText: completed!.course })).toHaveCount(Number(completed!.percent) === 100 ? 0 : 1);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The CSV holds exactly the filtered rows, as the table shows them.
  const table = await Promise.all((await rows(page).all()).map(readRow));
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^course-progress-riverside-primary-academy-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(header).toBe("Name,Email,Course,Status,Progress %,Enrolled,Last activity,Completed");
  const csv = lines.map((line) => {
    const [name, email, course, status, percent, enrolled, activity, done] = line.split(",");
    return { name, email, course, status, percent, enrolled: asShown(enrolled!), activity: asShown(activity!), completed: asShown(done!) };
  });
  expect(csv).toEqual(table);

  // The back button returns to the unfiltered view.
  await page.goBack();
  await expect(rows(page)).toHaveCount(24);
});

test("the lead sorts and pages Riverside's rows by key, and the URL keeps the view for the back button", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await page.goto(riversideUrl);
  await openFilters(page);
  await page.getByLabel("Sort by").selectOption({ label: "Progress" });
  await page.getByLabel("Order").selectOption("desc");
  await page.getByLabel("Rows per page").selectOption("10");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/sort=progress&dir=desc&size=10/);

  const percents = async () => Promise.all((await rows(page).all()).map(async (row) => Number((await readRow(row)).percent)));
  const emailsOf = async () => Promise.all((await rows(page).all()).map(async (row) => (await readRow(row)).email));
  await expect(rows(page)).toHaveCount(10);
  const first = await percents();
  const firstEmails = await emailsOf();
  expect(first).toEqual([...first].sort((a, b) => b - a));

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows(page)).toHaveCount(10);
  const second = await percents();
  expect(second).toEqual([...second].sort((a, b) => b - a));
  expect(second[0]!).toBeLessThanOrEqual(first.at(-1)!);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(rows(page)).toHaveCount(4); // 24 rows in all
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(rows(page)).toHaveCount(10);
  expect(await percents()).toEqual(second);

  for (let i = 0; i < 3; i++) await page.goBack(); // page 3, page 2, then the first page again
  await expect(page).not.toHaveURL(/after=|before=/);
  await expect(rows(page)).toHaveCount(10);
  expect(await emailsOf()).toEqual(firstEmails);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("analyst@northstar.example's selector holds no school and points to the Trust access checklist", async ({ page }) => {
  await signIn(page, "analyst@northstar.example");
  await openMyCourses(page);
  await expect(page.getByLabel("View course progress for:").locator("option")).toHaveText(["My own progress"]);
  await expect(page.getByRole("link", { name: "Trust access checklist" })).toHaveAttribute("href", "/workplace/trust-access");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("lead@oakhill.example sees Oak Hill Trust itself but no school, since Oak Hill Trust is not designated Academies", async ({ page }) => {
  await signIn(page, "lead@oakhill.example");
  await openMyCourses(page);
  await expect(page.getByLabel("View course progress for:").locator("option")).toHaveText(["Oak Hill Trust", "My own progress"]);
  await expect(page.getByRole("link", { name: "Trust access checklist" })).toBeVisible();
});

test("lead@elmwood.example gets not found for Riverside's progress and its export, as for a school that does not exist", async ({ page }) => {
  expect(riversideUrl).not.toBe("");
  await signIn(page, "lead@elmwood.example");
  for (const url of [riversideUrl, `${riversideUrl}/export`, `${riversideUrl}/export?status=completed`, "/courses/progress/00000000-0000-4000-8000-000000000000", "/courses/progress/00000000-0000-4000-8000-000000000000/export"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("This page does not exist, or you do not have access to it.")).toBeVisible();
    await expect(page.getByText("Riverside")).toHaveCount(0);
  }
  await page.goto(riversideUrl);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});
