"use server";

import { AuthError } from "next-auth";
import { visitorAction } from "@/lib/action";
import { signIn } from "@/lib/auth";
import { completeSignUp, completeSignUpInput } from "@/lib/sign-up";

/**
 * The person who opened the link emailed to the invited address chooses a name and password. The
 * single-use token from that email is the proof of the address (lib/invitations.ts claims it in the same
 * transaction that makes the account); then they are signed in and land in their school.
 */
export const completeSignUpAction = visitorAction(completeSignUpInput, async function joinWithConfirmedAddress(input) {
  const { email } = await completeSignUp(input);
  try {
    await signIn("credentials", { email, password: input.password, redirectTo: "/workplace/my-school" });
  } catch (error) {
    // The account exists and has joined; only the automatic sign-in failed (for example, throttled).
    if (error instanceof AuthError) return { ok: true, message: "Your account is ready and you have joined. Sign in to carry on." };
    throw error;
  }
});
