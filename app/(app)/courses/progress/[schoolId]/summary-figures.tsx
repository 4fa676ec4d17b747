import type { ProgressSummary } from "@/lib/progress/school";
import { enrolmentStatuses } from "@/lib/progress/status";

const number = new Intl.NumberFormat("en-GB");

/** Counts with their share of the enrolments for every status of the status table; the shares add up to 100 (lib/progress/percentages.ts). */
export function SummaryFigures({ summary, filtered }: { summary: ProgressSummary; filtered: boolean }) {
  const figures: { label: string; value: string; share?: number; id: string }[] = [
    // People with an enrolment that matches (the overview's Staff counts every member, enrolled or not).
    { label: "Staff enrolled", value: number.format(summary.staff), id: "staff" },
    { label: "Enrolments", value: number.format(summary.enrolments), id: "enrolments" },
    ...enrolmentStatuses.map((s) => ({ label: s.label, value: number.format(summary.counts[s.key]), share: summary.percent[s.key], id: s.slug })),
  ];
  return (
    <div>
      <h3 className="sr-only">Summary</h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((figure) => (
          <div key={figure.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd className="mt-1 tabular-nums" data-testid={`summary-${figure.id}`}>
              <span className="text-2xl font-semibold" data-testid={`summary-${figure.id}-count`}>{figure.value}</span>
              {figure.share === undefined ? null : (
                <span className="ml-1.5 text-sm text-slate-700" data-testid={`summary-${figure.id}-percent`}>({figure.share}%)</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {filtered ? <p className="mt-2 text-sm text-slate-600">Figures for the enrolments that match the filters.</p> : null}
    </div>
  );
}
