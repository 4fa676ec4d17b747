"use server";

import { revalidatePath } from "next/cache";
import { authAction } from "@/lib/action";
import { replyToMyTicket, replyToTicketInput } from "@/lib/tickets";

export const replyToMyTicketAction = authAction(replyToTicketInput, async function replyToOwnTicket(input, { viewer }) {
  await replyToMyTicket(viewer.id, input);
  revalidatePath(`/support/${input.ticketId}`);
  return { ok: true, message: "Reply sent. Schoot support will answer here." };
});
