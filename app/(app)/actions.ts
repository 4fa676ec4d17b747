"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authAction, visitorAction } from "@/lib/action";
import { getViewer, signOut } from "@/lib/auth";
import { revokeSession } from "@/lib/sessions";
import { switchOrganisation, switchOrganisationInput } from "@/lib/colleagues";

/**
 * Signing out ends the session's row first, here, so that a database failure is answered "nothing was
 * changed" instead of clearing the cookie while its copies still work (Auth.js swallows errors from its
 * signOut event). A visitor action: a cookie whose session has already ended is cleared all the same.
 */
export const signOutAction = visitorAction(z.object({}), async function signOutViewer() {
  const viewer = await getViewer();
  if (viewer) await revokeSession(viewer.sessionId);
  await signOut({ redirectTo: "/sign-in" });
});

/** The header's organisation switcher: only an organisation the person belongs to (checked in the database). */
export const switchOrganisationAction = authAction(switchOrganisationInput, async function switchCurrentOrganisation(input, { viewer }) {
  await switchOrganisation(viewer.id, input);
  revalidatePath("/", "layout");
});
