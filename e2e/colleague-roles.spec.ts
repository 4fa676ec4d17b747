import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, newPersonPage, signIn, test } from "./fixtures";

test.beforeAll(resetDemoData);

const rowOf = (page: import("@playwright/test").Page, email: string) => page.getByTestId("colleague").filter({ hasText: email });

test("an Administrator makes a Member an Administrator, who makes themselves a Member again; the last Administrator cannot step down", async ({ page, browser }) => {
  // The teacher, a Member, sees the list read-only and who can change a role.
  const teacher = await newPersonPage(browser);
  await signIn(teacher, "teacher@riverside.example");
  await expect(teacher.getByRole("heading", { name: "My colleagues" })).toBeVisible();
  await expect(teacher.getByTestId("your-role")).toHaveText("Member");
  await expect(teacher.getByTestId("administrators-line")).toContainText("Rachel Head is the Administrator. Any Administrator can change a colleague's role");
  await expect(rowOf(teacher, "teacher@riverside.example").getByText("You", { exact: true })).toBeVisible();
  await expect(teacher.getByRole("button", { name: /^Make / })).toHaveCount(0);
  await expect(teacher.getByRole("heading", { name: "Recent changes" })).toHaveCount(0);
  await expectAccessible(teacher);
  await expectNoSidewaysScroll(teacher);

  // The head makes the teacher an Administrator.
  await signIn(page, "head@riverside.example");
  const teacherRow = rowOf(page, "teacher@riverside.example");
  await expect(teacherRow.getByTestId("role")).toHaveText("Member");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  // Making an Administrator asks first, and says what they will see.
  await teacherRow.locator("summary", { hasText: "Make Administrator" }).click();
  await expect(teacherRow.getByText("Make Tom Teacher an Administrator of Riverside Primary Academy?")).toBeVisible();
  await expect(teacherRow.getByText("see the course progress of all its staff")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await teacherRow.getByRole("button", { name: "Yes, make Tom Teacher an Administrator" }).click();
  await expect(teacherRow.getByTestId("colleague-message")).toHaveText("Tom Teacher is now an Administrator.");
  await expect(teacherRow.getByTestId("role")).toHaveText("Administrator");
  await expect(page.getByTestId("recent-changes")).toContainText("Rachel Head made Tom Teacher an Administrator");

  // The teacher's next request shows the controls.
  await teacher.reload();
  await expect(teacher.getByTestId("your-role")).toHaveText("Administrator");
  await expect(rowOf(teacher, "head@riverside.example").getByRole("button", { name: "Make Member (Rachel Head)" })).toBeVisible();
  await expect(teacher.getByRole("heading", { name: "Recent changes" })).toBeVisible();
  await expectAccessible(teacher);
  await expectNoSidewaysScroll(teacher);

  // The teacher makes themselves a Member again, and loses the controls.
  const ownRow = rowOf(teacher, "teacher@riverside.example");
  await ownRow.locator("summary", { hasText: "Make Member" }).click();
  await expect(ownRow.getByText("Make yourself a Member of Riverside Primary Academy?")).toBeVisible();
  await expect(ownRow.getByText("Only an Administrator can make you an Administrator again.")).toBeVisible();
  await ownRow.getByRole("button", { name: "Yes, make me a Member" }).click();
  await expect(ownRow.getByTestId("colleague-message")).toHaveText("You are now a Member.");
  await expect(teacher.getByTestId("your-role")).toHaveText("Member");
  await expect(teacher.getByRole("button", { name: /^Make / })).toHaveCount(0);
  await teacher.context().close();

  // The head, now the only Administrator, cannot make themselves a Member, and is told why.
  await page.reload();
  const headRow = rowOf(page, "head@riverside.example");
  await expect(page.getByTestId("recent-changes")).toContainText("Tom Teacher made themselves a Member");
  await headRow.locator("summary", { hasText: "Make Member" }).click();
  await headRow.getByRole("button", { name: "Yes, make me a Member" }).click();
  const refusal = headRow.getByTestId("colleague-message");
  await expect(refusal).toContainText("You are the only Administrator of Riverside Primary Academy, so you cannot become a Member");
  await expect(refusal).toContainText("Make a colleague an Administrator first");
  await page.reload();
  await expect(rowOf(page, "head@riverside.example").getByTestId("role")).toHaveText("Administrator");
  await expect(page.getByTestId("your-role")).toHaveText("Administrator");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("an Administrator removes a colleague, who stays out of the list", async ({ page }) => {
  await signIn(page, "head@riverside.example");
  const row = rowOf(page, "daniel.price@riverside.example");
  await row.locator("summary", { hasText: "Remove" }).click();
  await expect(row.getByText("Their account and course history stay")).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await row.getByRole("button", { name: "Remove Daniel Price" }).click();
  await expect(page.getByTestId("colleagues-message")).toHaveText("Daniel Price is no longer a member of Riverside Primary Academy.");
  await expect(rowOf(page, "daniel.price@riverside.example")).toHaveCount(0);
  await page.reload();
  await expect(rowOf(page, "daniel.price@riverside.example")).toHaveCount(0);
  await expect(page.getByTestId("recent-changes")).toContainText("Rachel Head removed Daniel Price");
});
