import type { Browser, TestInfo } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, signIn, test } from "./fixtures";

test.beforeAll(resetDemoData);

/** A second person in their own browser, at the same viewport as the project. */
async function secondPerson(browser: Browser, testInfo: TestInfo, email: string) {
  const { viewport, isMobile, hasTouch, deviceScaleFactor } = testInfo.project.use;
  const context = await browser.newContext({ viewport, isMobile, hasTouch, deviceScaleFactor });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

test.describe.serial("trust access", () => {
  test("a MAT lead's My Trust lists the schools that chose the trust, and no other", async ({ page }) => {
    await signIn(page, "lead@northstar.example");
    await page.goto("/workplace/my-trust");
    const schools = page.getByTestId("trust-schools");
    await expect(schools).toContainText("Hillcrest Academy");
    await expect(schools).toContainText("Riverside Primary Academy");
    await expect(schools).not.toContainText("Meadow Lane Academy");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
  });

  test("a school removes its trust, the trust loses it on its next page, and the school chooses it again", async ({ page, browser }, testInfo) => {
    const lead = await secondPerson(browser, testInfo, "lead@northstar.example");
    await signIn(page, "head@riverside.example");
    await page.goto("/workplace/my-school");
    await expect(page.getByTestId("current-trust")).toContainText("Northstar Academy Trust");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Remove Northstar Academy Trust" }).click();
    await expect(page.getByText("Its Administrators will lose access")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, remove Northstar Academy Trust" }).click();
    await expect(page.getByTestId("current-trust")).toContainText("No Multi Academy Trust chosen");

    await lead.page.goto("/workplace/my-trust");
    await expect(lead.page.getByTestId("trust-schools")).not.toContainText("Riverside Primary Academy");
    await expect(lead.page.getByTestId("trust-schools")).toContainText("Hillcrest Academy");

    await page.getByLabel(/search by the trust's name/).fill("Northstar");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Choose Northstar Academy Trust" }).click();
    await expect(page.getByTestId("confirm-trust")).toContainText("Choose Northstar Academy Trust as your Multi Academy Trust?");
    await page.getByRole("button", { name: "Yes, choose Northstar Academy Trust" }).click();
    await expect(page.getByTestId("current-trust")).toContainText("Northstar Academy Trust");
    await expect(page.getByTestId("trust-history")).toContainText("Riverside Primary Academy removed Northstar Academy Trust");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await lead.page.reload();
    await expect(lead.page.getByTestId("trust-schools")).toContainText("Riverside Primary Academy");
    await lead.close();
  });

  test("changing to another trust asks for confirmation naming the trust that will lose access", async ({ page }) => {
    await signIn(page, "head@hillcrest.example");
    await page.goto("/workplace/my-school?trustQuery=Elmwood");
    await page.getByRole("link", { name: "Choose Elmwood Learning Trust" }).click();
    await expect(page.getByText("Northstar Academy Trust will lose access")).toBeVisible();
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page.getByTestId("current-trust")).toContainText("Northstar Academy Trust");
  });

  test("Oak Hill Trust's checklist shows the designation cross and its ticket button", async ({ page }) => {
    await signIn(page, "lead@oakhill.example");
    await page.goto("/workplace/trust-access");
    const designation = page.getByTestId("check").filter({ hasText: "Designation" });
    await expect(designation).toHaveAttribute("data-ok", "false");
    await expect(designation).toContainText("Local authority maintained");
    const ticket = designation.getByRole("link", { name: /New Support Ticket/ });
    await expect(ticket).toHaveAttribute("href", /category=CHANGE_DESIGNATION/);
    await expect(page.getByTestId("check").filter({ hasText: "Role" })).toHaveAttribute("data-ok", "true");
    await expect(page.getByTestId("school-message")).toContainText("Oak Hill Trust");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
  });

  test("a teacher sees who can see their training", async ({ page }) => {
    await signIn(page, "teacher@riverside.example");
    await page.goto("/workplace/who-can-see");
    const viewers = page.getByTestId("progress-viewers");
    await expect(viewers.first()).toContainText("head@riverside.example");
    await expect(page.getByText("lead@northstar.example")).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
  });
});
