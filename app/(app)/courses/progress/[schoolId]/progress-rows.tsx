import Link from "next/link";
import type { SchoolProgressScope } from "@/lib/access";
import { listRowCertificates } from "@/lib/certificates/links";
import { schoolColumns, screenCells, type ProgressRow } from "@/lib/progress/columns";
import { countActiveFilters, progressSearch, type ProgressQuery } from "@/lib/progress/query";
import { ProgressTable, type ColumnView, type RowCells } from "./progress-table";

type Props = { school: SchoolProgressScope; rows: ProgressRow[]; query: ProgressQuery; basePath: string; clearHref: string };

/**
 * Prepares the column list (lib/progress/columns.ts) and the rows for the table: each row goes to the
 * browser as a short array of strings rather than a tree of elements (a page can hold 200 rows), and each
 * column as the little the browser needs to lay it out in the table and on the phone's cards. Each completed
 * enrolment gets its certificate link (?school=: the certificate route checks this school's access again).
 */
export async function ProgressRows({ school, rows, query, basePath, clearHref }: Props) {
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
  const columns: ColumnView[] = schoolColumns.map((column) => {
    const current = query.sort === column.key;
    return {
      key: column.key,
      label: column.label,
      card: column.card,
      shows: column.shows ?? "text",
      wrap: column.wrap ?? "words",
      strong: column.strong ?? false,
      cardWhenSet: column.cardWhenSet ?? false,
      certificate: "certificate" in column ? column.certificate : undefined,
      // A second click on the current column reverses its order.
      href: `${basePath}${progressSearch(query, { sort: column.key, dir: current && query.dir === "asc" ? "desc" : "asc" })}`,
      sort: current ? (query.dir === "asc" ? "ascending" : "descending") : undefined,
    };
  });
  const cells: RowCells[] = rows.map((row) => [row.id, ...screenCells(row)]);
  const certificates = await listRowCertificates(school, rows.map((row) => row.id));
  return <ProgressTable columns={columns} rows={cells} certificates={certificates} />;
}
