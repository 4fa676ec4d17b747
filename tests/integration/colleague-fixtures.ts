// Fixtures shared by the colleagues and invitations tests: the session is replaced by a variable
// (the real one needs a request), so a test can call the real server actions as any person.
import type { FormState } from "@/lib/form-state";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeOrganisation, makeUser } from "./helpers";

export const session: { userId: string | null } = { userId: null };

/** The viewer authAction reads: whoever `session.userId` names, straight from the database, or a visitor. */
export async function viewerFromSession() {
  if (!session.userId) return null;
  return db.user.findUnique({ where: { id: session.userId }, select: { id: true, name: true, email: true } });
}

export function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** Calls a server action as `userId` (null: a visitor), the way a form would. */
export async function callAs(
  userId: string | null,
  action: (previous: FormState, data: FormData) => Promise<FormState>,
  fields: Record<string, string>,
): Promise<FormState> {
  session.userId = userId;
  try {
    return await action({}, formData(fields));
  } finally {
    session.userId = null;
  }
}

export async function addPerson(organisationId: string, role: Role = "MEMBER") {
  const user = await makeUser(organisationId, role);
  const membership = await db.membership.findUniqueOrThrow({ where: { userId_organisationId: { userId: user.id, organisationId } } });
  return { ...user, membershipId: membership.id };
}

/** An organisation with two Administrators and two Members, and a second organisation with its own Administrator. */
export async function makeSchoolWithStaff() {
  const school = await makeOrganisation();
  const [admin, secondAdmin, member, secondMember] = [
    await addPerson(school.id, "ADMINISTRATOR"),
    await addPerson(school.id, "ADMINISTRATOR"),
    await addPerson(school.id, "MEMBER"),
    await addPerson(school.id, "MEMBER"),
  ];
  const otherSchool = await makeOrganisation();
  const otherAdmin = await addPerson(otherSchool.id, "ADMINISTRATOR");
  return { school, admin, secondAdmin, member, secondMember, otherSchool, otherAdmin };
}

export async function roleOf(membershipId: string) {
  return (await db.membership.findUnique({ where: { id: membershipId }, select: { role: true } }))?.role ?? null;
}

export async function auditCount(organisationId: string) {
  return db.auditLog.count({ where: { organisationId } });
}
