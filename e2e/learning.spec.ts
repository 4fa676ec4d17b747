import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, openMenu, signIn, test, expectMenuClosed } from "./fixtures";
import type { Page } from "@playwright/test";

test.beforeAll(resetDemoData);

async function openCourses(page: Page) {
  await openMenu(page);
  await page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: "Courses" }).click();
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
}

test("teacher@riverside.example completes a lesson and sees the progress rise", async ({ page }) => {
  await signIn(page, "teacher@riverside.example");
  await openCourses(page);
  const card = page.getByTestId("enrolment").filter({ hasText: "In progress" }).first();
  const title = (await card.getByRole("heading").textContent())!;
  const before = Number((await card.getByTestId("percent").textContent())!.replace("%", ""));

  await card.getByRole("link", { name: /^Continue/ }).click();
  await expect(page).toHaveURL(/\/courses\/[a-z-]+\/lessons\/\d+$/);
  await expect(page.getByTestId("course-percent")).toHaveText(`${before}%`);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByTestId("lesson-completed")).toHaveText("You have completed this lesson.");
  await expect(page.getByRole("button", { name: "Mark as complete" })).toHaveCount(0);
  const after = Number((await page.getByTestId("course-percent").textContent())!.replace("%", ""));
  expect(after).toBeGreaterThan(before);

  await openCourses(page);
  const updated = page.getByTestId("enrolment").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  await expect(updated.getByTestId("percent")).toHaveText(`${after}%`);
  await expect(updated.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(after));
  await expect(updated).toContainText("Last activity");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("All Courses lists the catalogue; a course page enrols, and the player moves through lessons in order", async ({ page }) => {
  await signIn(page, "teacher@riverside.example");
  await openCourses(page);
  await page.getByRole("navigation", { name: "Courses" }).getByRole("link", { name: "All Courses" }).click();
  await expect(page).toHaveURL(/\/courses\/all$/);
  await expect(page.getByRole("link", { name: "All Courses" })).toHaveAttribute("aria-current", "page");
  const courses = page.getByTestId("course");
  await expect(courses.first()).toBeVisible(); // an in-app navigation shows the loading skeleton first
  expect(await courses.count()).toBeGreaterThanOrEqual(6);
  await expect(courses.filter({ hasText: "The Prevent duty" })).toContainText(/\d+ lessons · about \d+ minutes/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The teacher is not enrolled on the Prevent course in the demo data.
  await page.getByRole("link", { name: "The Prevent duty" }).click();
  await expect(page.getByRole("heading", { name: "The Prevent duty", level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page).toHaveURL(/\/courses\/prevent-duty\/lessons\/1$/);
  await expect(page.getByRole("heading", { name: "What the Prevent duty is" })).toBeVisible();
  await expect(page.getByText("Lesson 1 of 5")).toBeVisible();
  await expect(page.getByTestId("course-percent")).toHaveText("0%");

  await page.getByRole("link", { name: /^Next/ }).click();
  await expect(page.getByRole("heading", { name: "Understanding radicalisation and extremism" })).toBeVisible();
  await page.getByRole("link", { name: /Previous/ }).click();
  await expect(page.getByText("Lesson 1 of 5")).toBeVisible();
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByTestId("course-percent")).toHaveText("20%");

  // Enrolling again is not offered: the course page shows the progress and Continue to lesson 2.
  await page.getByRole("link", { name: "The Prevent duty" }).first().click();
  await expect(page.getByRole("button", { name: "Enrol" })).toHaveCount(0);
  await expect(page.getByText("In progress")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/courses\/prevent-duty\/lessons\/2$/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});
