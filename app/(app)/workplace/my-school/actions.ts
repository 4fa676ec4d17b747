"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authAction } from "@/lib/action";
import { changeRole, changeRoleInput, removeColleague, removeColleagueInput } from "@/lib/colleagues";
import { formatDate } from "@/lib/format";
import { createInvitation, createInvitationInput, withdrawInvitation, withdrawInvitationInput } from "@/lib/invitations";

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
  revalidatePath(MY_SCHOOL);
  return {
    ok: true,
    message: `Invitation created for ${invitation.email}. Copy the link and send it to them: it works once, until ${formatDate(invitation.expiresAt)}.`,
    result: { link: `${await siteOrigin()}/invite/${invitation.token}`, email: invitation.email },
  };
});

export const withdrawInvitationAction = authAction(withdrawInvitationInput, async function withdrawColleagueInvitation(input, { viewer }) {
  const { message } = await withdrawInvitation(viewer.id, input);
  revalidatePath(MY_SCHOOL);
  return { ok: true, message };
});
