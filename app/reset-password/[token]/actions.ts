"use server";

import { AuthError } from "next-auth";
import { visitorAction } from "@/lib/action";
import { clientIp, signIn } from "@/lib/auth";
import { resetPassword, resetPasswordFormInput, ResetLinkUnusable } from "@/lib/password-reset";

/**
 * A visitor (or anyone signed in) with the link chooses a new password. The single-use token is the proof of
 * the right to act: lib/password-reset.ts claims it in the transaction that sets the password.
 */
export const resetPasswordAction = visitorAction(resetPasswordFormInput, async function chooseNewPassword(input) {
  let email: string;
  try {
    ({ email } = await resetPassword(input, await clientIp()));
  } catch (error) {
    // The page then offers a new link instead of the form (used in another tab, or the hour ran out).
    if (error instanceof ResetLinkUnusable) return { message: error.message, result: { link: error.status } };
    throw error;
  }
  try {
    await signIn("credentials", { email, password: input.password, redirectTo: "/" });
  } catch (error) {
    // The password is changed; only the automatic sign-in failed.
    if (error instanceof AuthError) return { ok: true, message: "Your password has been changed. Sign in with your new password." };
    throw error; // the redirect after signing in
  }
});
