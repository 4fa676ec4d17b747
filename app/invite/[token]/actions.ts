"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authAction, visitorAction } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { revokeSession } from "@/lib/sessions";
import { acceptInvitation, acceptInvitationWithNewAccount, invitationToken, newAccountInput } from "@/lib/invitations";

const tokenInput = z.object({ token: invitationToken });

/** A signed-in person accepts an invitation sent to their own email. */
export const acceptInvitationAction = authAction(tokenInput, async function joinByInvitation({ token }, { viewer }) {
  await acceptInvitation(viewer.id, token);
  redirect("/workplace/my-school");
});

/**
 * A visitor with the link sets a name and password. The single-use token is the proof of the right to
 * act (lib/invitations.ts claims it in the same transaction that creates the account).
 */
export const createAccountAction = visitorAction(newAccountInput, async function joinWithNewAccount(input) {
  const { email } = await acceptInvitationWithNewAccount(input);
  try {
    await signIn("credentials", { email, password: input.password, redirectTo: "/workplace/my-school" });
  } catch (error) {
    // The account exists and has joined; only the automatic sign-in failed (for example, throttled).
    if (error instanceof AuthError) return { ok: true, message: "Your account is ready and you have joined. Sign in to carry on." };
    throw error;
  }
});

/** Signed in as someone else: sign out and come back to the same invitation. */
export const signOutForInvitationAction = authAction(tokenInput, async function signOutForInvitation({ token }, { viewer }) {
  await revokeSession(viewer.sessionId); // before the cookie goes: see app/(app)/actions.ts
  await signOut({ redirectTo: `/invite/${token}` });
});
