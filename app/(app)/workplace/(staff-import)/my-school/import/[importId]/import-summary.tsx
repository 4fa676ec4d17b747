import { DetailItem } from "@/components/detail-item";
import { formatDateTime } from "@/lib/format";
import type { ImportSummary } from "@/lib/staff-import";

/** What confirming the import did, in figures (kept with the upload, so the page can be opened again later). */
export function ImportSummaryPanel({ summary, appliedAt }: { summary: ImportSummary | null; appliedAt: Date | null }) {
  const figures: [string, number | undefined][] = [
    ["Added", summary?.added],
    ["Invited", summary?.invited],
    ["Names changed", summary?.renamed],
    ["Roles changed", summary?.roleChanged],
    ["Removed", summary?.removed],
    ["Rows skipped", summary?.skipped],
  ];
  return (
    <>
      <p className="mt-3 text-slate-900">
        Imported {formatDateTime(appliedAt)}.{summary?.added ? " Everyone added was emailed how to sign in." : ""}
        {summary?.invited ? " Those invited already had a Schoot account: each was sent an invitation, and joins (as a Member) on accepting it." : ""}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3" data-testid="import-summary">
        {figures.map(([label, value]) => (
          <DetailItem key={label} label={label}>
            <span className="text-xl font-semibold tabular-nums">{value?.toLocaleString("en-GB") ?? "—"}</span>
          </DetailItem>
        ))}
      </dl>
    </>
  );
}
