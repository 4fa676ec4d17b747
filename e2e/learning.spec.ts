import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, followMenuLink, shoot, signIn, test, expectMenuClosed } from "./fixtures";
import type { Page } from "@playwright/test";

test.beforeAll(resetDemoData);

async function openCourses(page: Page) {
  await followMenuLink(page, "Courses");
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expectMenuClosed(page);
}

const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" }).format(new Date());

test("teacher@riverside.example completes a lesson and sees the progress rise", async ({ page }) => {
  await signIn(page, "teacher@riverside.example");
  await openCourses(page);
  // My Courses: Start before a first lesson, Continue part-way, Review once completed.
  for (const card of await page.getByTestId("enrolment").all()) {
    const status = (await card.textContent())!;
    const expected = status.includes("Not started") ? "Start" : status.includes("In progress") ? "Continue" : "Review";
    await expect(card.getByRole("link", { name: new RegExp(`^(Start|Continue|Review)`) })).toHaveText(new RegExp(`^${expected}`));
  }
  await shoot(page, "my-courses");
  const card = page.getByTestId("enrolment").filter({ hasText: "In progress" }).first();
  const title = (await card.getByRole("heading").textContent())!;
  const before = Number((await card.getByTestId("percent").textContent())!.replace("%", ""));

  await card.getByRole("link", { name: /^Continue/ }).click();
  await expect(page).toHaveURL(/\/courses\/[a-z-]+\/lessons\/\d+$/);
  await expect(page.getByTestId("course-percent")).toHaveText(`${before}%`);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("button", { name: "Mark as complete" }).click();
  const moment = page.getByTestId("course-completed-moment");
  await expect(page.getByTestId("lesson-completed").or(moment)).toBeVisible();
  const after = (await moment.isVisible()) ? 100 : Number((await page.getByTestId("course-percent").textContent())!.replace("%", ""));
  if (after < 100) {
    await expect(page.getByTestId("lesson-completed")).toHaveText("You have completed this lesson.");
    await expect(page.getByRole("button", { name: "Mark as complete" })).toHaveCount(0);
  }
  expect(after).toBeGreaterThan(before);

  await openCourses(page);
  const updated = page.getByTestId("enrolment").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  await expect(updated.getByTestId("percent")).toHaveText(`${after}%`);
  await expect(updated.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(after));
  await expect(updated).toContainText(after === 100 ? "Completed" : "Last activity");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("a course not begun says Start; the player moves through lessons in order; the last lesson ends on Course completed", async ({ page }) => {
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

  // The teacher is not enrolled on the Prevent course in the demo data: the course page offers Start.
  await page.getByRole("link", { name: "The Prevent duty" }).click();
  await expect(page.getByRole("heading", { name: "The Prevent duty", level: 2 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Continue" })).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, "course-not-enrolled");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/courses\/prevent-duty\/lessons\/1$/);
  await expect(page.getByRole("heading", { name: "What the Prevent duty is" })).toBeVisible();
  const lessons = Number(/Lesson 1 of (\d+)/.exec((await page.getByText(/^Lesson 1 of \d+$/).textContent())!)![1]);
  await expect(page.getByTestId("course-percent")).toHaveText("0%");

  // Enrolled, nothing done yet: still Start, on the course page and in My Courses.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "The Prevent duty" }).click();
  await expect(page.getByText("Not started")).toBeVisible();
  await expect(page.getByRole("link", { name: "Start", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Continue" })).toHaveCount(0);
  await shoot(page, "course-enrolled-not-started");
  await openCourses(page);
  const prevent = page.getByTestId("enrolment").filter({ has: page.getByRole("heading", { name: "The Prevent duty", exact: true }) });
  await expect(prevent.getByRole("link", { name: /^(Start|Continue|Review)/ })).toHaveText(/^Start/);
  await prevent.getByRole("link", { name: /^Start/ }).click();
  await expect(page).toHaveURL(/\/courses\/prevent-duty\/lessons\/1$/);

  await page.getByRole("link", { name: /^Next/ }).click();
  await expect(page.getByRole("heading", { name: "Understanding radicalisation and extremism" })).toBeVisible();
  await page.getByRole("link", { name: /Previous/ }).click();
  await expect(page.getByText(`Lesson 1 of ${lessons}`)).toBeVisible();
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByTestId("course-percent")).toHaveText(`${Math.round(100 / lessons)}%`);

  // Part-way: Continue, to the next lesson not done.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "The Prevent duty" }).click();
  await expect(page.getByRole("button", { name: "Start" })).toHaveCount(0);
  await expect(page.getByText("In progress")).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/courses\/prevent-duty\/lessons\/2$/);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Every other lesson: the one that finishes the course lands on the completed moment, with today's date.
  for (let position = 2; position <= lessons; position++) {
    await expect(page).toHaveURL(new RegExp(`/lessons/${position}$`));
    await page.getByRole("button", { name: "Mark as complete" }).click();
    if (position < lessons) {
      await expect(page.getByTestId("lesson-completed")).toBeVisible();
      await page.getByRole("link", { name: /^Next/ }).click();
    }
  }
  await expect(page).toHaveURL(/\/courses\/prevent-duty\/completed$/);
  const moment = page.getByTestId("course-completed-moment");
  await expect(moment.getByRole("heading", { name: "Course completed", level: 2 })).toBeVisible();
  await expect(moment).toContainText("You completed The Prevent duty on");
  await expect(moment.getByTestId("completed-on")).toHaveText(today);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "course-completed");

  // Next steps: back to My Courses, where the course now offers Review and shows the date.
  await moment.getByRole("link", { name: "Back to My Courses" }).click();
  await expect(page).toHaveURL(/\/courses\/my-courses$/);
  await expect(prevent).toContainText(`Completed ${today}`);
  await expect(prevent.getByRole("link", { name: /^(Start|Continue|Review)/ })).toHaveText(/^Review/);
  await prevent.getByRole("heading").getByRole("link").click();
  await expect(page.getByTestId("course-completed")).toHaveText(`✓ Course completed on ${today}`);
  await expect(page.getByRole("link", { name: "Review", exact: true })).toBeVisible();
  await expect(moment.getByRole("link")).toHaveCount(0); // not the moment page any more
});
