import Link from "next/link";
import { statusLabels } from "@/lib/enrolments";
import { formatDate } from "@/lib/format";
import type { ProgressRow } from "@/lib/progress/school";
import { countActiveFilters, progressSearch, sortLabels, type ProgressQuery, type ProgressSort } from "@/lib/progress/query";
import { ProgressTable, type TableHeader, type TableRow } from "./progress-table";

type Props = { rows: ProgressRow[]; query: ProgressQuery; basePath: string; clearHref: string };

const columns: ProgressSort[] = ["name", "email", "course", "status", "progress", "enrolled", "activity", "completed"];

/**
 * Prepares the rows as plain text for the table, so the page's payload carries each row as a short
 * array of strings rather than a tree of elements (a page can hold 200 rows).
 */
export function ProgressRows({ rows, query, basePath, clearHref }: Props) {
  if (!rows.length && !countActiveFilters(query)) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">Nobody at this school is enrolled on a course yet.</p>;
  }
  if (!rows.length) {
    return (
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="no-rows">
        <p className="text-slate-700">No enrolments match these filters.</p>
        <Link href={clearHref} className="inline-flex min-h-6 items-center font-medium text-brand-700 underline underline-offset-4">Clear filters</Link>
      </div>
    );
  }
  const headers: TableHeader[] = columns.map((column) => {
    const current = query.sort === column;
    return {
      label: sortLabels[column],
      // A second click on the current column reverses its order.
      href: `${basePath}${progressSearch(query, { sort: column, dir: current && query.dir === "asc" ? "desc" : "asc" })}`,
      sort: current ? (query.dir === "asc" ? "ascending" : "descending") : undefined,
    };
  });
  const tableRows: TableRow[] = rows.map((row) => [
    row.id, row.name, row.email, row.courseTitle, statusLabels[row.status], row.percent,
    formatDate(row.enrolledAt), formatDate(row.lastActivityAt), formatDate(row.completedAt),
  ]);
  return <ProgressTable headers={headers} rows={tableRows} />;
}
