// What each role of a membership may do, once. Pages ask `can(role, …)` to decide what to offer; actions go
// through lib/access.ts's requireMember (one guard, from the database, inside the action's transaction);
// SQL that needs "people who may …" binds `rolesWith(…)`. A new permission or role is one line here.
// Pure, so client components may read it too.
import type { Role } from "./generated/prisma/enums";

export const rolePermissions = {
  MEMBER: ["colleagues.view"],
  ADMINISTRATOR: [
    "colleagues.view",
    /** Invite people, change roles, remove colleagues, read the organisation's recent changes. */
    "colleagues.manage",
    /** A school: choose or remove its Multi Academy Trust. */
    "trust.choose",
    /** A trust: see which schools chose it (My Trust). */
    "trust.view-schools",
    /** The course progress of the organisation's staff, and, for a trust designated Academies, of every school that chose it. */
    "progress.view",
    /** Make courses required of the staff (a school's own; a trust designated Academies, of every school that chose it). */
    "requirements.manage",
    /** Which of Microsoft and Google its staff may sign in with, whether they must, and for which email domains. */
    "signin.manage",
  ],
} as const satisfies Record<Role, readonly string[]>;

/** The role a person joins an organisation with (an invitation, and the reading of an audit row without one). */
export const newcomerRole: Role = "MEMBER";

/**
 * The role "Make Administrator" / "Make Member" gives a colleague: whoever manages becomes a newcomer again,
 * anyone else is given the role that manages.
 */
export function toggledRole(role: Role): Role {
  return can(role, "colleagues.manage") ? newcomerRole : (Object.keys(rolePermissions) as Role[]).find((r) => can(r, "colleagues.manage"))!;
}

export type Permission = (typeof rolePermissions)[Role][number];

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (rolePermissions[role] as readonly Permission[]).includes(permission);
}

/** The roles that hold a permission, for SQL (`m.role = ANY(…)`). */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((role) => can(role, permission));
}

/** Said to someone whose role does not allow what they tried, naming who can help. */
export function refusalFor(permission: Permission, organisationName: string): string {
  switch (permission) {
    case "colleagues.manage":
      return `Only an Administrator of ${organisationName} can change roles, remove colleagues or invite people. Ask one of its Administrators.`;
    case "trust.choose":
      return `Only an Administrator of ${organisationName} can choose or remove its Multi Academy Trust. Ask one of its Administrators.`;
    case "requirements.manage":
      return `Only an Administrator of ${organisationName} can change its required training. Ask one of its Administrators.`;
    default:
      return `Only an Administrator of ${organisationName} can do this. Ask one of its Administrators.`;
  }
}
