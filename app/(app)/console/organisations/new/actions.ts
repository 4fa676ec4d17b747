"use server";

import { redirect } from "next/navigation";
import { authAction } from "@/lib/action";
import { createOrganisation, createOrganisationInput } from "@/lib/console-organisations";

// Only Schoot support: everyone else gets NotFoundError from createOrganisation (role read in its transaction).
export const createOrganisationAction = authAction(createOrganisationInput, async function createConsoleOrganisation(input, { viewer }) {
  const organisation = await createOrganisation(viewer.id, input);
  redirect(`/console/organisations/${organisation.id}?created=1`);
});
