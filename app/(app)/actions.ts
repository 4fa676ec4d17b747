"use server";

import { z } from "zod";
import { authAction } from "@/lib/action";
import { signOut } from "@/lib/auth";

export const signOutAction = authAction(z.object({}), async function signOutViewer() {
  await signOut({ redirectTo: "/sign-in" });
});
