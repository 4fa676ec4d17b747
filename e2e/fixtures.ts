import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "schoot-demo-2026";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // "/" sends each person on to their landing page (Workplace, or support's console): wait until they are there.
  await expect(page).toHaveURL((url) => !url.pathname.startsWith("/sign-in") && url.pathname !== "/");
}

/** Opens the phone menu when the viewport hides the top menu. */
export async function openMenu(page: Page) {
  const menu = page.locator("summary", { hasText: "Menu" });
  if (await menu.isVisible()) {
    const details = page.locator("details:has(> summary)").first();
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await menu.click();
  }
}

/** After a navigation from the phone menu, the app folds the menu away itself so it never covers the page. */
export async function expectMenuClosed(page: Page) {
  const details = page.locator("header details");
  if (await details.count()) await expect(details).not.toHaveAttribute("open");
}

export async function signOut(page: Page) {
  await openMenu(page);
  await page.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** No WCAG 2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next streams a dynamic page's metadata: the <title> can land a moment after the content.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * WCAG 2.2 2.5.8 (target size, minimum): every visible control is at least 24×24 CSS pixels, measured from
 * its bounding box. The one exception taken is the criterion's own "inline" one: a link inside a sentence.
 * Answers the undersized controls, described, so one run lists them all.
 */
export async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "a[href], button, summary, select, input:not([type=hidden]), textarea, [role=button], [tabindex]:not([tabindex='-1'])";
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Not shown, or visually hidden until focused (the skip link).
      if (box.width <= 1 || box.height <= 1 || style.visibility === "hidden") continue;
      if (box.width >= 24 && box.height >= 24) continue;
      if (el.tagName === "A" && style.display === "inline") {
        const block = el.parentElement?.closest("p, li, td, dd, dt, label, div, span");
        if ((block?.textContent?.trim().length ?? 0) > (el.textContent?.trim().length ?? 0)) continue;
      }
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50);
      found.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return found;
  });
}

export async function expectTapTargets(page: Page) {
  expect(await smallTapTargets(page), `controls under 24×24 px on ${page.url()}`).toEqual([]);
}

/** Nothing on the page is wider than the viewport (no sideways scrolling on a phone). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * A second person in the same test: a fresh browser context (no cookies) with the project's viewport,
 * so a phone journey stays a phone journey (and a no-JavaScript one stays without JavaScript). browser.newContext() alone would not apply the project's options.
 */
export async function newPersonPage(browser: Browser): Promise<Page> {
  const { viewport, isMobile, hasTouch, deviceScaleFactor, userAgent, baseURL, javaScriptEnabled } = base.info().project.use;
  const context = await browser.newContext({ viewport, isMobile, hasTouch, deviceScaleFactor, userAgent, baseURL, javaScriptEnabled });
  return context.newPage();
}

export const test = base;
export { expect };

/**
 * A full-page screenshot into $SHOTS_DIR (named after the project and `name`) when that is set, for
 * looking at the pages by eye; nothing otherwise.
 */
export async function shoot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${base.info().project.name}-${name}.png`, fullPage: true });
}

/**
 * `View course progress for:` opens a choice at once once the page has hydrated (before that, the Show button
 * does). Waits for React to own the select, chooses, and waits for the page the choice opens.
 */
export async function chooseProgressFor(page: Page, label: string) {
  const select = page.getByLabel("View course progress for:");
  await select.evaluate((el) => new Promise<void>((resolve) => {
    const hydrated = () => Object.keys(el).some((key) => key.startsWith("__reactProps"));
    const check = () => (hydrated() ? resolve() : setTimeout(check, 20));
    check();
  }));
  const before = page.url();
  await select.selectOption({ label });
  // Polled rather than page.waitForURL, which rejects on any aborted navigation on the way.
  await expect.poll(() => page.url()).not.toBe(before);
  await page.waitForLoadState();
}

/**
 * Follows a link of the top menu (`Workplace`, `Courses`), opening the phone menu first. Retried: a phone
 * menu opened before the page hydrates is folded again when React takes over (MenuDisclosure's effect).
 */
export async function followMenuLink(page: Page, name: string) {
  const link = page.getByRole("navigation", { name: "Main" }).filter({ visible: true }).getByRole("link", { name, exact: true });
  await expect(async () => {
    await openMenu(page);
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await link.click();
}
