import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { chooseProgressFor, expect, expectAccessible, expectMenuClosed, expectNoSidewaysScroll, openMenu, signIn, test } from "./fixtures";

// One journey in order: each step needs the ticket the one before it made.
test.describe.configure({ mode: "serial" });
test.beforeAll(resetDemoData);

const SUBJECT = "Change Oak Hill Trust's designation to Academies";
let ticketPath = "";
let organisationPath = "";

/** Follows a link in the header (through the phone menu when there is one); the menu then folds itself away. */
async function followHeaderLink(page: Page, name: string) {
  const before = new URL(page.url()).pathname;
  await openMenu(page);
  await page.locator("header").getByRole("link", { name, exact: true }).filter({ visible: true }).click();
  await page.waitForURL((url) => url.pathname !== before);
  await expectMenuClosed(page);
}

async function expectGoodPage(page: Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
}

test("lead@oakhill.example files a designation ticket from the Trust access checklist's link", async ({ page }) => {
  await signIn(page, "lead@oakhill.example");
  await page.goto("/workplace/trust-access");
  await page.getByRole("link", { name: "New Support Ticket: change designation" }).click();
  await expect(page.getByRole("heading", { name: "New Support Ticket" })).toBeVisible();
  await expect(page.getByLabel("Category")).toHaveValue("CHANGE_DESIGNATION");
  await expect(page.getByLabel("Subject")).toHaveValue(SUBJECT);
  await expect(page.getByLabel("Organisation").locator("option:checked")).toHaveText("Oak Hill Trust");
  await expectGoodPage(page);

  // Sent without a message: the error sits beside the field and nothing typed is lost.
  await page.getByRole("button", { name: "Send ticket" }).click();
  await expect(page.getByText("Enter your message")).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Category")).toHaveValue("CHANGE_DESIGNATION");
  await expect(page.getByLabel("Subject")).toHaveValue(SUBJECT);
  await expect(page.getByLabel("Organisation").locator("option:checked")).toHaveText("Oak Hill Trust");
  await expectGoodPage(page);

  await page.getByLabel("Message").fill("Oak Hill Trust runs Willow Academy. Please change our Type to Academies.");
  await page.getByRole("button", { name: "Send ticket" }).dblclick();
  await expect(page).toHaveURL(/\/support\/[0-9a-f-]{36}\?sent=1$/);
  ticketPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: SUBJECT })).toBeVisible();
  await expect(page.getByText(/Ticket #\d+ sent/)).toBeVisible();
  await expect(page.getByTestId("ticket-status")).toHaveText("Open");
  await expect(page.getByTestId("ticket-message")).toHaveText([/You.*Oak Hill Trust runs Willow Academy/]);
  await expectGoodPage(page);

  // The double click made one ticket, not two.
  await followHeaderLink(page, "My tickets");
  await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();
  const tickets = page.getByTestId("my-ticket");
  await expect(tickets).toHaveCount(1);
  await expect(tickets.first()).toContainText(SUBJECT);
  await expect(tickets.first()).toContainText("Change organisation designation");
  await expect(tickets.first().getByTestId("ticket-status")).toHaveText("Open");
  await expectGoodPage(page);
});

