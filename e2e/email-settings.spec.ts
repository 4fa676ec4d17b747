import { PrismaPg } from "@prisma/adapter-pg";
import type { Page } from "@playwright/test";
import { PrismaClient } from "../lib/generated/prisma/client";
import { signedUnsubscribeQuery, type MailList } from "../lib/mail/unsubscribe-link";
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, expectTapTargets, newPersonPage, signIn, test } from "./fixtures";

// Account › Email and the one-click unsubscribe link. The person is Brookside's head, whose mail settings no
// other journey depends on; every test puts them back as the seed has them (both on).
const PERSON = "head@brookside.example";

test.beforeAll(resetDemoData);
test.afterAll(() => withDb((db) => db.user.update({ where: { email: PERSON }, data: { emailReminders: true, emailDigest: true } })));

async function withDb<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * The link a reminder's or digest's List-Unsubscribe header carries, built as the app builds it (the run's
 * AUTH_SECRET is in this process's environment): no journey can make the cron send this person one.
 */
async function unsubscribeLink(email: string, list: MailList): Promise<string> {
  const { id } = await withDb((db) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } }));
  return `/api/unsubscribe?${signedUnsubscribeQuery(process.env.AUTH_SECRET!, id, list)}`;
}

const reminders = (page: Page) => page.getByRole("checkbox", { name: "Reminders about my required training" });
const digest = (page: Page) => page.getByRole("checkbox", { name: /^Weekly digest of my school's or trust's required training/ });

async function saveSettings(page: Page) {
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByRole("region", { name: "Email" }).getByTestId("form-message")).toHaveText("Your email settings are saved.");
}

async function expectPageChecks(page: Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await expectTapTargets(page);
}

test("a person turns reminders off on the Account page, unsubscribes from the digest by the email's link, and turns both back on", async ({ page, browser }) => {
  await signIn(page, PERSON);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Email", exact: true })).toBeVisible();
  await expect(page.getByText("Invitations, address confirmations and password resets are always sent.")).toBeVisible();
  await expect(reminders(page)).toBeChecked();
  await expect(digest(page)).toBeChecked();
  await expectPageChecks(page);

  await reminders(page).uncheck();
  await saveSettings(page);
  await expectPageChecks(page);
  await page.reload();
  await expect(reminders(page)).not.toBeChecked();
  await expect(digest(page)).toBeChecked();

  // The link opened from the email, in a browser with no session (a phone's mail app, say).
  const mailApp = await newPersonPage(browser);
  await mailApp.goto(await unsubscribeLink(PERSON, "digest"));
  await expect(mailApp).toHaveURL(/\/unsubscribe\?u=/);
  await expect(mailApp.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(mailApp.getByText("Stop getting the weekly digest by email?")).toBeVisible();
  await expect(mailApp.getByText(PERSON)).toHaveCount(0);
  await expectPageChecks(mailApp);
  await mailApp.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(mailApp.getByTestId("unsubscribed")).toHaveText("You will no longer get the weekly digest. Change this any time on your Account page.");
  await expectPageChecks(mailApp);
  // Opening the link again changes nothing and says the same.
  await mailApp.goto(await unsubscribeLink(PERSON, "digest"));
  await expect(mailApp.getByTestId("unsubscribed")).toBeVisible();
  await mailApp.context().close();

  await page.reload();
  await expect(reminders(page)).not.toBeChecked();
  await expect(digest(page)).not.toBeChecked();

  await reminders(page).check();
  await digest(page).check();
  await saveSettings(page);
  await page.reload();
  await expect(reminders(page)).toBeChecked();
  await expect(digest(page)).toBeChecked();
});

test("a mail client's one click (RFC 8058) unsubscribes without cookies, from any origin; a forged link is a page that does not exist", async ({ page, playwright, baseURL }) => {
  const mailClient = await playwright.request.newContext({ baseURL });
  const link = await unsubscribeLink(PERSON, "reminders");
  const answer = await mailClient.post(link, { headers: { Origin: "https://webmail.example" }, form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toBe("Unsubscribed.");

  const forged = link.replace("l=reminders", "l=digest");
  expect((await mailClient.post(forged, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 })).status()).toBe(404);
  await mailClient.dispose();

  await page.goto(forged);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  await signIn(page, PERSON);
  await page.goto("/account");
  await expect(reminders(page)).not.toBeChecked();
  await expect(digest(page)).toBeChecked();
  await reminders(page).check();
  await saveSettings(page);
  await page.reload();
  await expect(reminders(page)).toBeChecked();
});

test("without JavaScript, the email settings save and the unsubscribe button works", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: test.info().project.use.viewport, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, PERSON);
  await page.goto("/account");
  await digest(page).uncheck();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByTestId("form-message").filter({ hasText: "Your email settings are saved." })).toBeVisible();
  await page.goto("/account");
  await expect(digest(page)).not.toBeChecked();
  await expect(reminders(page)).toBeChecked();

  await page.goto(await unsubscribeLink(PERSON, "reminders"));
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByTestId("unsubscribed")).toHaveText("You will no longer get reminders about your required training. Change this any time on your Account page.");

  await page.goto("/account");
  await expect(reminders(page)).not.toBeChecked();
  await reminders(page).check();
  await digest(page).check();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await page.goto("/account");
  await expect(reminders(page)).toBeChecked();
  await expect(digest(page)).toBeChecked();
  await context.close();
});
