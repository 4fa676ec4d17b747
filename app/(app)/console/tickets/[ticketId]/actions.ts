"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { changeTicketStatus, changeTicketStatusInput, replyAsSupport, supportReplyInput } from "@/lib/ticket-console";
import { consoleStatusLabels } from "@/lib/ticket-labels";

// Both refuse anyone but Schoot support with NotFoundError, from the role in the database (lib/support.ts).

export const replyAsSupportAction = authAction(supportReplyInput, async function replyToTicketAsSupport(input, { viewer }) {
  await replyAsSupport(viewer.id, input);
  revalidatePath(`/console/tickets/${input.ticketId}`);
  return { ok: true, message: `Reply sent. The ticket is now ${consoleStatusLabels[input.status]}.` };
});

export const changeTicketStatusAction = authAction(changeTicketStatusInput, async function changeStatusOfTicket(input, { viewer }) {
  await changeTicketStatus(viewer.id, input);
  revalidatePath(`/console/tickets/${input.ticketId}`);
  return { ok: true, message: `The ticket is now ${consoleStatusLabels[input.status]}.` };
});
