import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { VisitorPage } from "@/components/visitor-page";
import { normaliseCode, printedCode } from "@/lib/certificates/code";
import { readSearchParam } from "@/lib/search-params";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Check a certificate", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Open to visitors (proxy.ts): whoever is handed a certificate checks it here, signed in or not.
export default async function VerifyPage({ searchParams }: Props) {
  const code = readSearchParam(await searchParams, "code", 64); // a code is 16 characters, 19 with its hyphens
  const typed = code?.trim();
  if (typed) {
    const code = normaliseCode(typed);
    redirect(`/verify/${code ? printedCode(code) : encodeURIComponent(typed)}`);
  }
  return (
    <VisitorPage title="Check a certificate" back={{ href: "/sign-in", label: "Sign in to Schoot" }}>
      <p className="mt-2 text-slate-700">Enter the verification code printed on a Schoot certificate to see whether it is genuine and in date.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <VerifyForm />
      </div>
    </VisitorPage>
  );
}
