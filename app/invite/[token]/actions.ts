"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authAction, visitorAction } from "@/lib/action";
import { signOut } from "@/lib/auth";
import { NotFoundError, ActionError } from "@/lib/errors";
import { writeAndSendAfterResponse } from "@/lib/mail/send-soon";
import { revokeSession } from "@/lib/sessions";
import { acceptInvitation, findInvitation, invitationRefusal } from "@/lib/invitations";
import { linkToken } from "@/lib/link-token";
import { confirmationSentMessage, requestAddressConfirmation } from "@/lib/sign-up";

const tokenInput = z.object({ token: linkToken });

/** A signed-in person accepts an invitation sent to their own email. */
export const acceptInvitationAction = authAction(tokenInput, async function joinByInvitation({ token }, { viewer }) {
  await acceptInvitation(viewer.id, token);
  redirect("/workplace/my-school");
});

/**
 * A visitor with the link asks for an account. The link alone proves nothing (the inviter has seen it), so
 * the answer is an email to the invited address; what it says, and whether the address has an account, only
 * that mailbox learns. The page's answer is the same in every case, and so is its time: what depends on the
 * address (an account or none, the hourly cap) is decided after the response.
 */
export const requestAddressConfirmationAction = visitorAction(tokenInput, async function askForConfirmationLink({ token }) {
  const invitation = await findInvitation(token); // the link's own standing: nothing about the address
  if (!invitation) throw new NotFoundError();
  if (invitation.status !== "valid") throw new ActionError(invitationRefusal(invitation.status));
  writeAndSendAfterResponse("invitation.confirmation_failed", async () => (await requestAddressConfirmation(token)).outboxIds);
  return { ok: true, message: confirmationSentMessage(invitation.email) };
});

/** Signed in as someone else: sign out and come back to the same invitation. */
export const signOutForInvitationAction = authAction(tokenInput, async function signOutForInvitation({ token }, { viewer }) {
  await revokeSession(viewer.sessionId); // before the cookie goes: see app/(app)/actions.ts
  await signOut({ redirectTo: `/invite/${token}` });
});
