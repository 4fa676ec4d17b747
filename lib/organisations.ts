import "server-only";
import type { MemberScope } from "./access";
import { db } from "./db";

/** The member's organisation, with what My School shows. */
export async function getOrganisationProfile(member: MemberScope) {
  return db.organisation.findUnique({
    where: { id: member.organisationId },
    select: { id: true, name: true, kind: true, urn: true, companiesHouseNumber: true, address: true, designation: true },
  });
}
