import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, signIn, test } from "./fixtures";
import { mailCount, onlyLink, receivedMail } from "./mail";

test.beforeAll(resetDemoData);

const run = promisify(execFile);

/** 08:00 UTC (08:00 or 09:00 in England: after the digest's 07:00) on the Monday `weeks` weeks after the next one. */
function mondayMorning(weeks: number): string {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const untilMonday = ((8 - day.getUTCDay()) % 7) || 7;
  day.setUTCDate(day.getUTCDate() + untilMonday + 7 * weeks);
  return `${day.toISOString().slice(0, 10)}T08:00:00Z`;
}

// The weekly digest, as a self-hosted instance's system cron sends it (`npm run mail:cron`): the MAT lead's
// arrives over SMTP, and its one link opens the trust overview it summarises.
test("lead@northstar.example's weekly digest arrives and its link opens the trust overview", async ({ page }, testInfo) => {
  // Each project its own week, so each run plans a digest of its own.
  const now = mondayMorning(testInfo.project.name === "phone" ? 1 : 0);
  const before = mailCount();
  // The Playwright process has DATABASE_URL, SMTP_URL, APP_URL and AUTH_SECRET of the run (scripts/e2e.ts).
  const { stdout } = await run("npm", ["run", "-s", "mail:cron", "--", "--now", now], { env: process.env, timeout: 60_000 });
  const report = JSON.parse(stdout.trim().split("\n").at(-1)!) as { planned: { digests: number }; delivery: { failed: number } };
  expect(report.planned.digests).toBeGreaterThan(0);
  expect(report.delivery.failed).toBe(0);

  const mail = await receivedMail("lead@northstar.example", /^Northstar Academy Trust: this week's compliance by school$/, before);
  expect(mail.text).toContain("Hillcrest Academy |");
  expect(mail.text).toContain("Riverside Primary Academy |");
  expect(mail.text).not.toContain("Brookside Academy"); // Elmwood's school
  expect(mail.headers["list-unsubscribe"]).toContain("/api/unsubscribe?");
  const link = onlyLink(mail);
  expect(link).toMatch(/\/courses\/overview\/[0-9a-f-]{36}$/);

  await signIn(page, "lead@northstar.example");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "All schools in Northstar Academy Trust" })).toBeVisible();
  await expect(page.getByTestId("compliance-list")).toContainText("Hillcrest Academy");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});
