import type { Metadata } from "next";
import { VisitorPage } from "@/components/visitor-page";
import { findVerification, unknownVerificationMessage } from "@/lib/sign-up";
import { SignUpForm } from "./sign-up-form";

// The token is in the address: keep it out of the Referer header of any link followed to another site
// ("same-origin", not "no-referrer", so the form's POST still carries this site's Origin: see app/invite).
export const metadata: Metadata = { title: "Confirm your address", referrer: "same-origin" };

// Open to visitors (proxy.ts lets /confirm-email through). Opening the page changes nothing, since mail
// scanners open links: only submitting the form uses the token.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const verification = await findVerification(token);

  let body: React.ReactNode;
  if (!verification) {
    body = <p className="text-slate-700" data-testid="confirmation-status">{unknownVerificationMessage}</p>;
  } else if (verification.refusal) {
    body = <p className="text-slate-700" data-testid="confirmation-status">{verification.refusal}</p>;
  } else {
    body = (
      <>
        <p className="text-slate-700">
          This link was sent to <strong className="break-all">{verification.email}</strong>. Choose your name and a password to make your account and join.
        </p>
        <SignUpForm token={token} email={verification.email} />
      </>
    );
  }

  return (
    <VisitorPage title={verification ? `Join ${verification.organisationName}` : "Confirm your address"}>
      <div className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">{body}</div>
    </VisitorPage>
  );
}
