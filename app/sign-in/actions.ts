"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { visitorAction } from "@/lib/action";
import { credentialsInput, ProviderSignInRequired, safeCallbackUrl, signIn, SignInThrottled } from "@/lib/auth";
import { typedValues } from "@/lib/form-state";
import { logError } from "@/lib/log";
import { waitInWords } from "@/lib/format";
import { AUTH_PROVIDER_ID, configuredProviders, PROVIDER_LABEL } from "@/lib/sso";
import { providerOfSlug } from "./provider-slug";

const WRONG_CREDENTIALS = "The email or password is incorrect.";
const throttled = (retryAfterMs: number | undefined) =>
  `Too many failed sign-ins. Wait ${retryAfterMs ? waitInWords(retryAfterMs) : "a few minutes"} and try again.`;

// Only if the error lost its class on the way (as the throttled one is guarded against): lib/sign-in.ts words it better.
const PROVIDER_REQUIRED = "Your organisation asks you to sign in with Microsoft or Google.";

const signInInput = credentialsInput.extend({ callbackUrl: z.string().max(2048).optional() });

// A visitor's action: the password is the proof of who they are, so there is no role to check.
export const signInWithPassword = visitorAction(signInInput, async function signInWithPassword(input, { formData }) {
  const values = typedValues(formData);
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeCallbackUrl(input.callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof ProviderSignInRequired) return { message: error.explanation, values };
    if (error instanceof CredentialsSignin && error.code === "provider-required") return { message: PROVIDER_REQUIRED, values };
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

const providerInput = z.object({
  provider: z.string().transform((slug, ctx) => providerOfSlug(slug) ?? (ctx.addIssue({ code: "custom", message: "Choose Microsoft or Google." }), z.NEVER)),
  callbackUrl: z.string().max(2048).optional(),
});

/*
 * "Sign in with Microsoft" / "Sign in with Google": Auth.js sets its PKCE, state and nonce cookies and sends
 * the browser to the provider (a redirect, which the boundary lets through). Nothing is proved here: the person
 * is let in, or not, when the provider sends them back (lib/auth.ts signIn callback).
 */
export const signInWithProvider = visitorAction(providerInput, async function signInWithProvider(input) {
  const { provider } = input;
  if (!configuredProviders().includes(provider)) return { message: `Sign-in with ${PROVIDER_LABEL[provider]} is not available here. Sign in with your email and password.` };
  try {
    await signIn(AUTH_PROVIDER_ID[provider], { redirectTo: safeCallbackUrl(input.callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      // The provider could not be reached, or its metadata could not be read.
      logError("sign-in.provider-failed", error, { provider });
      return { message: `We could not reach ${PROVIDER_LABEL[provider]} just now. Try again in a moment, or sign in with your email and password.` };
    }
    throw error; // the redirect to the provider
  }
});
