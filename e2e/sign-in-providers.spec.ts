import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { DEMO_PASSWORD, expect, expectAccessible, expectNoSidewaysScroll, expectTapTargets, newPersonPage, openMenu, test } from "./fixtures";

// "Sign in with Microsoft" and "Sign in with Google" in Chromium, through the project's local OpenID Connect
// provider (scripts/local-oidc.ts, started by scripts/e2e.ts), which answers as Entra ID and Google would.
// The journeys share Riverside's sign-in settings, so they run in order; each project starts from the seed.

test.beforeAll(resetDemoData);
test.describe.configure({ mode: "serial" });

const TEACHER = "teacher@riverside.example";
const HEAD = "head@riverside.example";

const REFUSED_UNVERIFIED_GOOGLE =
  "Google did not confirm that the address you used is yours, so it cannot sign you in here. Sign in with your email and password, or ask your IT team to verify the address with Google.";
const REFUSED_DOMAIN_MICROSOFT =
  "Your school allows sign-in with Microsoft only for addresses at its own email domains. Use your school account, or sign in with your email and password.";
const PASSWORD_REFUSED = "Riverside Primary Academy asks its staff to sign in with Microsoft or Google. Use the button above.";

async function expectPageChecks(page: Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await expectTapTargets(page);
}

/** The password form (its button is "Sign in" exactly: the provider buttons begin with the same words). */
async function submitPassword(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** A provider button, then the local provider's own page: who to be, and whether the provider vouches for it. */
async function throughProvider(page: Page, provider: "Microsoft" | "Google", email: string, options: { verified?: boolean; check?: boolean } = {}) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${provider}` }).click();
  await expect(page.getByText("Local test provider: not Microsoft or Google")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Sign in as ${provider} would` })).toBeVisible();
  if (options.check) await expectPageChecks(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Tom Teacher");
  const verified = page.getByLabel("This provider has verified the address");
  await expect(verified).toBeChecked(); // ticked unless the test says otherwise
  if (options.verified === false) await verified.uncheck();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function expectRefused(page: Page, provider: "microsoft" | "google", reason: string, message: string) {
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in" && url.searchParams.get("sso") === reason && url.searchParams.get("provider") === provider);
  await expect(page.getByTestId("provider-message")).toHaveText(message);
  // The person can carry on from here: both ways in are still offered.
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Microsoft" })).toBeVisible();
}

test("the sign-in page offers Microsoft and Google above the password form, separated by \"or\"", async ({ page }) => {
  await page.goto("/sign-in");
  const microsoft = page.getByRole("button", { name: "Sign in with Microsoft" });
  const google = page.getByRole("button", { name: "Sign in with Google" });
  const password = page.getByRole("button", { name: "Sign in", exact: true });
  await expect(microsoft).toBeVisible();
  await expect(google).toBeVisible();
  await expect(page.getByText("or", { exact: true })).toBeVisible();
  const [m, g, p] = await Promise.all([microsoft, google, password].map((b) => b.boundingBox()));
  expect(m!.y).toBeLessThan(g!.y);
  expect(g!.y).toBeLessThan(p!.y);
  expect(m!.height).toBeGreaterThanOrEqual(44);
  await expectPageChecks(page);

  // Only the app's own words are shown for a refusal: anything else in the URL is ignored.
  for (const query of ["sso=%3Cb%3Eyou+are+locked+out%3C%2Fb%3E&provider=google", "sso=domain&provider=constructor", "sso=domain"]) {
    await page.goto(`/sign-in?${query}`);
    await expect(page.getByRole("button", { name: "Sign in with Google" })).toBeVisible();
    await expect(page.getByTestId("provider-message")).toHaveCount(0);
  }
});

test("a teacher signs in through \"Sign in with Microsoft\" and reaches Workplace", async ({ page }) => {
  await throughProvider(page, "Microsoft", TEACHER, { check: true });
  await expect(page).toHaveURL(/\/workplace\/my-school$/);
  await expect(page.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  await openMenu(page);
  await expect(page.getByRole("banner").getByText("Tom Teacher").filter({ visible: true })).toBeVisible();
});

test("\"Sign in with Google\" with an address Google has not verified is refused, and says why", async ({ page }) => {
  await throughProvider(page, "Google", TEACHER, { verified: false });
  await expectRefused(page, "google", "unverified", REFUSED_UNVERIFIED_GOOGLE);
  await expectPageChecks(page);
  // Nobody was signed in: Workplace sends the visitor back.
  await page.goto("/workplace/my-school");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("without JavaScript, \"Sign in with Google\" goes to the provider and back in", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  try {
    await page.goto("/sign-in?callbackUrl=%2Fcourses%2Fmy-courses");
    await page.getByRole("button", { name: "Sign in with Google" }).click();
    await expect(page.getByText("Local test provider: not Microsoft or Google")).toBeVisible();
    await page.getByLabel("Email").fill(TEACHER);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/courses\/my-courses$/);
  } finally {
    await context.close();
  }
});

test("Riverside's domains and required provider: the teacher's Microsoft sign-in is refused outside the domains; once required, the password is refused and Microsoft gets in", async ({ page, browser }) => {
  // The head limits provider sign-in to a domain the teacher's address is not in.
  await submitPassword(page, HEAD);
  await expect(page).toHaveURL(/\/workplace\/my-school$/);
  const domains = page.getByLabel("Limit Microsoft and Google sign-in to these email domains");
  await expect(page.getByRole("checkbox", { name: "Allow sign-in with Microsoft" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Allow sign-in with Google" })).toBeChecked();
  await domains.fill("riverside.sch.uk");
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByText("Sign-in settings saved.")).toBeVisible();

  const teacher = await newPersonPage(browser);
  await throughProvider(teacher, "Microsoft", TEACHER);
  await expectRefused(teacher, "microsoft", "domain", REFUSED_DOMAIN_MICROSOFT);
  await expectPageChecks(teacher);

  // The head clears the domains and requires Microsoft or Google (the form shows the saved settings again).
  await expect(domains).toHaveValue("riverside.sch.uk");
  const required = page.getByRole("checkbox", { name: "Staff must sign in with Microsoft or Google" });
  await expect(async () => {
    await domains.fill("");
    await required.check();
    await expect(domains).toHaveValue("", { timeout: 1000 });
    await expect(required).toBeChecked({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole("button", { name: "Save sign-in settings" }).click();
  await expect(page.getByText("Sign-in settings saved.")).toBeVisible();

  // A correct password is now answered with the reason.
  await submitPassword(teacher, TEACHER);
  await expect(teacher.getByTestId("form-message")).toHaveText(PASSWORD_REFUSED);
  await expect(teacher).toHaveURL(/\/sign-in/);
  await expectAccessible(teacher);

  await throughProvider(teacher, "Microsoft", TEACHER);
  await expect(teacher).toHaveURL(/\/workplace\/my-school$/);
  await expect(teacher.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  await teacher.context().close();
});
