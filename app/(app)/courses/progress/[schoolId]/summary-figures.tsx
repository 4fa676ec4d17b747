import type { ProgressSummary } from "@/lib/progress";

const number = new Intl.NumberFormat("en-GB");

export function SummaryFigures({ summary, filtered }: { summary: ProgressSummary; filtered: boolean }) {
  const figures = [
    { label: "Staff", value: number.format(summary.staff), id: "staff" },
    { label: "Enrolments", value: number.format(summary.enrolments), id: "enrolments" },
    { label: "Completed", value: `${summary.percentCompleted}%`, id: "completed" },
    { label: "Not started", value: number.format(summary.notStarted), id: "not-started" },
  ];
  return (
    <div>
      <h3 className="sr-only">Summary</h3>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`summary-${figure.id}`}>{figure.value}</dd>
          </div>
        ))}
      </dl>
      {filtered ? <p className="mt-2 text-sm text-slate-600">Figures for the enrolments that match the filters.</p> : null}
    </div>
  );
}
