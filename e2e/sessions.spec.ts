import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, newPersonPage, signIn, signOut, test } from "./fixtures";

test.beforeAll(resetDemoData);

test("signing out ends the session: a copy of the cookie taken before no longer opens pages", async ({ page, browser }) => {
  await signIn(page, "teacher@riverside.example");
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);

  // The copy works while the session is open…
  const thief = await newPersonPage(browser);
  await thief.context().addCookies(copied);
  await thief.goto("/courses/my-courses");
  await expect(thief.getByRole("heading", { name: "My Courses" })).toBeVisible();

  // …and not after the owner signs out.
  await signOut(page);
  await thief.goto("/courses/my-courses");
  await expect(thief).toHaveURL(/\/sign-in/);
  await thief.context().close();
});

test("support signs a person out everywhere: every browser of theirs is signed out at once", async ({ page, browser }) => {
  const teacher = await newPersonPage(browser);
  await signIn(teacher, "teacher@riverside.example");
  const laptop = await newPersonPage(browser);
  await signIn(laptop, "teacher@riverside.example");

  await signIn(page, "support@schoot.example");
  await page.goto("/console/people");
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await page.getByLabel("Email address").fill("teacher@riverside.example");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("heading", { name: "Tom Teacher" })).toBeVisible();
  await expect(page.getByTestId("open-sessions").getByRole("listitem")).toHaveCount(2);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: "signed out everywhere" })).toBeVisible();
  await expect(page.getByTestId("open-sessions")).toHaveText("Not signed in anywhere.");

  for (const person of [teacher, laptop]) {
    await person.goto("/courses/my-courses");
    await expect(person).toHaveURL(/\/sign-in/);
    await person.context().close();
  }
  // Support's own session is untouched.
  await page.goto("/console/tickets");
  await expect(page.getByRole("heading", { name: "Support console" })).toBeVisible();
});

test("a signed-in person is never sent to another site from the sign-in page", async ({ page }) => {
  await signIn(page, "head@riverside.example");
  const origin = new URL(page.url()).origin;
  // The security review's finding: these answered 307 Location: //evil.example for a signed-in person.
  for (const target of ["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/a/..//evil.example", "//evil.example", "/\\evil.example"]) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(response.status(), target).toBeGreaterThanOrEqual(300);
    expect(response.status(), target).toBeLessThan(400);
    const location = new URL(response.headers()["location"]!, `${origin}/sign-in`);
    expect(location.origin, `${target} → ${response.headers()["location"]}`).toBe(origin);
  }
});

test("a person changes their password from Your account: every other device is signed out, this one stays", async ({ page, browser }) => {
  const phone = await newPersonPage(browser);
  await signIn(phone, "head@meadowlane.example");
  await signIn(page, "head@meadowlane.example");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("other-sessions").getByRole("listitem")).toHaveCount(1);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // Mistakes are answered next to their fields, and nothing changes.
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("New password again").fill("different");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByText("Type the same new password again")).toBeVisible();
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-new-long-password");
  await page.getByLabel("New password again").fill("a-new-long-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Current password").fill("schoot-demo-2026");
  await page.getByLabel("New password", { exact: true }).fill("a-new-long-password");
  await page.getByLabel("New password again").fill("a-new-long-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed. You have been signed out on 1 other device.")).toBeVisible();
  await expect(page.getByTestId("other-sessions")).toHaveText("Only here.");

  await phone.goto("/workplace/my-school");
  await expect(phone).toHaveURL(/\/sign-in/);
  await signIn(phone, "head@meadowlane.example", "a-new-long-password");
  await phone.context().close();
  await page.goto("/workplace/my-school");
  await expect(page.getByRole("heading", { name: "Meadow Lane Academy" })).toBeVisible();
});
