import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer, safeCallbackUrl } from "@/lib/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getViewer()) redirect(target);
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Schoot</p>
      <h1 className="mt-1 text-2xl font-semibold">Sign in to Schoot trust progress</h1>
      <p className="mt-2 text-slate-700">Your courses, and your school&apos;s and trust&apos;s course progress.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
