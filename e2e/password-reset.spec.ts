import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, newPersonPage, signIn, signOut, test } from "./fixtures";
import { mailCount, onlyLink, receivedMail } from "./mail";

test.beforeAll(resetDemoData);

// Demo staff no other journey signs in as, one per project, so the runs never share a password.
const PERSON: Record<string, string> = { desktop: "poppy.young@brookside.example", phone: "rhys.adams@brookside.example" };
const NEW_PASSWORD = "my-new-password-2026";

/** The answer's two paragraphs: the same for every address. */
const answerFor = (email: string) => [
  `If there is an account for ${email}, we have sent it a link to choose a new password. The link works once, for an hour.`,
  "Not arrived? Check your junk folder, or try again in a few minutes.",
];

async function expectPageFine(page: import("@playwright/test").Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
}

test("a person resets a forgotten password from the email, lands signed in, and the link then says it has been used", async ({ page, browser }, info) => {
  const email = PERSON[info.project.name]!;
  // Signed in on another device beforehand: the reset signs that one out.
  const elsewhere = await newPersonPage(browser);
  await signIn(elsewhere, email);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectPageFine(page);

  // A mistake is answered next to the field.
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("Enter an email address, like name@school.org.uk")).toBeVisible();

  const before = mailCount();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByTestId("reset-sent").locator("p")).toHaveText(answerFor(email));
  await expectPageFine(page);

  const mail = await receivedMail(email, /Reset your Schoot password/, before);
  const link = onlyLink(mail);
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText("signs you out on every other device")).toBeVisible();
  await expectPageFine(page);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill("something-else-entirely");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByText("Type the same new password again")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save and sign in" }).click();
  // Signed in: "/" sends the person on to their landing page.
  await expect(page).toHaveURL((url) => url.pathname.startsWith("/workplace"));
  await expectPageFine(page);

  // The other device was signed out.
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await elsewhere.context().close();

  await signOut(page);
  await signIn(page, email, NEW_PASSWORD);

  // The link works once.
  await page.goto(link);
  await expect(page.getByTestId("reset-status")).toHaveText("This link has already been used. Links to reset a password work once.");
  await expect(page.getByRole("link", { name: "Send a new link" })).toHaveAttribute("href", "/forgot-password");
  await expectPageFine(page);
});

test("asking for a link for an address with no account gets the same answer, and no email", async ({ page }) => {
  const email = "nobody.here@brookside.example";
  await page.goto("/forgot-password");
  const before = mailCount();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByTestId("reset-sent").locator("p")).toHaveText(answerFor(email));
  // A known address's email arrives in well under a second after the answer (sent after the response): 4 s of
  // nothing is nothing.
  await expect(receivedMail(email, /./, before, 4_000)).rejects.toThrow();
});
