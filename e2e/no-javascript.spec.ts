import { resetDemoData } from "./demo-data";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, newPersonPage, signIn, test } from "./fixtures";
import { mailCount, onlyLink, receivedMail } from "./mail";

test.beforeAll(resetDemoData);

/**
 * axe-core is a script, and scripts are off here: check the same address, with the same session, in a
 * page with scripts on. (Tap targets are measured the same way by e2e/tap-targets.spec.ts.)
 */
async function expectAccessibleAsServed(page: Page, browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  const mirror = await context.newPage();
  await mirror.goto(page.url());
  await expectAccessible(mirror);
  await context.close();
}

// Run by the "no-javascript" project only (playwright.config.ts): scripts are off, so every step here is a
// plain link, a GET form or a server action's form posting the whole page, as before JavaScript loads.

test("without JavaScript, a MAT lead signs in and opens a school's course progress from My Courses", async ({ page, browser }) => {
  await signIn(page, "lead@northstar.example");
  await expect(page.getByRole("heading", { name: "Northstar Academy Trust" })).toBeVisible();

  await page.goto("/courses/my-courses");
  await expect(page.getByRole("navigation", { name: "Courses" }).getByRole("link", { name: "My Courses" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("View course progress for:").selectOption({ label: "Riverside Primary Academy" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}/);
  // The streamed page shows in full: no skeleton left standing, the school's people listed.
  await expect(page.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  await expect(page.getByTestId("loading")).toBeHidden();
  await expect(page.getByTestId("match-count")).toBeVisible();
  await expect(page.getByTestId("progress-row").first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Courses" }).getByRole("link", { name: "My Courses" })).toHaveAttribute("aria-current", "page");
  await expectAccessibleAsServed(page, browser);

  // A course page belongs to All Courses.
  await page.goto("/courses/all");
  await page.getByTestId("course").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/courses\/(?!all$)[a-z0-9-]+$/);
  await expect(page.getByRole("navigation", { name: "Courses" }).getByRole("link", { name: "All Courses" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("loading")).toBeHidden();
});

test("without JavaScript, an Administrator invites someone, who confirms the address by email, creates an account and joins, and is made an Administrator", async ({ page, browser }) => {
  const email = `no.script.${Date.now().toString(36)}@riverside.example`;
  await signIn(page, "head@riverside.example");
  const invited = mailCount();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invite-message")).toContainText(`Invitation created for ${email}`);
  expect(await page.getByLabel(`Invitation link for ${email}`).inputValue()).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const link = onlyLink(await receivedMail(email, /^Join Riverside Primary Academy on Schoot$/, invited));

  const guest = await newPersonPage(browser);
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Riverside Primary Academy" })).toBeVisible();
  await expectAccessibleAsServed(guest, browser);
  const asked = mailCount();
  await guest.getByRole("button", { name: "Send me a link to confirm my address" }).click();
  await expect(guest.getByTestId("form-message")).toHaveText(`We have sent a link to ${email}. Open it to choose your password.`);
  await guest.goto(onlyLink(await receivedMail(email, /^Confirm your email address/, asked)));
  await expectAccessibleAsServed(guest, browser);
  // A mistake comes back on the same page, with the name kept.
  await guest.getByLabel("Your name").fill("Noah Script");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByText("Use at least 10 characters")).toBeVisible();
  await expect(guest.getByLabel("Your name")).toHaveValue("Noah Script");
  await guest.getByLabel("Choose a password").fill("a-good-long-password");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest).toHaveURL(/\/workplace\/my-school$/);
  await expect(guest.getByTestId("your-role")).toHaveText("Member");
  await guest.context().close();

  // Making them an Administrator asks for confirmation, a <details> that opens without JavaScript.
  await page.goto("/workplace/my-school");
  const row = page.getByTestId("colleague").filter({ hasText: email });
  await expect(row.getByTestId("role")).toHaveText("Member");
  await row.locator("summary", { hasText: "Make Administrator" }).click();
  // Without JavaScript, parts of a page that stream after its first bytes show after the main column (the
  // noscript style in app/layout.tsx): the confirmation may be there rather than inside the row.
  await expect(page.getByText("Make Noah Script an Administrator of Riverside Primary Academy?")).toBeVisible();
  await page.getByRole("button", { name: "Yes, make Noah Script an Administrator" }).click();
  const updated = page.getByTestId("colleague").filter({ hasText: email });
  await expect(updated.getByTestId("role")).toHaveText("Administrator");
  await expect(updated.getByTestId("colleague-message")).toHaveText("Noah Script is now an Administrator.");
  await expectAccessibleAsServed(page, browser);
});

test("without JavaScript, a person asks for a reset link from the sign-in page and chooses a new password with it", async ({ page, browser }) => {
  const email = "sofia.bennett@brookside.example";
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const before = mailCount();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByTestId("reset-sent")).toContainText(`If there is an account for ${email}, we have sent it a link`);
  await expectAccessibleAsServed(page, browser);

  await page.goto(onlyLink(await receivedMail(email, /Reset your Schoot password/, before)));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectAccessibleAsServed(page, browser);
  await page.getByLabel("New password", { exact: true }).fill("no-script-password");
  await page.getByLabel("New password again").fill("no-script-password");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/workplace\//);
  const again = await newPersonPage(browser);
  await signIn(again, email, "no-script-password");
  await again.context().close();
});
