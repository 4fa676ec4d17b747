import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, newPersonPage, openMenu, signIn, test } from "./fixtures";

test.beforeAll(resetDemoData);

async function createInvitation(page: import("@playwright/test").Page, email: string): Promise<string> {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  await expect(page.getByTestId("invite-message")).toContainText(`Invitation created for ${email}`);
  const link = await page.getByLabel(`Invitation link for ${email}`).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link;
}

test("an invitation is created, opened in a fresh browser, accepted with a new account, and the colleague appears in the list", async ({ page, browser }) => {
  await signIn(page, "head@riverside.example");
  const link = await createInvitation(page, "nina.new@riverside.example");
  await expect(page.getByTestId("pending-invitations")).toContainText("nina.new@riverside.example");
  await expect(page.getByLabel("Email address")).toHaveValue("");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  const guest = await newPersonPage(browser);
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Riverside Primary Academy" })).toBeVisible();
  await expect(guest.getByText("Set your name and a password for nina.new@riverside.example")).toBeVisible();
  await expectAccessible(guest);
  await expectNoSidewaysScroll(guest);
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByText("Enter your name")).toBeVisible();
  await expect(guest.getByText("Use at least 10 characters")).toBeVisible();
  await expectAccessible(guest);
  await guest.getByLabel("Your name").fill("Nina New");
  await guest.getByLabel("Password").fill("a-good-long-password");
  await guest.getByRole("button", { name: "Create account and join" }).click();

  await expect(guest).toHaveURL(/\/workplace\/my-school$/);
  await expect(guest.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  await expect(guest.getByTestId("your-role")).toHaveText("Member");
  await expect(guest.getByTestId("colleague").filter({ hasText: "Nina New" }).getByText("You", { exact: true })).toBeVisible();
  await guest.context().close();

  // The link works once.
  const again = await newPersonPage(browser);
  await again.goto(link);
  await expect(again.getByTestId("invitation-status")).toHaveText("This invitation has already been used.");
  await again.context().close();

  await page.reload();
  await expect(page.getByTestId("colleague").filter({ hasText: "Nina New" }).getByTestId("role")).toHaveText("Member");
  await expect(page.getByTestId("pending-invitations")).toHaveCount(0);
  await expect(page.getByTestId("recent-changes")).toContainText("Nina New accepted an invitation and joined as a Member");
});

test("a withdrawn invitation's link stops working", async ({ page, browser }) => {
  await signIn(page, "head@riverside.example");
  const link = await createInvitation(page, "not.coming@riverside.example");
  await page.getByRole("button", { name: "Withdraw the invitation for not.coming@riverside.example" }).click();
  await expect(page.getByTestId("pending-invitations")).toHaveCount(0);
  await expect(page.getByTestId("recent-changes")).toContainText("Rachel Head withdrew the invitation for not.coming@riverside.example");

  const guest = await newPersonPage(browser);
  await guest.goto(link);
  await expect(guest.getByTestId("invitation-status")).toHaveText("This invitation has been withdrawn. Ask your school's Administrator for a new one.");
  await expectAccessible(guest);
  await guest.context().close();
});

test("someone with an account signs in from the link, joins, and switches organisation from the header", async ({ page, browser }) => {
  await signIn(page, "head@riverside.example");
  const link = await createInvitation(page, "analyst@northstar.example");

  const analyst = await newPersonPage(browser);
  await analyst.goto(link);
  // The page is the same as for an address with no account: it must not tell the inviter which.
  await expect(analyst.getByRole("heading", { name: "Already use Schoot?" })).toBeVisible();
  await expect(analyst.getByRole("heading", { name: "New to Schoot?" })).toBeVisible();
  await expect(analyst.getByText(/already a Schoot account/i)).toHaveCount(0);
  await expectAccessible(analyst);
  await analyst.getByRole("link", { name: "Sign in to accept" }).click();
  await analyst.getByLabel("Email").fill("analyst@northstar.example");
  await analyst.getByLabel("Password").fill("schoot-demo-2026");
  await analyst.getByRole("button", { name: "Sign in" }).click();
  await expect(analyst).toHaveURL(/\/invite\//);
  await analyst.getByRole("button", { name: "Join Riverside Primary Academy" }).click();

  await expect(analyst).toHaveURL(/\/workplace\/my-school$/);
  await expect(analyst.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  await expect(analyst.getByTestId("your-role")).toHaveText("Member");

  // Two memberships now: the header offers the other one, and the choice is remembered.
  await openMenu(analyst);
  const organisation = analyst.getByLabel("Organisation").filter({ visible: true });
  await expect(organisation.locator("option:checked")).toHaveText("Riverside Primary Academy");
  await expectAccessible(analyst);
  await expectNoSidewaysScroll(analyst);
  await organisation.selectOption({ label: "Northstar Academy Trust" });
  await analyst.getByRole("button", { name: "Switch" }).filter({ visible: true }).click();
  await expect(analyst.getByRole("heading", { name: "Northstar Academy Trust" })).toBeVisible();
  await expect(analyst.getByTestId("colleague").filter({ hasText: "analyst@northstar.example" })).toBeVisible();
  await analyst.reload();
  await expect(analyst.getByRole("heading", { name: "Northstar Academy Trust" })).toBeVisible();
  await analyst.context().close();
});
