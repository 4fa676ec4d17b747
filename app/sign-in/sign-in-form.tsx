"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/field";
import type { FormState } from "@/lib/form-state";
import { signInWithPassword } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInWithPassword, {});
  const messageRef = useRef<HTMLDivElement>(null);
  // After each failed attempt, focus goes to the reason (announced, and where a keyboard user carries on).
  useEffect(() => {
    if (state.message) messageRef.current?.focus();
    else if (state.errors) messageRef.current?.closest("form")?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div ref={messageRef} tabIndex={-1} role="alert" data-testid="form-message" className={state.message ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {state.message}
      </div>
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} errors={state.errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={state.errors?.password} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="inline-block py-1 font-medium text-brand-700 underline hover:text-brand-800">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
