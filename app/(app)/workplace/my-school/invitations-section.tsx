import type { PermittedScope } from "@/lib/access";
import { formatDate } from "@/lib/format";
import { listPendingInvitations } from "@/lib/invitations";
import { InviteForm } from "./invite-form";
import { WithdrawInvitationButton } from "./withdraw-invitation-button";

/** Administrators only: invite a colleague by a single-use link, and see or withdraw pending invitations. */
export async function InvitationsSection({ manager }: { manager: PermittedScope<"colleagues.manage"> }) {
  const pending = await listPendingInvitations(manager);
  const organisationId = manager.organisationId;
  return (
    <section aria-labelledby="invite-colleague" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="invite-colleague" className="text-xl font-semibold">Invite a colleague</h2>
      <p className="mt-2 text-sm text-slate-700">
        You get a link to send them. It works once, for 7 days; they sign in or set a password, and join as a Member.
      </p>
      <InviteForm organisationId={organisationId} />
      <h3 className="mt-6 font-semibold">Pending invitations</h3>
      {pending.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No invitation is waiting to be accepted.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="pending-invitations">
          {pending.map((invitation) => (
            <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div className="min-w-0">
                <p className="font-medium break-all">{invitation.email}</p>
                <p className="text-sm text-slate-600">
                  Invited {formatDate(invitation.createdAt)}
                  {invitation.invitedBy ? ` by ${invitation.invitedBy.name}` : ""} · expires {formatDate(invitation.expiresAt)}
                </p>
              </div>
              <WithdrawInvitationButton organisationId={organisationId} invitationId={invitation.id} email={invitation.email} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
