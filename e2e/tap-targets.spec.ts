import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, openMenu, signIn, smallTapTargets, test } from "./fixtures";

test.beforeAll(resetDemoData);

// WCAG 2.2 2.5.8 across the app: every page each kind of person reaches, measured at desktop and on a phone,
// with the phone menu open too. One failure lists every undersized control on every page.
test("every control on every page is at least 24×24 px", async ({ page }) => {
  test.setTimeout(180_000); // a couple of dozen pages
  const problems: string[] = [];
  const audit = async () => {
    await expect(page).toHaveTitle(/\S/);
    problems.push(...(await smallTapTargets(page)).map((p) => `${new URL(page.url()).pathname}: ${p}`));
  };
  const visit = async (path: string) => {
    await page.goto(path);
    await audit();
  };

  // The pages a visitor reaches from an email (an unknown link shows each page's own refusal).
  const unknownToken = "A".repeat(43);
  for (const path of ["/sign-in", "/forgot-password", `/reset-password/${unknownToken}`, `/confirm-email/${unknownToken}`, `/invite/${unknownToken}`, "/verify", "/verify/ABCD-EFGH-JKMN-PQRS"]) await visit(path);
  await signIn(page, "lead@northstar.example");
  await audit();
  await openMenu(page);
  await audit();
  for (const path of ["/workplace/my-trust", "/workplace/required-training", "/workplace/trust-access", "/workplace/who-can-see", "/courses/my-courses", "/courses/all", "/support", "/support/new", "/account"]) {
    await visit(path);
  }
  await page.goto("/courses/all");
  await page.getByTestId("course").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/courses\/(?!all$)[a-z0-9-]+$/);
  await audit();
  // A lesson, as a person reaches it: the course page's Enrol, Start, Continue or Review (a button or a link).
  await page.getByRole("main").locator("a, button").filter({ hasText: /^(Enrol|Start|Continue|Review)/ }).first().click();
  await expect(page).toHaveURL(/\/lessons\/\d+$/);
  await audit();
  await page.goto("/courses/my-courses");
  await chooseProgressFor(page, "All schools in Northstar Academy Trust");
  await expect(page).toHaveURL(/\/courses\/overview\//);
  await audit();
  await page.goto("/courses/my-courses");
  await chooseProgressFor(page, "Riverside Primary Academy");
  await expect(page).toHaveURL(/\/courses\/progress\//);
  await audit();

  await page.context().clearCookies();
  await signIn(page, "head@riverside.example");
  await audit();
  await page.getByTestId("colleague").filter({ hasText: "teacher@riverside.example" }).locator("summary").first().click();
  await audit();
  await visit("/workplace/required-training"); // the school's side: the trust's requirement, its own, the form
  // A staff list's preview: one person kept, the rest no longer on the list, a bad row; the ticks and Confirm import.
  await page.goto("/workplace/my-school");
  await page.getByLabel("Staff list (CSV)").setInputFiles({ name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from("name,email\r\nTom Teacher,teacher@riverside.example\r\nNew Person,new.person.tap@riverside.example\r\nBroken,not-an-email\r\n") });
  await audit();
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/workplace\/my-school\/import\/[0-9a-f-]{36}$/);
  await audit();

  await page.context().clearCookies();
  await signIn(page, "teacher@riverside.example");
  await visit("/courses/my-courses"); // required training first

  // A school's page with a pending invitation: its email status, "Send again" and "Withdraw".
  await page.context().clearCookies();
  await signIn(page, "head@riverside.example");
  await page.goto("/workplace/my-school");
  await page.getByLabel("Email address").fill("tap.targets@riverside.example");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("button", { name: "Send again" }).first()).toBeVisible();
  await audit();

  await page.context().clearCookies();
  await signIn(page, "support@schoot.example");
  for (const path of ["/console/tickets", "/console/organisations", "/console/people?email=teacher%40riverside.example"]) await visit(path);
  await page.getByRole("link", { name: "Riverside Primary Academy" }).first().click();
  await expect(page).toHaveURL(/\/console\/organisations\/[0-9a-f-]{36}$/);
  await audit();

  expect(problems).toEqual([]);
});
