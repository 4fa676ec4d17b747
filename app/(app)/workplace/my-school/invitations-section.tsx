import type { PermittedScope } from "@/lib/access";
import { formatDate, formatDateTime } from "@/lib/format";
import { listPendingInvitations, type InvitationEmail } from "@/lib/invitations";
import { InviteForm } from "./invite-form";
import { PendingInvitation } from "./pending-invitation";
import { WithdrawInvitationButton } from "./withdraw-invitation-button";

const reason = (error: string | null) => (error ?? "no reason given").trim().replace(/[.\s]+$/, "");

/** Whether the invitation's latest email went, in words: from the outbox row that sends it. */
function emailStatus(email: InvitationEmail | null): { text: string; tone: string } {
  if (!email) return { text: "No email sent yet.", tone: "text-slate-700" };
  switch (email.status) {
    case "SENT":
      return { text: `Email sent ${formatDateTime(email.sentAt)}`, tone: "text-green-800" };
    case "SENDING":
      return { text: "Sending…", tone: "text-slate-700" };
    case "PENDING":
      return email.lastError
        ? { text: `Not sent yet: ${reason(email.lastError)}. Trying again at ${formatDateTime(email.nextAttemptAt)}.`, tone: "text-amber-800" }
        : { text: "Sending…", tone: "text-slate-700" };
    case "FAILED":
    case "CANCELLED":
      return { text: `Email not sent: ${reason(email.lastError)}.`, tone: "text-red-800" };
  }
}

/** Administrators only: invite a colleague by email, and see, send again or withdraw pending invitations. */
export async function InvitationsSection({ manager }: { manager: PermittedScope<"colleagues.manage"> }) {
  const pending = await listPendingInvitations(manager);
  const organisationId = manager.organisationId;
  return (
    <section aria-labelledby="invite-colleague" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="invite-colleague" className="text-xl font-semibold">Invite a colleague</h2>
      <p className="mt-2 text-sm text-slate-700">
        We email them a link, which you can also copy. It works once, for 7 days; they sign in, or confirm their address and choose a password, and join as a Member.
      </p>
      <InviteForm organisationId={organisationId} />
      <h3 className="mt-6 font-semibold">Pending invitations</h3>
      {pending.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No invitation is waiting to be accepted.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="pending-invitations">
          {pending.map((invitation) => {
            const status = emailStatus(invitation.lastEmail);
            return (
              <PendingInvitation
                key={invitation.id}
                organisationId={organisationId}
                invitationId={invitation.id}
                email={invitation.email}
                details={
                  <>
                    <p className="font-medium break-all">{invitation.email}</p>
                    <p className="text-sm text-slate-600">
                      Invited {formatDate(invitation.createdAt)}
                      {invitation.invitedBy ? ` by ${invitation.invitedBy.name}` : ""} · expires {formatDate(invitation.expiresAt)}
                    </p>
                    <p className={`text-sm break-words ${status.tone}`} data-testid="invitation-email-status">{status.text}</p>
                  </>
                }
                withdraw={<WithdrawInvitationButton organisationId={organisationId} invitationId={invitation.id} email={invitation.email} />}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
