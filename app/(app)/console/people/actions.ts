"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { signOutEverywhereBySupport, signOutEverywhereInput } from "@/lib/console-people";

// Only Schoot support: everyone else gets NotFoundError (the role is read inside the transaction).
export const signOutEverywhereAction = authAction(signOutEverywhereInput, async function signOutPersonEverywhere(input, { viewer }) {
  const { ended, name } = await signOutEverywhereBySupport(viewer.id, input);
  revalidatePath("/console/people");
  return {
    ok: true,
    message: ended
      ? `${name} has been signed out everywhere (${ended} ${ended === 1 ? "session" : "sessions"} ended).`
      : `${name} had no open sessions. Any cookie copied earlier no longer works.`,
  };
});