test("support@schoot.example finds it, changes Oak Hill Trust to Academies, replies and resolves", async ({ page }) => {
  // Support lands on the console, and files no tickets of its own.
  await signIn(page, "support@schoot.example");
  await expect(page).toHaveURL(/\/console\/tickets$/);
  await openMenu(page);
  await expect(page.locator("header").getByRole("link", { name: "New Support Ticket" })).toHaveCount(0);
  await expect(page.locator("header").getByRole("link", { name: "Support console" }).filter({ visible: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Ticket queue" })).toBeVisible();
  await expectGoodPage(page);

  await page.getByLabel("Category").selectOption({ label: "Change organisation designation" });
  await page.getByLabel("Organisation").selectOption({ label: "Oak Hill Trust" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/category=CHANGE_DESIGNATION/);
  const queued = page.getByTestId("queue-ticket");
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText("Oliver Oakes");
  await queued.getByRole("link", { name: SUBJECT }).click();

  await expect(page).toHaveURL(new RegExp(`/console/tickets/${ticketPath.split("/").pop()}$`));
  await expect(page.getByRole("heading", { name: SUBJECT })).toBeVisible();
  await expect(page.getByText("Oliver Oakes (lead@oakhill.example)")).toBeVisible();
  await expectGoodPage(page);

  await page.getByRole("link", { name: "Change the designation of Oak Hill Trust" }).click();
  await expect(page.getByRole("heading", { name: "Oak Hill Trust" })).toBeVisible();
  organisationPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("console-designation")).toHaveText("Local authority maintained");
  await expect(page.getByRole("link", { name: "Willow Academy" })).toBeVisible();
  await expect(page.getByText("lead@oakhill.example")).toBeVisible();
  await expect(page.getByLabel("Ticket", { exact: true }).locator("option:checked")).toContainText(SUBJECT);
  await expectGoodPage(page);

  // A change needs a reason; the choice made is kept while it is added.
  await page.getByLabel("New designation").selectOption({ label: "Academies" });
  await page.getByRole("button", { name: "Change designation" }).click();
  await expect(page.getByText("Enter the reason for the change")).toBeVisible();
  await expect(page.getByLabel("New designation")).toHaveValue("ACADEMIES");
  await expect(page.getByLabel("Ticket", { exact: true }).locator("option:checked")).toContainText(SUBJECT);
  await page.getByLabel("Reason", { exact: true }).fill("Oak Hill Trust is a Multi Academy Trust: Willow Academy has chosen it.");
  // Asked from a ticket, the change resolves it in the same step (ticked by default), and the confirmation is
  // brought into view where the button was tapped.
  await expect(page.getByLabel(/Resolve the chosen ticket/)).toBeChecked();
  await page.getByRole("button", { name: "Change designation" }).click();
  await expect(page.getByText("Oak Hill Trust is now designated Academies. The ticket is resolved.")).toBeInViewport();
  await expect(page.getByTestId("console-designation")).toHaveText("Academies");
  await expect(page.getByTestId("designation-change")).toHaveCount(1);
  await expect(page.getByTestId("designation-change")).toContainText("Local authority maintained → Academies by Sam Support");
  await expect(page.getByTestId("designation-change")).toContainText("Willow Academy has chosen it");
  await expectGoodPage(page);

  // Back to the ticket: the change is on it; support replies, then resolves it.
  await page.getByRole("link", { name: new RegExp(SUBJECT) }).first().click();
  await expect(page.getByRole("heading", { name: SUBJECT })).toBeVisible();
  await expect(page.getByTestId("ticket-message").last()).toContainText("changed the designation of Oak Hill Trust from Local authority maintained to Academies");
  await page.getByLabel("Your reply").fill("Done: Oak Hill Trust is now designated Academies, so you can see Willow Academy's course progress.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent. The ticket is now Waiting on customer.")).toBeVisible();
  await expect(page.getByTestId("ticket-message").last()).toContainText("Done: Oak Hill Trust is now designated Academies");
  await expect(page.getByTestId("ticket-status")).toHaveText("Waiting on customer");
  await expect(page.getByLabel("Your reply")).toHaveValue("");

  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Resolved" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByText("The ticket is now Resolved.")).toBeVisible();
  await expect(page.getByTestId("ticket-status")).toHaveText("Resolved");
  await expectGoodPage(page);
});

test("lead@oakhill.example sees the reply, My School shows Academies, and replying opens the ticket again", async ({ page }) => {
  await signIn(page, "lead@oakhill.example");
  await followHeaderLink(page, "My tickets");
  const ticket = page.getByTestId("my-ticket").filter({ hasText: SUBJECT });
  await expect(ticket.getByTestId("ticket-status")).toHaveText("Resolved");
  await ticket.getByRole("link", { name: SUBJECT }).click();

  const reply = page.getByTestId("ticket-message").filter({ hasText: "Done: Oak Hill Trust is now designated Academies" });
  await expect(reply).toContainText("Schoot support");
  await expect(reply).not.toContainText("Sam Support"); // support staff's own names stay private
  await expect(page.getByText("This ticket is resolved. Replying opens it again.")).toBeVisible();
  await expectGoodPage(page);

  await page.getByLabel("Your reply").fill("Thank you: Willow Academy shows up now.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByTestId("ticket-message").last()).toContainText("Thank you: Willow Academy shows up now.");
  await expect(page.getByTestId("ticket-status")).toHaveText("Open");
  await expectGoodPage(page);

  await followHeaderLink(page, "Workplace");
  await expect(page.getByRole("heading", { name: "Oak Hill Trust" })).toBeVisible();
  await expect(page.getByTestId("organisation-type")).toHaveText("Academies");

  // The article's payoff: with the designation changed, the selector now offers Willow Academy.
  await followHeaderLink(page, "Courses");
  const selector = page.getByLabel("View course progress for:");
  await expect(selector.locator("option", { hasText: "Willow Academy" })).toHaveCount(1);
  await chooseProgressFor(page, "Willow Academy"); // with JavaScript, the choice opens at once
  await expect(page.getByRole("heading", { name: "Willow Academy" })).toBeVisible();
  await expectGoodPage(page);
});

test("a Member trying the console, or someone else's ticket, gets not found", async ({ page }) => {
  await signIn(page, "analyst@northstar.example");
  await openMenu(page);
  await expect(page.locator("header").getByRole("link", { name: "Support console" })).toHaveCount(0);
  for (const path of ["/console", "/console/tickets", ticketPath.replace("/support/", "/console/tickets/"), organisationPath, ticketPath]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Support console")).toHaveCount(0);
    await expect(page.getByText(SUBJECT)).toHaveCount(0);
  }
  await expectGoodPage(page);
});
