import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, expectAccessible, expectMenuClosed, expectNoSidewaysScroll, followMenuLink, shoot, signIn, test } from "./fixtures";

test.beforeAll(resetDemoData);

async function openOverview(page: Page) {
  await followMenuLink(page, "Courses");
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
  await chooseProgressFor(page, "All schools in Northstar Academy Trust");
  await expect(page).toHaveURL(/\/courses\/overview\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "All schools in Northstar Academy Trust" })).toBeVisible();
}

/** The CSV's lines (after the byte-order mark), each split into fields: the demo names hold no comma. */
async function csvLines(page: Page, href: string) {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString("utf8").trimEnd().split("\r\n").map((line) => line.split(","));
}

// The article's goal: course progress across all staff of the MAT on one screen, on a phone too.
test("a MAT lead opens the Trust overview, follows a matrix cell to the school's view of that course, and comes back", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  await signIn(page, "lead@northstar.example");
  await openOverview(page);
  const overviewUrl = page.url();

  const schools = page.getByTestId(phone ? "overview-cards" : "overview-table");
  await expect(schools).toBeVisible();
  await expect(schools).toContainText("Hillcrest Academy");
  await expect(schools).toContainText("Riverside Primary Academy");
  await expect(schools).not.toContainText("Brookside Academy"); // Elmwood's school
  await expect(schools.getByRole("progressbar", { name: "Riverside Primary Academy completed" })).toHaveAttribute("aria-valuenow", /^\d+$/);
  // A column (or a card line) per status of the status table, each with its count and share.
  for (const label of ["Not started", "In progress", "Completed"]) {
    if (phone) await expect(schools.getByText(label, { exact: true }).first()).toBeVisible();
    else await expect(schools.getByRole("columnheader", { name: label })).toBeVisible();
  }
  await expect(schools).toContainText(/\d+ \(\d+%\)|\d+% \(\d+\)/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "trust-overview");

  // A course at Riverside, from the matrix, lands on Riverside's view of that course, named at the top.
  const matrix = page.getByTestId(phone ? "course-matrix-list" : "course-matrix");
  // On a phone, the first course card with a Riverside figure, its course named by the card's heading.
  const card = matrix
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading") })
    .filter({ has: page.getByRole("listitem").filter({ hasText: "Riverside Primary Academy" }).getByRole("link") })
    .first();
  const cell = phone
    ? card.getByRole("listitem").filter({ hasText: "Riverside Primary Academy" }).getByRole("link")
    : matrix.getByRole("link", { name: /at Riverside Primary Academy/ }).first();
  const courseTitle = phone
    ? (await card.getByRole("heading").textContent())!
    : (await cell.getAttribute("aria-label"))!.split(" at Riverside Primary Academy")[0]!;
  await cell.click();
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}\?course=[0-9a-f-]{36}&from=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: `${courseTitle} at Riverside Primary Academy` })).toBeVisible();
  const course = new URL(page.url()).searchParams.get("course");
  await expect(page.getByLabel("Course", { exact: true })).toHaveValue(course!);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "school-progress-course");

  // The way back leads to the overview it came from.
  await page.getByRole("link", { name: "Back to All schools in Northstar Academy Trust" }).click();
  await expect(page).toHaveURL(overviewUrl);
  await expect(page.getByRole("heading", { name: "All schools in Northstar Academy Trust" })).toBeVisible();
});

