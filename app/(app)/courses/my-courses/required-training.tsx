import Link from "next/link";
import { ActionButton } from "@/components/action-button";
import type { EnrolmentStatus } from "@/lib/generated/prisma/enums";
import { nextStepLabel } from "@/lib/progress/status";
import { requiredDateLine, type MyRequiredCourse } from "@/lib/requirements/mine";
import { startRenewalAction } from "../[slug]/actions";
import { RequiredStatusBadge } from "../[slug]/required-status-badge";
import { CertificateLink } from "../_components/certificate-link";

export type RequiredItem = MyRequiredCourse & {
  enrolment: { status: EnrolmentStatus; nextPosition: number } | null;
  /** The latest completion's certificate (a renewal under way keeps the earlier attempt's), or null. */
  certificateHref: string | null;
};

/**
 * My Courses' first section: the person's required courses, worst first then by due date. On a phone the
 * date and the status are the first things under the title; Overdue and Expired are marked in words and colour.
 */
export function RequiredTraining({ items }: { items: RequiredItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="required-training" className="mb-8" data-testid="my-required-training">
      <h2 id="required-training" className="text-xl font-semibold">Required training</h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2">
        {items.map((item) => {
          const urgent = item.status === "OVERDUE" || item.status === "EXPIRED";
          const status = item.enrolment?.status ?? null;
          return (
            <li
              key={item.course.id}
              data-testid="required-course"
              data-status={item.status}
              className={`flex flex-col rounded-lg border bg-white p-4 ${urgent ? "border-l-4 border-red-400 border-l-red-700" : "border-slate-200"}`}
            >
              <h3 className="font-semibold">
                <Link href={`/courses/${item.course.slug}`} className="underline-offset-4 hover:underline">{item.course.title}</Link>
              </h3>
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
                <p className={`font-medium ${urgent ? "text-red-800" : "text-slate-900"}`} data-testid="required-date">{requiredDateLine(item)}</p>
                <RequiredStatusBadge status={item.status} />
              </div>
              <p className="mt-2 flex-1 text-sm text-slate-700" data-testid="required-by">Required by {item.requiredBy.join(", ")}</p>
              <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
                {item.renewalOpen ? (
                  <ActionButton action={startRenewalAction} fields={{ slug: item.course.slug }} label="Start renewal" pendingLabel="Starting…" />
                ) : (
                  <Link
                    href={item.enrolment ? `/courses/${item.course.slug}/lessons/${item.enrolment.nextPosition}` : `/courses/${item.course.slug}`}
                    className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
                  >
                    {nextStepLabel(status)}
                    <span className="sr-only"> {item.course.title}</span>
                  </Link>
                )}
                <CertificateLink href={item.certificateHref} course={item.course.title} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
