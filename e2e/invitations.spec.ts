import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, newPersonPage, openMenu, signIn, test } from "./fixtures";
import { mailCount, onlyLink, receivedMail } from "./mail";

test.beforeAll(resetDemoData);

/** An address no other run or project has used: the mailbox outlives the demo data. */
function freshAddress(name: string): string {
  return `${name}.${test.info().project.name}.${Date.now().toString(36)}@riverside.example`;
}

async function invite(page: Page, email: string): Promise<string> {
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("invite-message")).toContainText(`Invitation created for ${email} and emailed to them`);
  const link = await page.getByLabel(`Invitation link for ${email}`).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return link;
}

const pathOf = (link: string) => new URL(link).pathname;

test("the head invites a new colleague, who opens the emailed link, confirms the address from a second email, sets a password and lands in Riverside", async ({ page, browser }) => {
  const email = freshAddress("nina.new");
  await signIn(page, "head@riverside.example");
  const before = mailCount();
  const shown = await invite(page, email);
  await expect(page.getByTestId("pending-invitations")).toContainText(email);
  await expect(page.getByLabel("Email address")).toHaveValue("");
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  // The invitation email: one link, the same invitation the head was shown.
  const invitation = await receivedMail(email, /^Join Riverside Primary Academy on Schoot$/, before);
  const link = onlyLink(invitation);
  expect(pathOf(link)).toBe(pathOf(shown));

  const guest = await newPersonPage(browser);
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Riverside Primary Academy" })).toBeVisible();
  await expect(guest.getByRole("heading", { name: "Already use Schoot?" })).toBeVisible();
  await expect(guest.getByRole("heading", { name: "New to Schoot?" })).toBeVisible();
  await expect(guest.getByLabel(/password/i)).toHaveCount(0); // no password from the link alone
  await expectAccessible(guest);
  await expectNoSidewaysScroll(guest);
  const asked = mailCount();
  await guest.getByRole("button", { name: "Send me a link to confirm my address" }).click();
  await expect(guest.getByTestId("form-message")).toHaveText(`We have sent a link to ${email}. Open it to choose your password.`);
  await expectAccessible(guest);

  // The second email: the link that proves the address.
  const confirmation = onlyLink(await receivedMail(email, /^Confirm your email address to join Riverside Primary Academy$/, asked));
  expect(pathOf(confirmation)).toMatch(/^\/confirm-email\/[A-Za-z0-9_-]{43}$/);
  await guest.goto(confirmation);
  await expect(guest.getByRole("heading", { name: "Join Riverside Primary Academy" })).toBeVisible();
  await expect(guest.getByText(`This link was sent to ${email}`)).toBeVisible();
  await expectAccessible(guest);
  await expectNoSidewaysScroll(guest);
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByText("Enter your name")).toBeVisible();
  await expect(guest.getByText("Use at least 10 characters")).toBeVisible();
  await expectAccessible(guest);
  await guest.getByLabel("Your name").fill("Nina New");
  await guest.getByLabel("Choose a password").fill("a-good-long-password");
  await guest.getByRole("button", { name: "Create account and join" }).click();

  await expect(guest).toHaveURL(/\/workplace\/my-school$/);
  await expect(guest.getByRole("heading", { name: "Riverside Primary Academy" })).toBeVisible();
  await expect(guest.getByTestId("your-role")).toHaveText("Member");
  await expect(guest.getByTestId("colleague").filter({ hasText: "Nina New" }).getByText("You", { exact: true })).toBeVisible();
  await expectAccessible(guest);
  await expectNoSidewaysScroll(guest);
  await guest.context().close();

  // Both links work once.
  const again = await newPersonPage(browser);
  await again.goto(confirmation);
  await expect(again.getByTestId("confirmation-status")).toContainText("This link has already been used.");
  await expectAccessible(again);
  await again.goto(link);
  await expect(again.getByTestId("invitation-status")).toHaveText("This invitation has already been used.");
  await again.context().close();

  await page.reload();
  await expect(page.getByTestId("colleague").filter({ hasText: "Nina New" }).getByTestId("role")).toHaveText("Member");
  await expect(page.getByTestId("pending-invitation").filter({ hasText: email })).toHaveCount(0);
  await expect(page.getByTestId("recent-changes")).toContainText("Nina New accepted an invitation and joined as a Member");
});

