import { statusLabels } from "@/lib/enrolments";
import { formatDate } from "@/lib/format";
import type { ProgressRow } from "@/lib/progress";
import { progressSearch, sortLabels, type ProgressQuery, type ProgressSort } from "@/lib/progress-query";
import { ProgressTable, type TableHeader, type TableRow } from "./progress-table";

type Props = { rows: ProgressRow[]; query: ProgressQuery; basePath: string };

const columns: ProgressSort[] = ["name", "email", "course", "status", "progress", "enrolled", "activity", "completed"];

/**
 * Prepares the rows as plain text for the table, so the page's payload carries each row as a short
 * array of strings rather than a tree of elements (a page can hold 200 rows).
 */
export function ProgressRows({ rows, query, basePath }: Props) {
  if (!rows.length) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">No enrolments match these filters.</p>;
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
