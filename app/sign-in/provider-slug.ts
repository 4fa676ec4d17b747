import { SIGN_IN_PROVIDERS } from "@/lib/sso";
import type { SignInProvider } from "@/lib/generated/prisma/enums";

// A provider as the sign-in page's URL and forms spell it: its name lower-cased, as lib/auth.ts's signIn
// callback writes it into ?provider= on a refusal.
export type ProviderSlug = "microsoft" | "google";

export const slugOf = (provider: SignInProvider) => provider.toLowerCase() as ProviderSlug;

/** The provider a word from a URL or a form names, or null for any other text. */
export const providerOfSlug = (slug: unknown): SignInProvider | null => SIGN_IN_PROVIDERS.find((p) => slugOf(p) === slug) ?? null;
