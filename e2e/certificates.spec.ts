import { readFile } from "node:fs/promises";
import type { Download, Locator, Page } from "@playwright/test";
import { pdfText } from "../tests/pdf-text";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, expectAccessible, expectNoSidewaysScroll, expectTapTargets, newPersonPage, shoot, signIn, signOut, test } from "./fixtures";

// Issue 15's certificates: the teacher downloads one from My Courses and from the course page, reads its code,
// and anyone, signed out, checks it at /verify; the head of the school downloads it from the progress view;
// another trust's lead gets not found. The seed has teacher@riverside.example complete "Behaviour for learning".
test.describe.configure({ mode: "serial" });
test.beforeAll(resetDemoData);

const COURSE = "Behaviour for learning";
const TEACHER = "Tom Teacher";
const RIVERSIDE = "Riverside Primary Academy";
const CODE = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/;

async function downloadFrom(page: Page, link: Locator): Promise<{ text: string; code: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^certificate-behaviour-for-learning-tom-teacher-1\.pdf$/);
  const { text } = await pdfText(new Uint8Array(await readFile((await download.path())!)));
  const code = CODE.exec(text)?.[0];
  expect(code, text).toBeDefined();
  return { text, code: code!, download };
}

async function looksRight(page: Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await expectTapTargets(page);
}

let certificateUrl: string;
let code: string;

test("teacher@riverside.example downloads a certificate from My Courses and from the course page; its code verifies signed out", async ({ page }) => {
  await signIn(page, "teacher@riverside.example");
  await page.goto("/courses/my-courses");
  const link = page.getByRole("link", { name: `Download certificate (PDF) for ${COURSE}`, exact: true });
  await expect(link).toBeVisible();
  await looksRight(page);
  await shoot(page, "certificates-my-courses");
  certificateUrl = (await link.getAttribute("href"))!;
  expect(certificateUrl).toMatch(/^\/certificates\/[0-9a-f-]{36}\/1$/);
  const first = await downloadFrom(page, link);
  code = first.code;
  expect(first.text).toContain("Certificate of completion");
  expect(first.text).toContain(TEACHER);
  expect(first.text).toContain(COURSE);
  expect(first.text).toContain(RIVERSIDE);
  expect(first.text).toMatch(/Completed on \d{1,2} [A-Z][a-z]{2,3} \d{4}/);

  // The course page offers the same certificate (the same code: downloading again issues nothing new).
  await page.getByRole("link", { name: COURSE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: COURSE })).toBeVisible();
  const onCourse = page.getByRole("link", { name: `Download certificate (PDF) for ${COURSE}`, exact: true });
  await looksRight(page);
  expect((await downloadFrom(page, onCourse)).code).toBe(code);

  await signOut(page);
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1, name: "Check a certificate" })).toBeVisible();
  await looksRight(page);
  await page.getByLabel("Verification code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Check the certificate" }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${code}$`));
  await expect(page.getByTestId("verdict")).toContainText("Genuine and in date");
  const facts = page.getByTestId("certificate-facts");
  await expect(facts).toContainText(TEACHER);
  await expect(facts).toContainText(COURSE);
  await expect(facts).toContainText(RIVERSIDE);
  await looksRight(page);
  await shoot(page, "certificates-verify");

  // A code nobody issued: the page says so, with a 200 (a person typed it), and offers the form again.
  const forged = await page.goto("/verify/ABCD-EFGH-JKMN-PQRS");
  expect(forged?.status()).toBe(200);
  await expect(page.getByTestId("verdict")).toContainText("We do not recognise this code");
  await looksRight(page);
});

test("the head downloads it from Riverside's progress view; lead@elmwood.example gets not found", async ({ page, browser }) => {
  expect(certificateUrl).toBeDefined();
  await signIn(page, "head@riverside.example");
  await page.goto("/courses/my-courses");
  await chooseProgressFor(page, RIVERSIDE);
  await expect(page).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}$/);
  const schoolId = new URL(page.url()).pathname.split("/").pop()!;
  const link = page.getByRole("link", { name: `Certificate (PDF) for ${TEACHER}, ${COURSE}`, exact: true });
  await page.goto(`/courses/progress/${schoolId}?q=${encodeURIComponent(TEACHER)}`);
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", `${certificateUrl}?school=${schoolId}`);
  await looksRight(page);
  await shoot(page, "certificates-progress");
  expect((await downloadFrom(page, link)).code).toBe(code); // the certificate the teacher has, for the same school

  const elmwood = await newPersonPage(browser);
  await signIn(elmwood, "lead@elmwood.example");
  for (const url of [certificateUrl, `${certificateUrl}?school=${schoolId}`]) {
    const response = await elmwood.request.get(url);
    expect(response.status(), url).toBe(404);
  }
  await elmwood.context().close();
});
