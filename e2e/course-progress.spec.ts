import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, expectAccessible, expectNoSidewaysScroll, followMenuLink, shoot, signIn, signOut, test, expectMenuClosed } from "./fixtures";

// The article's journey: a MAT lead goes to Courses › My Courses and uses `View course progress for:`.
// Figures are not taken from the seed: they are read off the page and checked against one another.
test.describe.configure({ mode: "serial" });
test.beforeAll(resetDemoData);

const TEACHER = "teacher@riverside.example";
let completed: { course: string; percent: string } | undefined;
let riversideUrl = "";

async function openMyCourses(page: Page) {
  await followMenuLink(page, "Courses");
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
}

type Shown = { name: string; email: string; course: string; status: string; percent: string; enrolled: string; activity: string; completed: string };

/**
 * The enrolments as shown, in order: the table's rows from lg up; on a phone, each person's card and the
 * courses inside it (the person's name and email come from the card).
 */
async function shownRows(page: Page): Promise<Shown[]> {
  await expect(page.getByTestId("progress-row").or(page.getByTestId("progress-person")).or(page.getByTestId("no-rows")).filter({ visible: true }).first()).toBeVisible();
  const tableRows = page.getByTestId("progress-row").filter({ visible: true });
  if (await tableRows.count()) {
    return tableRows.evaluateAll((rows) =>
      rows.map((row) => {
        const [name, email, course, status, percent, enrolled, activity, completed] = [...(row as HTMLTableRowElement).cells].map((c) => c.textContent!.trim());
        return { name: name!, email: email!, course: course!, status: status!, percent: percent!.replace("%", ""), enrolled: enrolled!, activity: activity!, completed: completed! };
      }),
    );
  }
  return page.getByTestId("progress-course").filter({ visible: true }).evaluateAll((items) =>
    items.map((item) => {
      const card = item.closest('[data-testid="progress-person"]')!;
      const field = (root: Element, name: string) => root.querySelector(`[data-field="${name}"]`)!.textContent!.trim();
      return {
        name: field(card, "name"), email: field(card, "email"), course: field(item, "course"), status: field(item, "status"),
        percent: field(item, "progress").replace("%", ""), enrolled: field(item, "enrolled"), activity: field(item, "activity"), completed: field(item, "completed"),
      };
    }),
  );
}

/** "41–60 of 1,240" → numbers. */
async function pageRange(page: Page) {
  const text = (await page.getByTestId("page-range").textContent())!.replace(" enrolments", "").trim();
  const match = /^([\d,]+)–([\d,]+) of ([\d,]+)$/.exec(text);
  expect(match, text).not.toBeNull();
  const n = (s: string) => Number(s.replace(/,/g, ""));
  return { first: n(match![1]!), last: n(match![2]!), total: n(match![3]!) };
}

const countOf = async (page: Page, id: string) => Number((await page.getByTestId(`summary-${id}-count`).textContent())!.replace(/,/g, ""));
const shareOf = async (page: Page, id: string) => Number(/^\((\d+)%\)$/.exec((await page.getByTestId(`summary-${id}-percent`).textContent())!)![1]);

/** On a phone: one card per person (with the default sort by name), every card's courses inside it. */
async function expectOneCardPerPerson(page: Page) {
  const cards = page.getByTestId("progress-person").filter({ visible: true });
  if (!(await cards.count())) return; // the table (lg and up)
  const emails = await cards.locator('[data-field="email"]').allTextContents();
  expect(new Set(emails).size).toBe(emails.length);
  for (const card of await cards.all()) expect(await card.getByTestId("progress-course").count()).toBeGreaterThan(0);
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
  // A lesson that finishes the course lands on its completed moment instead.
  const moment = page.getByTestId("course-completed-moment");
  await expect(page.getByTestId("lesson-completed").or(moment)).toBeVisible();
  completed = { course, percent: (await moment.isVisible()) ? "100" : (await page.getByTestId("course-percent").textContent())!.replace("%", "") };
  await signOut(page);
});

