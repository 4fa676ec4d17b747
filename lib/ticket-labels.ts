// The words for ticket categories and statuses. No server code here: forms in the browser use them too.
import type { TicketCategory, TicketStatus } from "./generated/prisma/enums";

export const ticketCategoryLabels: Record<TicketCategory, string> = {
  CHANGE_DESIGNATION: "Change organisation designation",
  ACCOUNT_AND_ACCESS: "Account and access",
  COURSES: "Courses",
  SOMETHING_ELSE: "Something else",
};

/** As the person who raised the ticket sees them. */
export const ticketStatusLabels: Record<TicketStatus, string> = {
  OPEN: "Open",
  WAITING_ON_YOU: "Waiting on you",
  RESOLVED: "Resolved",
};

/** As Schoot support sees them: "waiting on you" means waiting on the person who raised it. */
export const consoleStatusLabels: Record<TicketStatus, string> = {
  OPEN: "Open",
  WAITING_ON_YOU: "Waiting on customer",
  RESOLVED: "Resolved",
};

export const ticketCategories = Object.keys(ticketCategoryLabels) as TicketCategory[];
export const ticketStatuses = Object.keys(ticketStatusLabels) as TicketStatus[];

/** When a message was sent: the one date-and-time format (lib/format.ts), under the name ticket pages know. */
export { formatDateTime as formatMessageTime } from "./format";
