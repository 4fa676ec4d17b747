"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { changeKind, changeKindInput } from "@/lib/console-organisations";
import { changeDesignation, changeDesignationInput } from "@/lib/designations";
import { designationLabels } from "@/lib/labels";

// Only Schoot support: everyone else gets NotFoundError from changeDesignation (role read in its transaction).
export const changeDesignationAction = authAction(changeDesignationInput, async function changeOrganisationDesignation(input, { viewer }) {
  const organisation = await changeDesignation(viewer.id, input);
  revalidatePath(`/console/organisations/${input.organisationId}`);
  if (input.ticketId) revalidatePath(`/console/tickets/${input.ticketId}`);
  return {
    ok: true,
    message: `${organisation.name} is now designated ${designationLabels[organisation.designation]}.${organisation.ticketResolved ? " The ticket is resolved." : ""}`,
  };
});

export const changeKindAction = authAction(changeKindInput, async function changeOrganisationKind(input, { viewer }) {
  const organisation = await changeKind(viewer.id, input);
  revalidatePath(`/console/organisations/${input.organisationId}`);
  return { ok: true, message: `${organisation.name} is now a ${input.kind === "TRUST" ? "trust" : "school"}.` };
});
