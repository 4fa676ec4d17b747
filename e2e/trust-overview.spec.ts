import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectMenuClosed, expectNoSidewaysScroll, openMenu, signIn, test } from "./fixtures";

test.beforeAll(resetDemoData);

// The article's goal: course progress across all staff of the MAT on one screen, on a phone too.
test("a MAT lead opens the Trust overview, sees each school's figures, and follows a matrix cell to the filtered school view", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  await signIn(page, "lead@northstar.example");
  await openMenu(page);
  await page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: "Courses" }).click();
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
  const selector = page.getByLabel("View course progress for:");
  await selector.selectOption({ label: "All schools in Northstar Academy Trust" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/courses\/overview\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "All schools in Northstar Academy Trust" })).toBeVisible();

  const schools = page.getByTestId(phone ? "overview-cards" : "overview-table");
  await expect(schools).toBeVisible();
  await expect(schools).toContainText("Hillcrest Academy");
  await expect(schools).toContainText("Riverside Primary Academy");
  await expect(schools).not.toContainText("Brookside Academy"); // Elmwood's school
  await expect(schools.getByRole("progressbar", { name: "Riverside Primary Academy completed" })).toHaveAttribute("aria-valuenow", /^\d+$/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // A course at Riverside, from the matrix, lands on Riverside's view filtered to that course.
  const matrix = page.getByTestId(phone ? "course-matrix-list" : "course-matrix");
  const cell = phone
    ? matrix.locator("li li", { hasText: "Riverside Primary Academy" }).getByRole("link").first()
    : matrix.getByRole("link", { name: /at Riverside Primary Academy/ }).first();
  await cell.click();
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}\?course=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  const course = new URL(page.url()).searchParams.get("course");
  await expect(page.getByLabel("Course", { exact: true })).toHaveValue(course!);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("the overview's CSV lists the trust's schools, and another trust's lead gets not found", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await page.goto("/courses/my-courses");
  await page.getByLabel("View course progress for:").selectOption({ label: "All schools in Northstar Academy Trust" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/courses\/overview\//);
  const overviewPath = new URL(page.url()).pathname;
  const response = await page.request.get(`${overviewPath}/export`);
  expect(response.status()).toBe(200);
  const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines.map((line) => line.split(",")[0])).toEqual(["School", "Hillcrest Academy", "Riverside Primary Academy"]);

  await page.context().clearCookies();
  await signIn(page, "lead@elmwood.example");
  for (const path of [overviewPath, `${overviewPath}/export`]) {
    const refused = await page.goto(path);
    expect(refused?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});
