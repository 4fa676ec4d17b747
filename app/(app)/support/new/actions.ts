"use server";

import { redirect } from "next/navigation";
import { authAction } from "@/lib/action";
import { createTicket, createTicketInput } from "@/lib/tickets";

export const createTicketAction = authAction(createTicketInput, async function createSupportTicket(input, { viewer }) {
  const ticket = await createTicket(viewer.id, input);
  // A repeated submission lands on the same ticket, told the same way: the person sees one ticket.
  redirect(`/support/${ticket.id}?sent=1`);
});
