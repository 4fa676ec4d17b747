// The development-only mailbox: what the local SMTP server received, readable on a phone, each message's link
// one tap away (the way a developer follows an email without a mail client).
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, expectTapTargets, test } from "./fixtures";
import { mailCount, receivedMail } from "./mail";

test.beforeAll(resetDemoData);

const PERSON: Record<string, string> = { desktop: "poppy.young@brookside.example", phone: "rhys.adams@brookside.example" };

test("the local mailbox says it is for development only, lists what was sent and opens its link", async ({ page }, info) => {
  const email = PERSON[info.project.name]!;
  const before = mailCount();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await receivedMail(email, /Reset your Schoot password/, before);

  // Only with the key the scripts printed: others on the network cannot read the links in it.
  expect((await page.goto("/dev/mailbox"))!.status()).toBe(404);
  expect((await page.goto("/dev/mailbox?key=not-the-key-not-the-key"))!.status()).toBe(404);
  await page.goto(`/dev/mailbox?key=${process.env.SCHOOT_LOCAL_MAILBOX}`);
  await expect(page.getByRole("heading", { name: "Local mailbox", level: 1 })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Development only");
  const message = page.getByTestId("mail").filter({ hasText: email }).first();
  await expect(message.getByRole("heading", { name: "Reset your Schoot password" })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await expectTapTargets(page);

  await message.getByText("The text version").click();
  await expect(message.locator("pre")).toContainText("Choose a new password:");
  await message.getByRole("link", { name: "Open the link in this email" }).click();
  await expect(page).toHaveURL(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
});