test("lead@northstar.example picks Riverside Primary Academy and sees the teacher's progress, filters it and exports it", async ({ page }) => {
  expect(completed).toBeDefined();
  await signIn(page, "lead@northstar.example");
  await openMyCourses(page);
  const selector = page.getByLabel("View course progress for:");
  await expect(selector.locator("option", { hasText: "Riverside Primary Academy" })).toHaveCount(1);
  await chooseProgressFor(page, "Riverside Primary Academy");
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}$/);
  riversideUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Riverside Primary Academy", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Courses" }).getByRole("link", { name: "My Courses" })).toHaveAttribute("aria-current", "page");

  // The figures agree with one another: counts per status add up to the enrolments, shares to 100.
  const total = await countOf(page, "enrolments");
  const statuses = ["not-started", "in-progress", "completed"];
  const counts = await Promise.all(statuses.map((s) => countOf(page, s)));
  const shares = await Promise.all(statuses.map((s) => shareOf(page, s)));
  expect(counts.reduce((a, b) => a + b)).toBe(total);
  expect(shares.reduce((a, b) => a + b)).toBe(100);
  statuses.forEach((_, i) => expect(Math.abs(shares[i]! - (100 * counts[i]!) / total)).toBeLessThan(1));
  expect(await countOf(page, "staff")).toBeGreaterThanOrEqual(5);

  // Every enrolment of the school's staff, the teacher's among them with the progress just made.
  const rows = await shownRows(page);
  expect(await pageRange(page)).toEqual({ first: 1, last: rows.length, total });
  expect(rows.length).toBe(Math.min(50, total));
  await expectOneCardPerPerson(page);
  const teacherRows = rows.filter((r) => r.email === TEACHER);
  if (teacherRows.length) {
    const row = teacherRows.find((r) => r.course === completed!.course);
    if (row) {
      expect(row).toMatchObject({ name: "Tom Teacher", course: completed!.course, percent: completed!.percent });
      expect(row.activity).not.toBe("—");
    }
  }
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "school-progress");

  // Filter by status: the URL holds it, every row matches, and the figures follow.
  await openFilters(page);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "In progress" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=in-progress/);
  const filtered = await shownRows(page);
  expect(filtered.length).toBeGreaterThan(0);
  expect(await countOf(page, "enrolments")).toBe(counts[1]);
  expect(await pageRange(page)).toMatchObject({ first: 1, last: filtered.length, total: counts[1] });
  for (const row of filtered) expect(row.status).toBe("In progress");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The CSV holds exactly the filtered rows, as the page shows them (when they fit on one page).
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^course-progress-riverside-primary-academy-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(header).toBe("Name,Email,Course,Status,Progress %,Enrolled,Last activity,Completed,Earlier completion,Required,Due");
  const csv = lines.map((line) => {
    const [name, email, course, status, percent, enrolled, activity, done] = line.split(",");
    return { name, email, course, status, percent, enrolled: asShown(enrolled!), activity: asShown(activity!), completed: asShown(done!) };
  });
  expect(csv).toHaveLength(counts[1]!);
  expect(csv.slice(0, filtered.length)).toEqual(filtered);

  // The back button returns to the unfiltered view.
  await page.goBack();
  expect(await pageRange(page)).toMatchObject({ total });
});

