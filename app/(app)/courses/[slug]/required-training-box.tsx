import { ActionButton } from "@/components/action-button";
import { formatDay } from "@/lib/format";
import { requiredDateLine, type MyRequiredCourse } from "@/lib/requirements/mine";
import type { EarlierAttempt } from "@/lib/requirements/renewal";
import { startRenewalAction } from "./actions";
import { EarlierAttempts } from "./earlier-attempts";
import { RequiredStatusBadge } from "./required-status-badge";

/** The course page's "Required training" box: due or in date until, status, required by, Start renewal when open, then earlier attempts. */
export function RequiredTrainingBox({ required, attempts, enrolmentId }: { required: MyRequiredCourse; attempts: EarlierAttempt[]; enrolmentId: string | null }) {
  const urgent = required.status === "OVERDUE" || required.status === "EXPIRED";
  return (
    <section
      aria-labelledby="required-training"
      data-testid="required-training"
      className={`rounded-lg border bg-white p-5 ${urgent ? "border-red-300" : "border-slate-200"}`}
    >
      <h3 id="required-training" className="text-lg font-semibold">Required training</h3>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
        <p className="font-medium" data-testid="required-date">{requiredDateLine(required)}</p>
        <RequiredStatusBadge status={required.status} />
      </div>
      <p className="mt-2 text-sm text-slate-700" data-testid="required-by">Required by {required.requiredBy.join(", ")}</p>
      {required.renewalOpen ? (
        <div className="mt-4">
          <p className="mb-2 text-sm text-slate-700">Your renewal is open: starting it opens the course again as attempt {(required.attempt ?? 1) + 1}.{required.inDate && required.expiresOn ? ` Your completion stays in date until ${formatDay(required.expiresOn)}.` : ""}</p>
          <ActionButton action={startRenewalAction} fields={{ slug: required.course.slug }} label="Start renewal" pendingLabel="Starting…" />
        </div>
      ) : null}
      {attempts.length ? <div className="mt-5"><EarlierAttempts attempts={attempts} nested course={required.course} enrolmentId={enrolmentId} /></div> : null}
    </section>
  );
}
