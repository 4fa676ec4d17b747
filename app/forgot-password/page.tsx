import type { Metadata } from "next";
import { VisitorPage } from "@/components/visitor-page";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

// Open to visitors (proxy.ts), and to signed-in people too: asking for a link changes nothing until it is used.
export default function ForgotPasswordPage() {
  return (
    <VisitorPage title="Forgot your password?" back={{ href: "/sign-in", label: "Back to sign in" }}>
      <p className="mt-2 text-slate-700">Enter the email address you sign in with. We will send it a link to choose a new password.</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <ForgotPasswordForm />
      </div>
    </VisitorPage>
  );
}