test("the lead pages Riverside's rows by key, to the last page and back, with the range shown", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await page.goto(riversideUrl);
  await openFilters(page);
  await page.getByLabel("Sort by").selectOption({ label: "Progress" });
  await page.getByLabel("Order").selectOption("desc");
  await page.getByLabel("Rows per page").selectOption("10");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/sort=progress&dir=desc&size=10/);

  const percents = async () => (await shownRows(page)).map((row) => Number(row.percent));
  const first = await percents();
  const firstEmails = (await shownRows(page)).map((r) => r.email);
  const { total } = await pageRange(page);
  expect(total).toBeGreaterThan(20); // enough for three pages
  expect(first).toHaveLength(10);
  expect(first).toEqual([...first].sort((a, b) => b - a));
  expect(await pageRange(page)).toEqual({ first: 1, last: 10, total });
  await expect(page.getByRole("link", { name: "First page" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByTestId("page-range")).toHaveText(`11–20 of ${total.toLocaleString("en-GB")} enrolments`);
  const second = await percents();
  expect(second).toEqual([...second].sort((a, b) => b - a));
  expect(second[0]!).toBeLessThanOrEqual(first.at(-1)!);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "school-progress-page-2");

  // The last page ends at the total, and offers no next or last page.
  await page.getByRole("link", { name: "Last page" }).click();
  await expect(page).toHaveURL(/page=last/);
  await expect.poll(() => pageRange(page)).toEqual({ first: total - 9, last: total, total });
  const last = await percents();
  expect(last).toEqual([...last].sort((a, b) => b - a));
  expect(last[0]!).toBeLessThanOrEqual(second.at(-1)!);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Last page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(() => pageRange(page)).toEqual({ first: total - 19, last: total - 10, total });

  await page.getByRole("link", { name: "First page" }).click();
  await expect(page).not.toHaveURL(/after=|before=|page=last/);
  await expect.poll(() => pageRange(page)).toEqual({ first: 1, last: 10, total });
  expect((await shownRows(page)).map((r) => r.email)).toEqual(firstEmails);

  for (let i = 0; i < 4; i++) await page.goBack(); // previous, last, page 2, then the first page again
  await expect(page).not.toHaveURL(/after=|before=|page=last/);
  expect((await shownRows(page)).map((r) => r.email)).toEqual(firstEmails);
});

test("the table's headers, the phone's cards and the CSV come from one column list", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await page.goto(`${riversideUrl}?size=10`);
  await expect(page.getByTestId("progress-row").or(page.getByTestId("progress-person")).filter({ visible: true }).first()).toBeVisible();
  // Both layouts are in the page at every width (one is display:none), so one pass reads all three.
  const layout = await page.evaluate(() => {
    const headers = [...document.querySelectorAll('[data-testid="progress-table"] thead th')].map((th) => ({
      key: th.getAttribute("data-column")!,
      label: th.querySelector("a")!.firstChild!.textContent!.trim(),
    }));
    const rows = [...document.querySelectorAll('[data-testid="progress-row"]')].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.getAttribute("data-column")));
    const cards = [...document.querySelectorAll('[data-testid="progress-course"]')].map((item) => {
      const card = item.closest('[data-testid="progress-person"]')!;
      const own = (root: Element) => [...root.querySelectorAll("[data-field]")].filter((el) => el.closest('[data-testid="progress-course"]') === (root === card ? null : item));
      return [...own(card), ...own(item)].map((el) => el.getAttribute("data-field"));
    });
    const details = [...document.querySelectorAll('[data-testid="progress-course"]')][0]!.querySelectorAll("dt");
    return { headers, rows, cards, detailLabels: [...details].map((dt) => dt.textContent) };
  });
  const keys = layout.headers.map((h) => h.key);
  expect(keys.length).toBeGreaterThanOrEqual(8);
  expect(new Set(keys).size).toBe(keys.length);
  expect(layout.rows.length).toBe(10);
  for (const row of layout.rows) expect(row).toEqual(keys);
  expect(layout.cards.length).toBe(10);
  for (const fields of layout.cards) expect([...fields].sort()).toEqual([...keys].sort()); // every column once
  for (const label of layout.detailLabels) expect(layout.headers.map((h) => h.label)).toContain(label);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as CSV" }).click();
  const bytes = await readFile((await (await downloading).path())!);
  const header = bytes.subarray(3).toString("utf8").split("\r\n")[0]!.split(",");
  expect(header).toHaveLength(keys.length);
  header.forEach((name, i) => expect(name.startsWith(layout.headers[i]!.label), `${name} / ${layout.headers[i]!.label}`).toBe(true));
});

test("a search that matches nobody says so, with Clear filters beside it", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await page.goto(`${riversideUrl}?q=nobody-by-this-name`);
  const empty = page.getByTestId("no-rows");
  await expect(empty).toContainText("No enrolments match these filters.");
  await expect(page.getByTestId("page-range")).toHaveCount(0);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "school-progress-empty");
  await empty.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(new RegExp(`${riversideUrl}$`));
  expect((await shownRows(page)).length).toBeGreaterThan(0);
});

test("analyst@northstar.example sees only their own progress", async ({ page }) => {
  await signIn(page, "analyst@northstar.example");
  await openMyCourses(page);
  await expect(page.getByLabel("View course progress for:")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "My Courses" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
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
