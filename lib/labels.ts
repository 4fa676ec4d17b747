// The exact words staff see (../shared/product.md): keep them identical to the help article.
import type { Designation, OrganisationKind, Role } from "./generated/prisma/enums";

export const designationLabels: Record<Designation, string> = {
  ACADEMIES: "Academies",
  LOCAL_AUTHORITY_MAINTAINED: "Local authority maintained",
  INDEPENDENT: "Independent",
  FURTHER_EDUCATION: "Further education",
  OTHER: "Other",
};

export const roleLabels: Record<Role, string> = {
  MEMBER: "Member",
  ADMINISTRATOR: "Administrator",
};

/** "an Administrator", "a Member": a role as a sentence says it. */
export function roleWithArticle(role: Role): string {
  const label = roleLabels[role];
  return `${/^[AEIOU]/.test(label) ? "an" : "a"} ${label}`;
}

export const kindLabels: Record<OrganisationKind, string> = {
  SCHOOL: "School",
  TRUST: "Trust",
};
