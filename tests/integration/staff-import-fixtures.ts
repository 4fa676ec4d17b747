// Fixtures for the staff list import tests: a school of its own for each test (names unlike the demo's, since
// the database is shared across test files), a list written as a spreadsheet would save it, and a count of
// everything an import could write, to show that a refused or repeated import wrote nothing.
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeOrganisation, unique } from "./helpers";
import { addPerson } from "./colleague-fixtures";

export type ListRow = { name: string; email: string; role?: string; start?: string };

/** A staff list as CSV bytes, with the columns a school's MIS export has. */
export function staffList(rows: ListRow[], heading = "Full name,Email address,Role,Start date"): Uint8Array {
  const cell = (value = "") => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = rows.map((r) => [r.name, r.email, r.role ?? "", r.start ?? ""].map(cell).join(","));
  return new TextEncoder().encode(`${heading}\r\n${lines.join("\r\n")}\r\n`);
}

export const newAddress = (label = "joiner") => `${unique(label)}@import-test.example`;

/** A person as a list names them: as they are in the school, or with a change. */
export function rowOf(person: { name: string; email: string }, change: Partial<ListRow> = {}): ListRow {
  return { name: person.name, email: person.email, ...change };
}

/** A school whose importing Administrator is `admin`, with `members` Members; and a second school of its own. */
export async function makeImportSchool(members = 2) {
  const school = await makeOrganisation({ name: unique("Quillon Import School") });
  const admin = await addPerson(school.id, "ADMINISTRATOR");
  const staff = [];
  for (let i = 0; i < members; i++) staff.push(await addPerson(school.id, "MEMBER"));
  const otherSchool = await makeOrganisation({ name: unique("Tamsworth Import School") });
  const otherAdmin = await addPerson(otherSchool.id, "ADMINISTRATOR");
  return { school, admin, staff, otherSchool, otherAdmin };
}

export async function addMember(organisationId: string, role: Role = "MEMBER") {
  return addPerson(organisationId, role);
}

/** Everything an import writes, for one school and a set of addresses. */
export async function footprint(organisationId: string, emails: string[] = []) {
  const [memberships, roles, names, invitations, outbox, audit, users, resets, applied] = await Promise.all([
    db.membership.count({ where: { organisationId } }),
    db.membership.findMany({ where: { organisationId }, select: { id: true, role: true }, orderBy: { id: "asc" } }),
    db.user.findMany({ where: { memberships: { some: { organisationId } } }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
    db.invitation.count({ where: { organisationId } }),
    db.outboxMessage.count({ where: { organisationId } }),
    db.auditLog.count({ where: { organisationId } }),
    db.user.count({ where: { email: { in: emails } } }),
    db.passwordReset.count({ where: { user: { email: { in: emails } } } }),
    db.staffImport.count({ where: { organisationId, appliedAt: { not: null } } }),
  ]);
  return { memberships, roles, names, invitations, outbox, audit, users, resets, applied };
}

export async function membershipOf(email: string, organisationId: string) {
  return db.membership.findFirst({ where: { organisationId, user: { email } }, select: { id: true, role: true, createdAt: true } });
}

/** The audit rows of a school written by imports, oldest first. */
export async function importAudit(organisationId: string) {
  return db.auditLog.findMany({
    where: { organisationId, OR: [{ action: "staff_import.applied" }, { after: { path: ["via"], equals: "staff list" } }] },
    orderBy: { id: "asc" },
  });
}
