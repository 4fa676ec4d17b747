import type { TicketStatus } from "@/lib/generated/prisma/enums";

const tones: Record<TicketStatus, string> = {
  OPEN: "bg-brand-50 text-brand-800 ring-brand-100",
  WAITING_ON_YOU: "bg-amber-100 text-amber-900 ring-amber-200",
  RESOLVED: "bg-green-100 text-green-900 ring-green-200",
};

/** A ticket's status as a small label; the words differ for the person and for support, so they are passed in. */
export function TicketStatusBadge({ status, label }: { status: TicketStatus; label: string }) {
  return (
    <span data-testid="ticket-status" className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ring-1 ring-inset ${tones[status]}`}>
      {label}
    </span>
  );
}
