import { PrismaPg } from "@prisma/adapter-pg";
import type { Page } from "@playwright/test";
import { PrismaClient } from "../lib/generated/prisma/client";
import { resetDemoData } from "./demo-data";
import { expect, expectAccessible, expectNoSidewaysScroll, expectTapTargets, newPersonPage, shoot, signIn, test } from "./fixtures";

// My School › Sign-in: an Administrator sets which providers staff may sign in with, whether they must, and the
// domains allowed. The seed allows both providers, requires neither and limits no domain; the run's local test
// provider stands in for both (scripts/e2e.ts), so both are set up.
test.beforeAll(resetDemoData);

const section = (page: Page) => page.getByRole("region", { name: "Sign-in", exact: true });
const microsoft = (page: Page) => section(page).getByRole("checkbox", { name: "Allow sign-in with Microsoft" });
const google = (page: Page) => section(page).getByRole("checkbox", { name: "Allow sign-in with Google" });
const required = (page: Page) => section(page).getByRole("checkbox", { name: "Staff must sign in with Microsoft or Google" });
const domains = (page: Page) => section(page).getByRole("textbox", { name: "Limit Microsoft and Google sign-in to these email domains" });
const save = (page: Page) => section(page).getByRole("button", { name: "Save sign-in settings" });
const outcome = (page: Page) => section(page).getByTestId("form-message");

/** Twelve Riverside staff whose addresses are at another domain: a rule limiting Riverside to its own locks them out. */
async function addOutsideStaff() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    const school = await db.organisation.findFirstOrThrow({ where: { name: "Riverside Primary Academy" }, select: { id: true } });
    for (let n = 1; n <= 12; n++) {
      const number = String(n).padStart(2, "0");
      await db.user.create({
        data: { email: `outside.staff.${number}@elsewhere.example`, name: `Outside Staff ${number}`, passwordHash: null, memberships: { create: { organisationId: school.id, role: "MEMBER" } } },
        select: { id: true },
      });
    }
  } finally {
    await db.$disconnect();
  }
}

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

  await addOutsideStaff();
  await signIn(page, "head@riverside.example");
  await page.goto("/workplace/my-school");
  await expect(section(page).getByRole("heading", { name: "Sign-in", exact: true })).toBeVisible();
  await expect(section(page).getByTestId("configured-providers")).toHaveText(
    "This service offers sign-in with Microsoft and Google. Staff can also sign in with their email and password, unless you require Microsoft or Google.",
  );
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

  // With passwords still allowed, nobody is locked out by the domain.
  await expect(section(page).getByTestId("locked-out")).toHaveCount(0);

  // Microsoft only, and required: saved, and the staff outside riverside.example are named, ten of them.
  await required(page).check();
  await save(page).click();
  await expect(outcome(page)).toHaveText("Sign-in settings saved.");
  const lockedOut = section(page).getByTestId("locked-out");
  await expect(lockedOut).toContainText("These members could not sign in with these settings:");
  await expect(lockedOut.getByRole("listitem")).toHaveCount(10);
  await expect(lockedOut.getByRole("listitem").first()).toHaveText("Outside Staff 01 (outside.staff.01@elsewhere.example)");
  await expect(lockedOut).toContainText("and 2 more.");
  await expect(lockedOut).not.toContainText("riverside.example");
  await expectPageChecks(page);
  await shoot(page, "sign-in-settings-locked-out");
  await page.reload();
  await expect(required(page)).toBeChecked();
  await expect(microsoft(page)).toBeChecked();
  await expect(google(page)).not.toBeChecked();
  await expect(lockedOut.getByRole("listitem")).toHaveCount(10);

  // Requiring a provider while allowing none would leave staff no way in: refused next to that box.
  await microsoft(page).uncheck();
  await save(page).click();
  await expect(section(page).locator("#required-error")).toHaveText("Allow Microsoft or Google as well: staff need a way to sign in.");
  await expect(required(page)).toHaveAttribute("aria-invalid", "true");
  await expect(required(page)).toBeChecked();
  await expect(microsoft(page)).not.toBeChecked();
  await expectPageChecks(page);

  // Nothing of the refused attempt was saved.
  await page.reload();
  await expect(microsoft(page)).toBeChecked();
  await expect(required(page)).toBeChecked();
  await expect(domains(page)).toHaveValue("riverside.example");
});
