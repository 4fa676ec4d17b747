"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { credentialsInput, safeCallbackUrl, signIn, SignInThrottled } from "@/lib/auth";
import { typedValues, type FormState } from "@/lib/form-state";

const WRONG_CREDENTIALS = "The email or password is incorrect.";
const THROTTLED = "Too many failed sign-ins. Wait 15 minutes and try again, or reset your password with your school's Administrator.";

// The one server action a visitor may call; it proves who they are, so it has no role to check.
export async function signInWithPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData);
  const parsed = credentialsInput.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    if (error instanceof SignInThrottled || (error instanceof CredentialsSignin && error.code === "throttled")) {
      return { message: THROTTLED, values };
    }
    if (error instanceof CredentialsSignin) return { message: WRONG_CREDENTIALS, values };
    if (error instanceof AuthError) {
      console.error("Sign-in failed", error);
      return { message: "We could not sign you in just now. Please try again in a moment.", values };
    }
    throw error; // the redirect after a successful sign-in
  }
}
