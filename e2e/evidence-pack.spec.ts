import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { seedOrganisations } from "../prisma/seed";
import { pdfText } from "../tests/pdf-text";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, expectAccessible, expectMenuClosed, expectNoSidewaysScroll, followMenuLink, shoot, signIn, test } from "./fixtures";

// Issue 15's journey: the MAT lead downloads the evidence pack of the whole trust from the Trust overview and
// Riverside's from Riverside's progress view, and each PDF names the schools and who generated it; another
// trust's lead gets not found for both addresses. Reads the demo data only (a download adds an audit row).
test.beforeAll(resetDemoData);

const TRUST = "Northstar Academy Trust";
const RIVERSIDE = "Riverside Primary Academy";
const LEAD = seedOrganisations.flatMap((o) => o.accounts).find((a) => a.email === "lead@northstar.example")!.name;

/** The download's text, every run of white space one space, and its pages. */
async function pdfOf(download: Download) {
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const { pages } = await pdfText(new Uint8Array(bytes));
  return { pages, text: pages.join(" ").replace(/\s+/g, " ") };
}

async function downloadPack(page: Page) {
  const link = page.getByRole("link", { name: "Evidence pack (PDF)" });
  await expect(link).toBeVisible();
  const downloading = page.waitForEvent("download");
  await link.click();
  return downloading;
}

test("a MAT lead downloads the trust's evidence pack and a school's; another trust's lead gets not found for both", async ({ page }) => {
  await signIn(page, "lead@northstar.example");
  await followMenuLink(page, "Courses");
  await expectMenuClosed(page);
  await chooseProgressFor(page, `All schools in ${TRUST}`);
  await expect(page).toHaveURL(/\/courses\/overview\/[0-9a-f-]{36}$/);
  const trustPath = new URL(page.url()).pathname;
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "evidence-pack-overview");

  const trustDownload = await downloadPack(page);
  expect(trustDownload.suggestedFilename()).toMatch(/^evidence-pack-northstar-academy-trust-\d{4}-\d{2}-\d{2}\.pdf$/);
  const trust = await pdfOf(trustDownload);
  expect(trust.pages[0]).toContain(TRUST);
  expect(trust.text).toMatch(new RegExp(`Generated \\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2} by ${LEAD}`));
  // The summary names both schools, worst first (Hillcrest is well behind Riverside), and each has its section.
  expect(trust.pages[0]!.indexOf("Hillcrest Academy")).toBeGreaterThan(0);
  expect(trust.pages[0]!.indexOf("Hillcrest Academy")).toBeLessThan(trust.pages[0]!.indexOf(RIVERSIDE));
  expect(trust.pages.some((p) => p.startsWith(`${RIVERSIDE} Evidence pack`))).toBe(true);
  expect(trust.pages.some((p) => p.startsWith("Hillcrest Academy Evidence pack"))).toBe(true);
  expect(trust.text).not.toContain("Brookside Academy"); // Elmwood's school

  await chooseProgressFor(page, RIVERSIDE);
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}$/);
  const schoolPath = new URL(page.url()).pathname;
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, "evidence-pack-school");

  const schoolDownload = await downloadPack(page);
  expect(schoolDownload.suggestedFilename()).toMatch(/^evidence-pack-riverside-primary-academy-\d{4}-\d{2}-\d{2}\.pdf$/);
  const school = await pdfOf(schoolDownload);
  school.pages.forEach((p, i) => {
    expect(p).toContain(`${RIVERSIDE} Evidence pack`);
    expect(p).toContain(`Page ${i + 1}`);
  });
  expect(school.text).toMatch(new RegExp(`Generated \\d{1,2} \\w{3,4} \\d{4}, \\d{2}:\\d{2} by ${LEAD}`));
  expect(school.text).toContain(`Multi Academy Trust ${TRUST}, chosen on`);
  expect(school.text).toContain("staff are in date on every required course");
  expect(school.text).not.toContain("Hillcrest Academy");

  await page.context().clearCookies();
  await signIn(page, "lead@elmwood.example");
  for (const path of [`${trustPath}/evidence-pack`, `${schoolPath}/evidence-pack`]) {
    const refused = await page.request.get(path);
    expect(refused.status(), path).toBe(404);
    expect(refused.headers()["content-type"]).toContain("text/html");
    expect(await refused.text()).not.toContain("Northstar");
  }
});
