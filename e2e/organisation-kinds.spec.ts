import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, expectAccessible, expectNoSidewaysScroll, signIn, test } from "./fixtures";

// Schools and trusts told apart: each screen offers what its own people need.
test.describe.configure({ mode: "serial" });
test.beforeAll(resetDemoData);

async function expectGoodPage(page: Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
}

const workplaceTabs = (page: Page) => page.getByRole("navigation", { name: "Workplace" }).getByRole("link");

test("head@meadowlane.example searches Academy, is offered only trusts, and chooses Northstar after a confirmation naming it", async ({ page }) => {
  await signIn(page, "head@meadowlane.example");
  await page.goto("/workplace/my-school");
  await expect(workplaceTabs(page)).toHaveText(["My School", "Trust access", "Required training", "Who can see my training"]);
  await expect(page.getByTestId("current-trust")).toContainText("No Multi Academy Trust chosen");

  await page.getByLabel(/search by the trust's name/).fill("Academy");
  await page.getByRole("button", { name: "Search" }).click();
  const candidates = page.getByTestId("trust-candidate");
  await expect(candidates).toHaveCount(3);
  await expect(candidates.first()).toContainText("Elmwood Learning Trust"); // through its school Brookside Academy
  const offered = (await candidates.allInnerTexts()).join("\n");
  expect(offered).toContain("Northstar Academy Trust");
  expect(offered).toContain("Oak Hill Trust");
  for (const school of ["Riverside Primary Academy", "Hillcrest Academy", "Brookside Academy", "Willow Academy", "Meadow Lane Academy"]) {
    await expect(page.getByRole("link", { name: `Choose ${school}` })).toHaveCount(0);
  }
  await expectGoodPage(page);

  await page.getByRole("link", { name: "Choose Northstar Academy Trust" }).click();
  const confirmation = page.getByTestId("confirm-trust");
  await expect(confirmation.getByRole("heading")).toHaveText("Choose Northstar Academy Trust as your Multi Academy Trust?");
  await expect(confirmation).toContainText("Northstar Academy Trust's Administrators will see the course progress of every member of Meadow Lane Academy's staff");
  await expect(page.getByTestId("current-trust")).toContainText("No Multi Academy Trust chosen"); // nothing saved yet
  await expectGoodPage(page);

  await page.getByRole("button", { name: "Yes, choose Northstar Academy Trust" }).click();
  await expect(page.getByText("Your Multi Academy Trust has been saved.")).toBeVisible();
  await expect(page.getByTestId("current-trust")).toContainText("Northstar Academy Trust");
  await expect(page.getByTestId("trust-history")).toContainText("Meadow Lane Academy chose Northstar Academy Trust");
  await expectGoodPage(page);

  // The school's side of Trust access names who at the trust now sees its staff's training.
  await page.goto("/workplace/trust-access");
  await expect(page.getByTestId("chosen-trust")).toContainText("Northstar Academy Trust");
  await expect(page.getByTestId("trust-viewers")).toContainText("lead@northstar.example");
  await expectGoodPage(page);
});

test("teacher@riverside.example's My Courses has no selector", async ({ page }) => {
  await signIn(page, "teacher@riverside.example");
  await page.goto("/courses/my-courses");
  await expect(page.getByRole("heading", { name: "My Courses" })).toBeVisible();
  await expect(page.getByTestId("enrolment").first()).toBeVisible();
  await expect(page.getByLabel("View course progress for:")).toHaveCount(0);
  await expect(page.getByText(/trust you administer/)).toHaveCount(0);
  await expectGoodPage(page);
});

test("lead@oakhill.example's My Courses names the designation and links New Support Ticket", async ({ page }) => {
  await signIn(page, "lead@oakhill.example");
  await page.goto("/courses/my-courses");
  const gap = page.getByTestId("trust-access-gap");
  await expect(gap.getByRole("heading")).toHaveText("Why you cannot see Oak Hill Trust's schools yet");
  await expect(gap.getByTestId("gap-designation")).toContainText("Oak Hill Trust's Type is Local authority maintained");
  await expect(gap.getByTestId("gap-role")).toHaveCount(0);
  await expect(gap.getByTestId("gap-schools")).toHaveCount(0);
  // The central team is named as such; no school is offered.
  await expect(page.getByLabel("View course progress for:").locator("option")).toHaveText(["Oak Hill Trust central team", "My own progress"]);
  await expectGoodPage(page);
  await gap.getByRole("link", { name: "New Support Ticket" }).click();
  await expect(page.getByLabel("Category")).toHaveValue("CHANGE_DESIGNATION");
});

test("analyst@northstar.example sees only their own progress, and the role they would need", async ({ page }) => {
  await signIn(page, "analyst@northstar.example");
  await page.goto("/courses/my-courses");
  await expect(page.getByLabel("View course progress for:")).toHaveCount(0);
  await expect(page.getByTestId("gap-role")).toContainText("Naomi Lead (lead@northstar.example)");
  await expectGoodPage(page);
});

test("lead@northstar.example's selector groups the trust, opens a choice at once, and Courses reopens it", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await page.goto("/courses/my-courses");
  const selector = page.getByLabel("View course progress for:");
  await expect(selector.locator("optgroup").first()).toHaveAttribute("label", "Northstar Academy Trust");
  await expect(selector.locator("optgroup").first().locator("option")).toHaveText(["All schools in Northstar Academy Trust", "Hillcrest Academy", "Meadow Lane Academy", "Riverside Primary Academy"]);
  await expect(selector.locator("option", { hasText: "Northstar Academy Trust central team" })).toHaveCount(1);
  await chooseProgressFor(page, "Hillcrest Academy"); // no Show button pressed
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: "Hillcrest Academy" })).toBeVisible();
  const hillcrest = new URL(page.url()).pathname;

  await page.goto("/workplace/my-school");
  await expect(workplaceTabs(page)).toHaveText(["My School", "My Trust", "Trust access", "Required training", "Who can see my training"]);
  await page.goto("/courses");
  await expect(page).toHaveURL(new RegExp(`${hillcrest}$`));
  await expect(page.getByLabel("View course progress for:")).toHaveValue(hillcrest.split("/").pop()!);
  await expectGoodPage(page);
});


test("St Anne's Trust access is the school's side, with no push to become Academies", async ({ page }) => {
  await signIn(page, "head@stannes.example");
  await page.goto("/workplace/trust-access");
  await expect(page.getByRole("heading", { name: "Trust access for St Anne's Primary School" })).toBeVisible();
  await expect(page.getByTestId("chosen-trust")).toContainText("None chosen");
  await expect(page.getByRole("link", { name: /New Support Ticket:/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Choose your Multi Academy Trust" })).toBeVisible();
  await expectGoodPage(page);
});

test("support@schoot.example lands on the console and can set an organisation's kind", async ({ page }) => {
  await signIn(page, "support@schoot.example");
  await expect(page).toHaveURL(/\/console\/tickets$/);
  await page.goto("/console/organisations/new");
  await page.getByLabel("Name").fill("Beacon Schools Trust");
  await page.getByLabel("Kind").selectOption({ label: "Trust" });
  await page.getByLabel("Type").selectOption({ label: "Academies" });
  await page.getByLabel("URN (schools)").fill("123456");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("A trust has no URN")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Beacon Schools Trust");
  await expectGoodPage(page);
  await page.getByLabel("URN (schools)").fill("");
  await page.getByLabel("Companies House number (trusts)").fill("09876543");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Beacon Schools Trust has been created.")).toBeVisible();
  await expect(page.getByTestId("console-kind")).toHaveText("Trust");
  await expectGoodPage(page);
});