test("the head sees that a pending invitation's email was sent, and sends it again with a new link", async ({ page, browser }) => {
  const email = freshAddress("sam.later");
  await signIn(page, "head@riverside.example");
  const before = mailCount();
  const firstShown = await invite(page, email);
  const first = onlyLink(await receivedMail(email, /^Join Riverside Primary Academy on Schoot$/, before));
  expect(pathOf(first)).toBe(pathOf(firstShown));

  const row = page.getByTestId("pending-invitation").filter({ hasText: email });
  // The email arrives a moment before the outbox row is marked sent: look again until it says so.
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId("invitation-email-status")).toContainText("Email sent", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  const resent = mailCount();
  await row.getByRole("button", { name: `Send again the invitation for ${email}` }).click();
  await expect(row.getByTestId("resend-message")).toContainText(`Sent again to ${email}, with a new link`);
  await expect(row.getByTestId("resend-message")).toContainText("The earlier link no longer works.");
  const newShown = await row.getByLabel(`Invitation link for ${email}`).inputValue();
  expect(pathOf(newShown)).not.toBe(pathOf(first));
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  const second = onlyLink(await receivedMail(email, /^Join Riverside Primary Academy on Schoot$/, resent));
  expect(pathOf(second)).toBe(pathOf(newShown));

  const guest = await newPersonPage(browser);
  await guest.goto(first);
  await expect(guest.getByText("This invitation link is not valid.")).toBeVisible();
  await guest.goto(second);
  await expect(guest.getByRole("button", { name: "Send me a link to confirm my address" })).toBeVisible();
  await expectAccessible(guest);
  await guest.context().close();
});

test("a withdrawn invitation's link stops working", async ({ page, browser }) => {
  const email = freshAddress("not.coming");
  await signIn(page, "head@riverside.example");
  const link = await invite(page, email);
  await page.getByRole("button", { name: `Withdraw the invitation for ${email}` }).click();
  await expect(page.getByTestId("pending-invitation").filter({ hasText: email })).toHaveCount(0);
  await expect(page.getByTestId("recent-changes")).toContainText(`Rachel Head withdrew the invitation for ${email}`);

  const guest = await newPersonPage(browser);
  await guest.goto(link);
  await expect(guest.getByTestId("invitation-status")).toHaveText("This invitation has been withdrawn. Ask your school's Administrator for a new one.");
  await expectAccessible(guest);
  await guest.context().close();
});

test("someone with an account is told so by email, not on the page, signs in from that email, joins, and switches organisation from the header", async ({ page, browser }) => {
  await signIn(page, "head@riverside.example");
  const link = await invite(page, "analyst@northstar.example");

  const analyst = await newPersonPage(browser);
  await analyst.goto(link);
  // The page, and its answer, are the same as for an address with no account: it must not tell the inviter which.
  await expect(analyst.getByRole("heading", { name: "Already use Schoot?" })).toBeVisible();
  await expect(analyst.getByRole("heading", { name: "New to Schoot?" })).toBeVisible();
  await expect(analyst.getByText(/already a Schoot account/i)).toHaveCount(0);
  await expectAccessible(analyst);
  const asked = mailCount();
  await analyst.getByRole("button", { name: "Send me a link to confirm my address" }).click();
  await expect(analyst.getByTestId("form-message")).toHaveText("We have sent a link to analyst@northstar.example. Open it to choose your password.");

  const told = onlyLink(await receivedMail("analyst@northstar.example", /^You already have a Schoot account$/, asked));
  expect(pathOf(told)).toBe("/sign-in");
  await analyst.goto(told);
  await analyst.getByLabel("Email").fill("analyst@northstar.example");
  await analyst.getByLabel("Password").fill("schoot-demo-2026");
  await analyst.getByRole("button", { name: "Sign in", exact: true }).click();
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
