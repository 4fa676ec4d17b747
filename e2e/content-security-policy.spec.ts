import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, signIn, test } from "./fixtures";

test.beforeAll(resetDemoData);

// The policy proxy.ts sets: scripts only by this response's nonce. A script Next forgot to give the nonce would
// be blocked, the page would not hydrate, and the browser would report a violation: both are checked per page.

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

function directives(header: string | undefined): Map<string, string[]> {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  return new Map(header!.split(";").map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]));
}

/** Records, for each page, what the browser refused and what it logged as an error. */
function watch(page: Page) {
  const problems: string[] = [];
  // Runs before any of the page's own scripts, outside its CSP (Playwright injects it), on every navigation.
  void page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    // The one expected error: the 404 page's own status, which Chromium reports as a failed resource.
    if (message.type() === "error" && !/status of 404/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));

  return async (path: string | null) => {
    if (path) await page.goto(path);
    await expect(page).toHaveTitle(/\S/);
    await page.waitForLoadState("load");
    const violations = await page.evaluate(() => window.cspViolations ?? []);
    const where = new URL(page.url()).pathname;
    expect([...problems.splice(0), ...violations].map((p) => `${where}: ${p}`)).toEqual([]);
    // Hydrated: React has taken over <body>, which it can only do if Next's scripts ran.
    await expect.poll(() => page.locator("body").evaluate((body) => Object.keys(body).some((key) => key.startsWith("__reactFiber"))), `${where} hydrated`).toBe(true);
  };
}

test("every page a visitor sees runs its scripts under the policy, with no violation", async ({ page }) => {
  const visit = watch(page);
  await visit("/sign-in");
  await visit("/invite/not-a-real-invitation-token");
  await visit("/workplace/my-school"); // redirected to /sign-in
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("every page a MAT lead opens runs its scripts under the policy, with no violation", async ({ page }) => {
  test.setTimeout(120_000);
  const visit = watch(page);
  await signIn(page, "lead@northstar.example");
  await visit(null);
  for (const path of ["/workplace/my-trust", "/workplace/trust-access", "/workplace/who-can-see", "/courses/my-courses", "/courses/all", "/support", "/support/new", "/no-such-page"]) {
    await visit(path);
  }
  await visit("/courses/all");
  await page.getByTestId("course").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/courses\/(?!all$)[a-z0-9-]+$/);
  await visit(null);
  await visit("/courses/my-courses");
  await chooseProgressFor(page, "Riverside Primary Academy");
  await expect(page).toHaveURL(/\/courses\/progress\//);
  await visit(null); // progress bars: width set by style attributes
  await visit("/courses/my-courses");
  await chooseProgressFor(page, "All schools in Northstar Academy Trust");
  await expect(page).toHaveURL(/\/courses\/overview\//);
  await visit(null); // the matrix's shading: style attributes
});

test("Schoot support's console runs its scripts under the policy, with no violation", async ({ page }) => {
  const visit = watch(page);
  await signIn(page, "support@schoot.example");
  await visit(null);
  await visit("/console/organisations");
  await visit("/console/organisations/new");
});

test("an export refused as not found shows its page without a violation", async ({ page }) => {
  // Route handlers answer a plain HTML 404 with its own <style>: allowed by style-src, with no script to run.
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 404/.test(message.text())) problems.push(message.text());
  });
  await signIn(page, "lead@northstar.example");
  const response = await page.goto("/courses/progress/not-a-school/export");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(await page.locator("h1").evaluate((h1) => getComputedStyle(h1).fontWeight)).toBe("600"); // its style applied
  expect(problems).toEqual([]);
});

test("each response carries a fresh nonce, on every script of the page, and script-src allows nothing inline", async ({ request }) => {
  const nonces: string[] = [];
  for (const path of ["/sign-in", "/sign-in", "/invite/not-a-real-invitation-token"]) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const policy = directives(response.headers()["content-security-policy"]);
    const scriptSrc = policy.get("script-src") ?? [];
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
    expect(nonce, "a nonce in script-src").toMatch(/^[A-Za-z0-9+/]{22}==$/);
    nonces.push(nonce!);

    for (const [name, value] of [
      ["default-src", "'self'"],
      ["img-src", "'self' data:"],
      ["font-src", "'self'"],
      ["connect-src", "'self'"],
      ["object-src", "'none'"],
      ["base-uri", "'self'"],
      // The sign-in page may also send a form on to the providers' sign-in (without JavaScript, its buttons do).
      ["form-action", path === "/sign-in" ? `'self' ${new URL(process.env.AUTH_MICROSOFT_ENTRA_ID_ISSUER!).origin}` : "'self'"],
      ["frame-ancestors", "'none'"],
    ] as const) {
      expect(policy.get(name)?.join(" "), name).toBe(value);
    }
    // Served over http here: upgrading would point every asset at an https that is not there.
    expect(policy.has("upgrade-insecure-requests")).toBe(false);

    // Every script in the document carries this response's nonce (Next reads it from the request's policy).
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("behind an https front end the policy also upgrades insecure requests", async ({ request }) => {
  // The host terminating TLS says so in x-forwarded-proto (Vercel does); only then is the upgrade safe.
  const response = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(directives(response.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
});
