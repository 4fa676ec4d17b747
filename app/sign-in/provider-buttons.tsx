"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { signInWithProvider } from "./actions";
import type { ProviderSlug } from "./provider-slug";

type ProviderChoice = { id: ProviderSlug; label: "Microsoft" | "Google" };

/** "Sign in with Microsoft" / "Sign in with Google": a form each, so they work before (or without) JavaScript. */
export function ProviderButtons({ providers, callbackUrl }: { providers: ProviderChoice[]; callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInWithProvider, {});
  return (
    <div className="space-y-3">
      <div role="alert" data-testid="provider-form-message" className={state.message ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {state.message}
      </div>
      {providers.map((provider) => (
        <form key={provider.id} action={action}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            disabled={pending}
            className="flex min-h-11 w-full items-center justify-center gap-3 rounded-md border border-slate-300 bg-white px-4 py-2.5 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-70"
          >
            {provider.id === "microsoft" ? <MicrosoftMark /> : <GoogleMark />}
            Sign in with {provider.label}
          </button>
        </form>
      ))}
    </div>
  );
}

function MicrosoftMark() {
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">
      <rect x="0" y="0" width="9.5" height="9.5" fill="#f25022" />
      <rect x="10.5" y="0" width="9.5" height="9.5" fill="#7fba00" />
      <rect x="0" y="10.5" width="9.5" height="9.5" fill="#00a4ef" />
      <rect x="10.5" y="10.5" width="9.5" height="9.5" fill="#ffb900" />
    </svg>
  );
}

// Google's four colours as a ring: a mark, not the trademarked "G".
function GoogleMark() {
  const segment = (color: string, offset: number) => (
    <circle cx="10" cy="10" r="7" fill="none" stroke={color} strokeWidth="4" pathLength="100" strokeDasharray="25 75" strokeDashoffset={offset} />
  );
  return (
    <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">
      {segment("#4285f4", 0)}
      {segment("#34a853", 25)}
      {segment("#fbbc05", 50)}
      {segment("#ea4335", 75)}
    </svg>
  );
}
