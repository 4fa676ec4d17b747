"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { visitorAction } from "@/lib/action";
import { credentialsInput, safeCallbackUrl, signIn, SignInThrottled } from "@/lib/auth";
import { typedValues } from "@/lib/form-state";
import { logError } from "@/lib/log";
import { waitInWords } from "@/lib/format";

const WRONG_CREDENTIALS = "The email or password is incorrect.";
const throttled = (retryAfterMs: number | undefined) =>
  `Too many failed sign-ins. Wait ${retryAfterMs ? waitInWords(retryAfterMs) : "a few minutes"} and try again.`;

const signInInput = credentialsInput.extend({ callbackUrl: z.string().max(2048).optional() });

// The one server action a visitor may call to prove who they are, so it has no role to check.
export const signInWithPassword = visitorAction(signInInput, async function signInWithPassword(input, { formData }) {
  const values = typedValues(formData);
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeCallbackUrl(input.callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof SignInThrottled) return { message: throttled(error.retryAfterMs), values };
    if (error instanceof CredentialsSignin && error.code === "throttled") return { message: throttled(undefined), values };
    if (error instanceof CredentialsSignin) return { message: WRONG_CREDENTIALS, values };
    if (error instanceof AuthError) {
      logError("sign-in.failed", error);
      return { message: "We could not sign you in just now. Please try again in a moment.", values };
    }
    throw error; // the redirect after a successful sign-in
  }
});
