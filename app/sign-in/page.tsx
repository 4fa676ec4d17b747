import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { VisitorPage } from "@/components/visitor-page";
import { getViewer, safeCallbackUrl } from "@/lib/auth";
import { configuredProviders, PROVIDER_LABEL, providerRefusalMessage, type ProviderRefusal } from "@/lib/sso";
import { ProviderButtons } from "./provider-buttons";
import { providerOfSlug, slugOf } from "./provider-slug";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Search = { callbackUrl?: string; sso?: string; provider?: string; error?: string };

const REFUSALS: readonly ProviderRefusal[] = ["unverified", "no-email", "no-account", "not-allowed", "domain"];

/**
 * Why the last provider sign-in did not get in, from the URL Auth.js sent the browser back to. Only known words
 * are read (anything else is ignored) and the sentence is the app's own: nothing typed into the URL is shown.
 */
function providerNotice({ sso, provider, error }: Search): string | null {
  const which = providerOfSlug(provider);
  if (which && REFUSALS.includes(sso as ProviderRefusal)) return providerRefusalMessage(which, sso as ProviderRefusal);
  // Auth.js's own failures on the way back (an expired or replayed callback, a provider's error answer).
  // (A password's failures are answered on the form itself, never through this parameter.)
  if (typeof error === "string" && error !== "CredentialsSignin" && /^[A-Za-z]{1,40}$/.test(error)) {
    return "Signing in with Microsoft or Google did not work. Try again, or sign in with your email and password.";
  }
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const target = safeCallbackUrl(search.callbackUrl);
  if (await getViewer()) redirect(target);
  const providers = configuredProviders().map((p) => ({ id: slugOf(p), label: PROVIDER_LABEL[p] }));
  const notice = providerNotice(search);
  return (
    <VisitorPage title="Sign in to Schoot trust progress">
      <p className="mt-2 text-slate-700">Your courses, and your school&apos;s and trust&apos;s course progress.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        {notice ? (
          <div role="alert" data-testid="provider-message" className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {notice}
          </div>
        ) : null}
        {providers.length ? (
          <>
            <ProviderButtons providers={providers} callbackUrl={target} />
            <div className="my-5 flex items-center gap-3 text-sm text-slate-600">
              <span className="h-px flex-1 bg-slate-300" />
              or
              <span className="h-px flex-1 bg-slate-300" />
            </div>
          </>
        ) : null}
        <SignInForm callbackUrl={target} />
      </div>
    </VisitorPage>
  );
}