test("a from= naming an overview the viewer may not open offers no way back", async ({ page }) => {
  await signIn(page, "lead@elmwood.example");
  await page.goto("/courses/my-courses");
  await chooseProgressFor(page, "All schools in Elmwood Learning Trust");
  await expect(page).toHaveURL(/\/courses\/overview\//);
  const elmwoodOverview = new URL(page.url()).pathname.split("/").pop()!;
  await page.context().clearCookies();

  // Northstar's lead on Riverside, with Elmwood's overview as where it "came from".
  await signIn(page, "lead@northstar.example");
  await openOverview(page);
  const riverside = await page.getByRole("link", { name: "Riverside Primary Academy", exact: true }).filter({ visible: true }).first().getAttribute("href");
  await page.goto(`${riverside}?from=${elmwoodOverview}`);
  await expect(page.getByRole("heading", { level: 2, name: "Riverside Primary Academy" })).toBeVisible();
  await expect(page.getByTestId("back-to-overview")).toHaveCount(0);
  await expect(page.getByText("Elmwood")).toHaveCount(0);
});

test("the overview offers both exports as Export as CSV: the per-school summary and every enrolment; another trust's lead gets not found", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await openOverview(page);
  const overviewPath = new URL(page.url()).pathname;

  // Both links read "Export as CSV"; their headings and descriptions tell them apart.
  const exports = page.getByTestId("overview-exports");
  await expect(exports.getByRole("link")).toHaveCount(3); // the two CSVs and the evidence pack (e2e/evidence-pack.spec.ts)
  await expect(exports.getByRole("link", { name: /^Evidence pack \(PDF\)/ })).toHaveCount(1);
  await expect(exports.getByRole("link", { name: /^Export as CSV of the per-school summary$/ })).toHaveCount(1);
  await expect(exports.getByRole("link", { name: /^Export as CSV of every enrolment$/ })).toHaveCount(1);
  // The words a sighted person reads, without the visually hidden context.
  const visibleWords = (a: Element) => {
    const copy = a.cloneNode(true) as Element;
    copy.querySelectorAll(".sr-only").forEach((hidden) => hidden.remove());
    return copy.textContent!.trim();
  };
  for (const link of await exports.getByRole("link", { name: /^Export as CSV/ }).all()) expect(await link.evaluate(visibleWords)).toBe("Export as CSV");
  await expect(page.getByTestId("export-summary").getByRole("heading")).toHaveText("Per-school summary");
  await expect(page.getByTestId("export-enrolments").getByRole("heading")).toHaveText("Every enrolment");
  await expect(page.getByRole("link", { name: "Export as CSV of every enrolment" })).toHaveAccessibleDescription(/One row per enrolment/);

  const summary = await csvLines(page, (await page.getByRole("link", { name: "Export as CSV of the per-school summary" }).getAttribute("href"))!);
  expect(summary.map((line) => line[0])).toEqual(["School", "Hillcrest Academy", "Riverside Primary Academy"]);
  const enrolmentsColumn = summary[0]!.indexOf("Enrolments");
  expect(enrolmentsColumn).toBeGreaterThan(0);
  const enrolmentsPerSchool = new Map(summary.slice(1).map((line) => [line[0], Number(line[enrolmentsColumn])]));

  const enrolments = await csvLines(page, (await page.getByRole("link", { name: "Export as CSV of every enrolment" }).getAttribute("href"))!);
  expect(enrolments[0]).toEqual(["School", "Name", "Email", "Course", "Status", "Progress %", "Enrolled", "Last activity", "Completed", "Earlier completion", "Required", "Due"]);
  const rows = enrolments.slice(1);
  for (const [school, count] of enrolmentsPerSchool) expect(rows.filter((r) => r[0] === school)).toHaveLength(count);
  expect(rows).toHaveLength([...enrolmentsPerSchool.values()].reduce((a, b) => a + b));
  for (const row of rows) {
    expect(row[2]).toMatch(/@/);
    expect(["Not started", "In progress", "Completed"]).toContain(row[4]);
    expect(row[6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  expect(rows.some((r) => r[2] === "teacher@riverside.example" && r[0] === "Riverside Primary Academy")).toBe(true);

  // A download from the link itself carries the trust's name.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as CSV of every enrolment" }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^trust-enrolments-northstar-academy-trust-\d{4}-\d{2}-\d{2}\.csv$/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.context().clearCookies();
  await signIn(page, "lead@elmwood.example");
  for (const path of [overviewPath, `${overviewPath}/export`, `${overviewPath}/enrolments-export`, `${overviewPath}/enrolments-export?status=completed`]) {
    const refused = await page.goto(path);
    expect(refused?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Northstar")).toHaveCount(0);
  }
});
