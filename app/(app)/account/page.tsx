import type { Metadata } from "next";
import { listOtherSessions, signInMethodsOf } from "@/lib/account";
import { PROVIDER_LABEL } from "@/lib/sso";
import { getEmailSettings } from "@/lib/email-settings";
import { requireViewer } from "@/lib/auth";
import { formatDateTime } from "@/lib/format";
import { ActionButton } from "@/components/action-button";
import { signOutOtherSessionsAction } from "./actions";
import { ChangePasswordForm, EmailSettingsForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function AccountPage() {
  const viewer = await requireViewer();
  const [others, email, methods] = await Promise.all([listOtherSessions(viewer.id, viewer.sessionId), getEmailSettings(viewer.id), signInMethodsOf(viewer.id)]);
  return (
    <div className="max-w-xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="mt-1 break-words text-slate-700">{viewer.name} · {viewer.email}</p>
      </div>
      <section aria-labelledby="password-heading" className={card}>
        <h2 id="password-heading" className="mb-1 text-lg font-semibold">{methods.hasPassword ? "Change password" : "Password"}</h2>
        {methods.hasPassword ? (
          <>
            <p className="mb-3 text-sm text-slate-700">You stay signed in here; every other device is signed out.</p>
            <ChangePasswordForm email={viewer.email} />
          </>
        ) : (
          <p className="text-sm text-slate-700">
            You have no password: you sign in with {methods.providers.length ? methods.providers.map((p) => PROVIDER_LABEL[p.provider]).join(" or ") : "a link we email you"}. To have a
            password as well, sign out and choose &ldquo;Forgot your password?&rdquo; on the sign-in page: we email you a link.
          </p>
        )}
        {methods.providers.length ? (
          <ul className="mt-3 space-y-1 text-sm text-slate-700" data-testid="linked-providers">
            {methods.providers.map((p) => (
              <li key={p.provider} className="break-words">
                Linked to {PROVIDER_LABEL[p.provider]} as {p.email} on {formatDateTime(p.createdAt)}
                {p.lastSignInAt ? `; last used ${formatDateTime(p.lastSignInAt)}` : ""}.
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="email-heading" className={card}>
        <h2 id="email-heading" className="mb-1 text-lg font-semibold">Email</h2>
        <p className="mb-3 text-sm text-slate-700">Invitations, address confirmations and password resets are always sent.</p>
        <EmailSettingsForm reminders={email?.reminders ?? true} digest={email?.digest ?? true} />
      </section>
      <section aria-labelledby="sessions-heading" className={card}>
        <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">Signed in elsewhere</h2>
        {others.length ? (
          <ul className="mb-3 space-y-1 text-slate-700" data-testid="other-sessions">
            {others.map((s) => (
              <li key={s.id}>Signed in {formatDateTime(s.createdAt)}</li>
            ))}
          </ul>
        ) : (
          <p className="mb-3 text-slate-700" data-testid="other-sessions">Only here.</p>
        )}
        <ActionButton action={signOutOtherSessionsAction} label="Sign out everywhere else" pendingLabel="Signing out…" />
      </section>
    </div>
  );
}
