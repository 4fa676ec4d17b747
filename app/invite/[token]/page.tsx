import type { Metadata } from "next";
import Link from "next/link";
import { VisitorPage } from "@/components/visitor-page";
import { getViewer } from "@/lib/auth";
import { formatDate } from "@/lib/format";
import { findInvitation } from "@/lib/invitations";
import { AcceptInvitationForm, RequestConfirmationForm, SignOutForInvitationForm } from "./invitation-forms";

// The token is in the address: keep it out of the Referer header of any link followed to another site.
// "same-origin", not "no-referrer": a form posted from here must still carry this site's Origin, or
// Next refuses the server action (no-referrer sends "Origin: null", which broke joining without JavaScript).
export const metadata: Metadata = { title: "Invitation", referrer: "same-origin" };

const messages = {
  expired: "This invitation has expired. Ask your school's Administrator for a new one.",
  withdrawn: "This invitation has been withdrawn. Ask your school's Administrator for a new one.",
  accepted: "This invitation has already been used.",
};

// Open to visitors (proxy.ts lets /invite through): the token decides what may happen, never the session alone.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, viewer] = await Promise.all([findInvitation(token), getViewer()]);

  let body: React.ReactNode;
  if (!invitation) {
    body = <p className="text-slate-700">This invitation link is not valid. Check that you copied all of it, or ask your school&apos;s Administrator for a new one.</p>;
  } else if (invitation.status !== "valid") {
    body = <p className="text-slate-700" data-testid="invitation-status">{messages[invitation.status]}</p>;
  } else if (viewer && viewer.email === invitation.email) {
    body = <AcceptInvitationForm token={token} organisationName={invitation.organisationName} />;
  } else if (viewer) {
    body = (
      <>
        <p className="text-slate-700">
          This invitation is for <strong className="break-all">{invitation.email}</strong>, but you are signed in as {viewer.email}. Sign out to accept it as {invitation.email}.
        </p>
        <SignOutForInvitationForm token={token} />
      </>
    );
  } else {
    // The same page whether or not the address has an account: an Administrator who invites an address
    // and opens the link signed out must learn nothing about it. The person knows which applies to them.
    body = (
      <>
        <section aria-labelledby="have-account" className="space-y-3">
          <h2 id="have-account" className="text-lg font-semibold">Already use Schoot?</h2>
          <p className="text-slate-700">Sign in as <strong className="break-all">{invitation.email}</strong>, then accept the invitation.</p>
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
            className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            Sign in to accept
          </Link>
        </section>
        <section aria-labelledby="new-account" className="space-y-3 border-t border-slate-200 pt-4">
          <h2 id="new-account" className="text-lg font-semibold">New to Schoot?</h2>
          <p className="text-slate-700">
            We will email a link to <strong className="break-all">{invitation.email}</strong>. Open it to confirm the address is yours, then choose your name and password.
          </p>
          <RequestConfirmationForm token={token} />
        </section>
      </>
    );
  }

  return (
    <VisitorPage title={invitation ? `Join ${invitation.organisationName}` : "Invitation"}>
      {invitation?.status === "valid" ? (
        <p className="mt-2 text-slate-700">You have been invited to join as a Member. The invitation is valid until {formatDate(invitation.expiresAt)}.</p>
      ) : null}
      <div className="mt-6 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">{body}</div>
    </VisitorPage>
  );
}
