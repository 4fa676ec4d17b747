import type { Page } from "@playwright/test";
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, expectTapTargets, newPersonPage, shoot, signIn, test } from "./fixtures";

// My School › Sign-in: an Administrator sets which providers staff may sign in with, whether they must, and the
// domains allowed. The seed allows both providers, requires neither and limits no domain.
test.beforeAll(resetDemoData);

const section = (page: Page) => page.getByRole("region", { name: "Sign-in", exact: true });
const microsoft = (page: Page) => section(page).getByRole("checkbox", { name: "Allow sign-in with Microsoft" });
const google = (page: Page) => section(page).getByRole("checkbox", { name: "Allow sign-in with Google" });
const required = (page: Page) => section(page).getByRole("checkbox", { name: "Staff must sign in with Microsoft or Google" });
const domains = (page: Page) => section(page).getByRole("textbox", { name: "Limit Microsoft and Google sign-in to these email domains" });
const save = (page: Page) => section(page).getByRole("button", { name: "Save sign-in settings" });
const outcome = (page: Page) => section(page).getByTestId("form-message");

async function expectPageChecks(page: Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await expectTapTargets(page);
}

test("an Administrator sets the school's sign-in rules, is told of a domain that is not one, and a Member does not see them", async ({ page, browser }) => {
  // A Member first (a rule saved below could stop their password working): My School without the section.
  const teacher = await newPersonPage(browser);
  await signIn(teacher, "teacher@riverside.example");
  await teacher.goto("/workplace/my-school");
  await expect(teacher.getByRole("heading", { name: "My colleagues" })).toBeVisible();
  await expect(section(teacher)).toHaveCount(0);
  await expect(teacher.getByRole("button", { name: "Save sign-in settings" })).toHaveCount(0);
  await teacher.context().close();

  await signIn(page, "head@riverside.example");
  await page.goto("/workplace/my-school");
  await expect(section(page).getByRole("heading", { name: "Sign-in", exact: true })).toBeVisible();
  await expect(section(page).getByTestId("configured-providers")).toHaveText(/Microsoft|Google/);
  await expect(microsoft(page)).toBeChecked();
  await expect(google(page)).toBeChecked();
  await expect(required(page)).not.toBeChecked();
  await expect(domains(page)).toHaveValue("");
  await expect(section(page).getByText("Only addresses at these domains may sign in with Microsoft or Google. Leave empty for any address.")).toBeVisible();
  await expect(section(page).getByText("Staff cannot use a password: they sign in with Microsoft or Google only.")).toBeVisible();
  await expectPageChecks(page);

  // Something that is not a domain: refused next to the field, and what was entered stays.
  await google(page).uncheck();
  await domains(page).fill("not a domain");
  await save(page).click();
  await expect(section(page).locator("#domains-error")).toContainText("is not an email domain");
  await expect(domains(page)).toHaveAttribute("aria-invalid", "true");
  await expect(outcome(page)).toHaveText("Check the highlighted fields.");
  await expect(domains(page)).toHaveValue("not a domain");
  await expect(google(page)).not.toBeChecked();
  await expect(microsoft(page)).toBeChecked();
  await expectPageChecks(page);
  await shoot(page, "sign-in-settings-domain-error");

  await domains(page).fill("riverside.example");
  await save(page).click();
  await expect(outcome(page)).toHaveText("Sign-in settings saved.");
  await expect(domains(page)).not.toHaveAttribute("aria-invalid");
  await expectPageChecks(page);

  await page.reload();
  await expect(microsoft(page)).toBeChecked();
  await expect(google(page)).not.toBeChecked();
  await expect(required(page)).not.toBeChecked();
  await expect(domains(page)).toHaveValue("riverside.example");

  // Requiring a provider while allowing none would leave staff no way in: refused next to that box.
  await microsoft(page).uncheck();
  await required(page).check();
  await save(page).click();
  await expect(section(page).locator("#required-error")).toHaveText("Allow Microsoft or Google as well: staff need a way to sign in.");
  await expect(required(page)).toHaveAttribute("aria-invalid", "true");
  await expect(required(page)).toBeChecked();
  await expect(microsoft(page)).not.toBeChecked();
  await expectPageChecks(page);

  // Nothing of the refused attempt was saved.
  await page.reload();
  await expect(microsoft(page)).toBeChecked();
  await expect(required(page)).not.toBeChecked();
  await expect(domains(page)).toHaveValue("riverside.example");
});
