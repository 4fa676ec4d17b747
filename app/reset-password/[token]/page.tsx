import type { Metadata } from "next";
import Link from "next/link";
import { VisitorPage } from "@/components/visitor-page";
import { findPasswordReset } from "@/lib/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

// The token is in the address: keep it out of the Referer header of any link followed to another site.
// "same-origin", not "no-referrer", so the form still posts this site's Origin (see app/invite/[token]/page.tsx).
export const metadata: Metadata = { title: "Choose a new password", referrer: "same-origin" };

const messages = {
  used: "This link has already been used. Links to reset a password work once.",
  expired: "This link has expired: a link to reset a password works for an hour (a welcome link for a week).",
  unknown: "This link is not valid. Check that you copied all of it.",
};

// Open to visitors (proxy.ts lets /reset-password through). Opening the link changes nothing: only the form does.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findPasswordReset(token);
  const valid = reset?.status === "valid" ? reset : null;
  const problem = reset && reset.status !== "valid" ? reset.status : "unknown";

  return (
    <VisitorPage title={valid ? (valid.firstPassword ? "Choose your password" : "Choose a new password") : "Reset your password"}>
      {valid ? (
        <p className="mt-2 break-words text-slate-700">
          {valid.firstPassword ? (
            <>Welcome. You will sign in as <strong>{valid.email}</strong>. Saving your password signs you in.</>
          ) : (
            <>For <strong>{valid.email}</strong>. Saving it signs you in here and signs you out on every other device.</>
          )}
        </p>
      ) : null}
      <div className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        {valid ? (
          <ResetPasswordForm token={token} email={valid.email} />
        ) : (
          <>
            <p className="text-slate-700" data-testid="reset-status">{messages[problem]}</p>
            <Link href="/forgot-password" className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
              Send a new link
            </Link>
          </>
        )}
      </div>
    </VisitorPage>
  );
}
