import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, openMenu, signIn, signOut, test } from "./fixtures";

test.beforeAll(resetDemoData);

test.describe("signing in", () => {
  test("the sign-in page passes axe", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in to Schoot trust progress" })).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
  });

  test("a MAT lead signs in, sees My School with Type Academies, and signs out", async ({ page }) => {
    await signIn(page, "lead@northstar.example");
    await expect(page).toHaveURL(/\/workplace\/my-school$/);
    await expect(page.getByRole("heading", { name: "Northstar Academy Trust" })).toBeVisible();
    await expect(page.getByTestId("organisation-type")).toHaveText("Academies");
    await expect(page.getByRole("link", { name: "My School" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await openMenu(page);
    const nav = page.getByRole("navigation", { name: "Main" }).filter({ visible: true });
    await expect(nav.getByRole("link", { name: "Workplace" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Courses" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New Support Ticket" }).filter({ visible: true })).toBeVisible();
    await expect(page.getByRole("banner").getByText("Naomi Lead").filter({ visible: true })).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await signOut(page);
    await page.goto("/workplace/my-school");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wrong password shows the error and keeps the email", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("lead@northstar.example");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("form-message")).toHaveText("The email or password is incorrect.");
    // Focus moves to the reason, so a screen reader or keyboard user starts from it.
    await expect(page.getByTestId("form-message")).toBeFocused();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByLabel("Email")).toHaveValue("lead@northstar.example");
    await expectAccessible(page);
  });

  test("a signed-out visit to a Workplace page lands on /sign-in and comes back after signing in", async ({ page }) => {
    await page.goto("/workplace/my-school");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkplace%2Fmy-school/);
    await page.getByLabel("Email").fill("head@riverside.example");
    await page.getByLabel("Password").fill("schoot-demo-2026");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/workplace\/my-school$/);
    await expect(page.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  });

  test("My Courses lists the person's own enrolments with their progress", async ({ page }) => {
    await signIn(page, "teacher@riverside.example");
    await openMenu(page);
    await page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name: "Courses" }).click();
    await expect(page).toHaveURL(/\/courses\/my-courses$/);
    await expect(page.getByRole("link", { name: "My Courses" })).toHaveAttribute("aria-current", "page");
    const cards = page.getByTestId("enrolment");
    await expect(cards.first()).toBeVisible(); // an in-app navigation shows the loading skeleton first
    // The required courses come first, in their own section; each course once, in one of the two.
    const required = page.getByTestId("required-course");
    expect(await required.count()).toBeGreaterThanOrEqual(1);
    expect((await cards.count()) + (await required.count())).toBeGreaterThanOrEqual(3);
    await expect(cards.first().getByRole("progressbar")).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
  });

  test("the phone menu: Escape closes it and returns focus to the toggle; Tab stays inside it while it is open", async ({ page }) => {
    // The phone menu exists only on narrow screens: the desktop project runs this at a phone's width too.
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "lead@northstar.example");
    const toggle = page.locator("header summary", { hasText: "Menu" });
    await expect(toggle).toBeVisible();
    const details = page.locator("header details");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(details).toHaveAttribute("open");
    const inMenu = () => page.evaluate(() => !!document.activeElement?.closest("header details"));
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      expect(await inMenu(), `Tab ${i + 1} stays in the menu`).toBe(true);
    }
    await toggle.focus();
    await page.keyboard.press("Shift+Tab");
    expect(await inMenu()).toBe(true);
    await page.keyboard.press("Escape");
    await expect(details).not.toHaveAttribute("open");
    await expect(toggle).toBeFocused();
  });
});
