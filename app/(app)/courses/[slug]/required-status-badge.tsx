import type { RequiredStatus } from "@/lib/generated/prisma/enums";
import { requiredStatusLabel } from "@/lib/requirements/status";

const tones: Record<RequiredStatus, string> = {
  OVERDUE: "bg-red-100 text-red-900 ring-red-300",
  EXPIRED: "bg-red-100 text-red-900 ring-red-300",
  DUE_SOON: "bg-amber-100 text-amber-900 ring-amber-300",
  NOT_STARTED: "bg-slate-100 text-slate-800 ring-slate-300",
  IN_PROGRESS: "bg-brand-50 text-brand-800 ring-brand-100",
  COMPLETED: "bg-green-100 text-green-900 ring-green-200",
};

/** A required course's status as a small label: its words always, its colour as well (never colour alone). */
export function RequiredStatusBadge({ status }: { status: RequiredStatus }) {
  const urgent = status === "OVERDUE" || status === "EXPIRED";
  return (
    <span data-testid="required-status" className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ring-1 ring-inset ${tones[status]}`}>
      {urgent ? <span aria-hidden="true">! </span> : null}
      {requiredStatusLabel(status)}
    </span>
  );
}
