import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, DEMO_PASSWORD, expect, expectAccessible, expectNoSidewaysScroll, newPersonPage, signIn, test } from "./fixtures";
import { mailCount, onlyLink, receivedMail } from "./mail";

test.beforeAll(resetDemoData);

const RIVERSIDE = "Riverside Primary Academy";
const UPLOAD_PATH = /\/workplace\/my-school\/import\/[0-9a-f-]{36}$/;

type Person = { name: string; email: string; role: "Member" | "Administrator" };

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

/** Riverside's staff as the database holds them now (the demo data, reset for this file). */
async function riversideStaff(): Promise<Person[]> {
  const rows = await query<{ name: string; email: string; role: string }>(
    `SELECT u.name, u.email, m.role::text AS role FROM "Membership" m JOIN "User" u ON u.id = m."userId"
       JOIN "Organisation" o ON o.id = m."organisationId" WHERE o.name = $1 ORDER BY u.email`,
    [RIVERSIDE],
  );
  return rows.map((row) => ({ name: row.name, email: row.email, role: row.role === "ADMINISTRATOR" ? "Administrator" : "Member" }));
}

const keptUploads = async () => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "StaffImport"`))[0]!.n);

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows: string[][]) => Buffer.from(rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n", "utf8");

/** Addresses no other run or project has used: the mailbox outlives the demo data. */
const tag = () => `${test.info().project.name}.${Date.now().toString(36)}`;

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("Staff list (CSV)").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Upload and preview" }).click();
}

test("head@riverside.example imports the staff list: a preview, a confirmation, the new staff in My colleagues and in the MAT lead's view", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const staff = await riversideStaff();
  expect(staff.length).toBeGreaterThanOrEqual(5);
  const run = tag();
  const joiners: Person[] = [
    { name: "Nia Fernsby", email: `nia.fernsby.${run}@riverside.example`, role: "Member" },
    { name: "Owen Marchetti", email: `owen.marchetti.${run}@riverside.example`, role: "Administrator" },
  ];
  // A Member other than the two demo accounts becomes an Administrator.
  const promoted = staff.find((person) => person.role === "Member" && !/^(head|teacher)@/.test(person.email))!;
  const rows = [
    ["Name", "Email", "Role", "Start date"],
    ...staff.map((person) => [person.name, person.email, person === promoted ? "Administrator" : person.role, ""]),
    [joiners[0]!.name, joiners[0]!.email, joiners[0]!.role, "01/09/2026"],
    ["Broken Row", "not-an-email", "Member", ""],
    [joiners[1]!.name, joiners[1]!.email, joiners[1]!.role, ""],
    // Already a Schoot account (Northstar's analyst): invited, and joins on accepting.
    ["Anna Analyst", "analyst@northstar.example", "Member", ""],
  ];
  const brokenLine = rows.findIndex((row) => row[1] === "not-an-email") + 1; // the heading row is line 1

  await signIn(page, "head@riverside.example");
  await page.goto("/workplace/my-school");
  const section = page.getByRole("region", { name: "Import staff list" });
  await expect(section).toContainText("nothing changes until you confirm");
  const template = await page.request.get((await section.getByRole("link", { name: "Download a template (CSV)" }).getAttribute("href"))!);
  expect(template.headers()["content-type"]).toMatch(/^text\/csv/);
  expect((await template.text()).split("\r\n")[0]).toBe("name,email,role,start date");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The preview: every group the file touches, and the bad row by its line.
  await upload(page, "staff-list.csv", csv(rows));
  await expect(page).toHaveURL(UPLOAD_PATH);
  const previewUrl = page.url();
  await expect(page.getByTestId("import-counts")).toHaveText(`3 to add, 1 change, 0 no longer on the list, ${staff.length - 1} unchanged, 1 row with problems`);
  const added = page.getByRole("region", { name: "Will be added" });
  for (const joiner of joiners) await expect(added.getByRole("listitem").filter({ hasText: joiner.email })).toContainText(joiner.role);
  await expect(added.getByRole("listitem").filter({ hasText: joiners[1]!.email })).toContainText("joins as a Member: make them an Administrator in My colleagues once they have signed in");
  await expect(added.getByRole("listitem").filter({ hasText: joiners[0]!.email })).toContainText(/starts 1 Sept? 2026/);
  // Who already has a Schoot account is not told before confirming (so no upload can probe for accounts).
  await expect(added).toContainText("analyst@northstar.example");
  await expect(added).toContainText("Anyone who already has a Schoot account is sent an invitation instead");
  await expect(page.getByRole("region", { name: "Changes" }).getByRole("listitem").filter({ hasText: promoted.email })).toContainText("Member → Administrator");
  await expect(page.getByRole("heading", { name: "No longer on the list" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: /no longer on the list/ })).toHaveCount(0);
  const problem = page.getByTestId("problem-row").filter({ hasText: "not-an-email" });
  await expect(problem.getByRole("cell").first()).toHaveText(String(brokenLine));
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Not without the tick: the reason is said next to it, and nothing changed.
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.locator("#skipProblems-error")).toContainText("Fix these rows and upload the list again, or tick to skip them.");
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "Skip the 1 row with problems" }).check();
  const mailBefore = mailCount();
  await page.getByRole("button", { name: "Confirm import" }).click();

  await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expect(page).toHaveURL(previewUrl);
  const summary = page.getByTestId("import-summary");
  for (const [label, value] of [["Added", "2"], ["Invited", "1"], ["Roles changed", "1"], ["Removed", "0"], ["Rows skipped", "1"]]) {
    await expect(summary.locator("div").filter({ hasText: label }).locator("dd")).toHaveText(value!);
  }
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // My colleagues: both new people, and the promotion.
  await page.getByRole("link", { name: "Go to My School" }).click();
  await expect(page).toHaveURL(/\/workplace\/my-school$/);
  // Newcomers join as Members, whatever the list says (an address is not yet a person who has signed in).
  for (const joiner of joiners) await expect(page.getByTestId("colleague").filter({ hasText: joiner.email })).toContainText("Member");
  await expect(page.getByTestId("colleague").filter({ hasText: promoted.email })).toContainText("Administrator");

  // Each new person is emailed how to sign in: the link chooses a first password and signs them in.
  for (const joiner of joiners) {
    const mail = await receivedMail(joiner.email, /^You have been added to Riverside Primary Academy on Schoot$/, mailBefore);
    expect(onlyLink(mail)).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  }
  const person = await newPersonPage(browser);
  await person.goto(onlyLink(await receivedMail(joiners[0]!.email, /^You have been added/, mailBefore)));
  await expect(person.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await person.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
  await person.getByLabel("New password again").fill(DEMO_PASSWORD);
  await person.getByRole("button", { name: "Save and sign in" }).click();
  await expect(person).toHaveURL((url) => url.pathname.startsWith("/workplace"));
  await person.context().close();

  // The MAT lead sees them in Riverside's progress (joining enrolled them on the required training), and cannot
  // open the school's upload.
  const lead = await newPersonPage(browser);
  await signIn(lead, "lead@northstar.example");
  await lead.goto("/courses/my-courses");
  await chooseProgressFor(lead, RIVERSIDE);
  await expect(lead).toHaveURL(/\/courses\/progress\/[0-9a-f-]{36}/);
  const riversideUrl = new URL(lead.url()).pathname;
  for (const joiner of joiners) {
    await lead.goto(`${riversideUrl}?q=${encodeURIComponent(joiner.email)}`);
    await expect(lead.getByRole("main")).toContainText(joiner.name);
  }
  const refused = await lead.goto(previewUrl);
  expect(refused?.status()).toBe(404);
  await expect(lead.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await lead.context().close();

  // The same file again: nothing left to change.
  await page.goto("/workplace/my-school");
  await upload(page, "staff-list.csv", csv(rows.filter((row) => row[1] !== "not-an-email")));
  await expect(page).toHaveURL(UPLOAD_PATH);
  await expect(page.getByTestId("nothing-to-change")).toHaveText("Nothing to change: the staff list matches My colleagues.");
  await expect(page.getByRole("button", { name: "Confirm import" })).toHaveCount(0);
});

test("a file in the wrong encoding is refused next to the file field, and nothing is kept", async ({ page }) => {
  await signIn(page, "head@riverside.example");
  await page.goto("/workplace/my-school");
  const before = await keptUploads();
  await upload(page, "staff-list-latin1.csv", readFileSync(path.join("e2e", "files", "staff-list-latin1.csv")));
  await expect(page.getByTestId("staff-list-error")).toContainText("Line 2: the file is not saved as UTF-8 text");
  expect(await keptUploads()).toBe(before);
  await expect(page).toHaveURL(/\/workplace\/my-school$/);
  await expect(page.getByLabel("Staff list (CSV)")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
});

test("a Member sees no import section and cannot open an upload", async ({ page }) => {
  await signIn(page, "head@riverside.example");
  await page.goto("/workplace/my-school");
  await upload(page, "staff-list.csv", csv([["name", "email"], ["Tom Teacher", "teacher@riverside.example"]]));
  await expect(page).toHaveURL(UPLOAD_PATH);
  const previewUrl = page.url();
  await page.context().clearCookies();

  await signIn(page, "teacher@riverside.example");
  await page.goto("/workplace/my-school");
  await expect(page.getByRole("heading", { name: "My colleagues" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import staff list" })).toHaveCount(0);
  await expect(page.getByLabel("Staff list (CSV)")).toHaveCount(0);
  const refused = await page.goto(previewUrl);
  expect(refused?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("when the staff change after the preview, confirming says so above the preview worked out again, and confirming that one imports it", async ({ page }) => {
  const staff = await riversideStaff();
  const joiner = { name: "Ruth Okonkwo-Hale", email: `ruth.okonkwo-hale.${tag()}@riverside.example` };
  await signIn(page, "head@riverside.example");
  await page.goto("/workplace/my-school");
  await upload(page, "staff-list.csv", csv([["name", "email", "role"], ...staff.map((p) => [p.name, p.email, p.role]), [joiner.name, joiner.email, "Member"]]));
  await expect(page).toHaveURL(UPLOAD_PATH);
  await expect(page.getByTestId("import-counts")).toHaveText(`1 to add, 0 changes, 0 no longer on the list, ${staff.length} unchanged`);

  // Meanwhile someone else makes the teacher an Administrator: the list (which says Member) now changes a role.
  await query(`UPDATE "Membership" SET role = 'ADMINISTRATOR' WHERE "userId" = (SELECT id FROM "User" WHERE email = 'teacher@riverside.example')`);
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByTestId("form-message")).toContainText("The staff changed since this preview was made");
  await expect(page.getByTestId("import-counts")).toHaveText(`1 to add, 1 change, 0 no longer on the list, ${staff.length - 1} unchanged`);
  await expect(page.getByRole("region", { name: "Changes" })).toContainText("Administrator → Member");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByRole("heading", { name: "Import complete" })).toBeVisible();
  await expect(page.getByTestId("import-summary").locator("div").filter({ hasText: "Added" }).locator("dd")).toHaveText("1");
});
