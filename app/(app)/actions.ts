"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authAction } from "@/lib/action";
import { signOut } from "@/lib/auth";
import { switchOrganisation, switchOrganisationInput } from "@/lib/colleagues";

export const signOutAction = authAction(z.object({}), async function signOutViewer() {
  await signOut({ redirectTo: "/sign-in" });
});

/** The header's organisation switcher: only an organisation the person belongs to (checked in the database). */
export const switchOrganisationAction = authAction(switchOrganisationInput, async function switchCurrentOrganisation(input, { viewer }) {
  await switchOrganisation(viewer.id, input);
  revalidatePath("/", "layout");
});
