import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { VisitorPage } from "@/components/visitor-page";
import { getViewer, safeCallbackUrl } from "@/lib/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getViewer()) redirect(target);
  return (
    <VisitorPage title="Sign in to Schoot trust progress">
      <p className="mt-2 text-slate-700">Your courses, and your school&apos;s and trust&apos;s course progress.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <SignInForm callbackUrl={target} />
      </div>
    </VisitorPage>
  );
}
