"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authAction } from "@/lib/action";
import { changeRole, changeRoleInput, removeColleague, removeColleagueInput } from "@/lib/colleagues";
import { formatDate } from "@/lib/format";
import { createInvitation, createInvitationInput, resendInvitation, resendInvitationInput, withdrawInvitation, withdrawInvitationInput } from "@/lib/invitations";
import { sendSoon } from "@/lib/mail/send-soon";

// Thin wrappers: the rules (caller's role read in the transaction, tenant scoping, the last
// Administrator, the audit row) live in lib/colleagues.ts and lib/invitations.ts.

const MY_SCHOOL = "/workplace/my-school";

export const changeRoleAction = authAction(changeRoleInput, async function changeColleagueRole(input, { viewer }) {
  const { message } = await changeRole(viewer.id, input);
  revalidatePath(MY_SCHOOL);
  return { ok: true, message };
});

export const removeColleagueAction = authAction(removeColleagueInput, async function removeColleagueFromOrganisation(input, { viewer }) {
  const { message } = await removeColleague(viewer.id, input);
  revalidatePath(MY_SCHOOL);
  return { ok: true, message };
});

/** The link is built from the address the Administrator is using, so it works wherever the app is served. */
async function siteOrigin(): Promise<string> {
  const list = await headers();
  const origin = list.get("origin");
  if (origin && /^https?:\/\/[^/]+$/.test(origin)) return origin;
  return `${list.get("x-forwarded-proto") ?? "http"}://${list.get("host") ?? "localhost"}`;
}

export const createInvitationAction = authAction(createInvitationInput, async function inviteColleague(input, { viewer }) {
  const invitation = await createInvitation(viewer.id, input);
  sendSoon([invitation.outboxId]); // committed: send it now rather than at the next cron run
  revalidatePath(MY_SCHOOL);
  return {
    ok: true,
    message: `Invitation created for ${invitation.email} and emailed to them. It works once, until ${formatDate(invitation.expiresAt)}. The link is below if you want to send it another way too.`,
    result: { link: `${await siteOrigin()}/invite/${invitation.token}`, email: invitation.email },
  };
});

export const resendInvitationAction = authAction(resendInvitationInput, async function resendColleagueInvitation(input, { viewer }) {
  const invitation = await resendInvitation(viewer.id, input);
  sendSoon([invitation.outboxId]);
  revalidatePath(MY_SCHOOL);
  return {
    ok: true,
    message: `Sent again to ${invitation.email}, with a new link that works until ${formatDate(invitation.expiresAt)}. The earlier link no longer works.`,
    result: { link: `${await siteOrigin()}/invite/${invitation.token}`, email: invitation.email },
  };
});

export const withdrawInvitationAction = authAction(withdrawInvitationInput, async function withdrawColleagueInvitation(input, { viewer }) {
  const { message } = await withdrawInvitation(viewer.id, input);
  revalidatePath(MY_SCHOOL);
  return { ok: true, message };
});
