import "server-only";
import { db } from "./db";

/** The organisation a member is looking at, with what My School shows. Membership is checked by the caller's viewer. */
export async function getOrganisationProfile(organisationId: string) {
  return db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, kind: true, urn: true, companiesHouseNumber: true, address: true, designation: true },
  });
}
