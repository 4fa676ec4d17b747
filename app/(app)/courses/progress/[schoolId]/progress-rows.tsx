import Link from "next/link";
import { ProgressBar } from "@/components/progress-bar";
import { statusLabels } from "@/lib/enrolments";
import { formatDate } from "@/lib/format";
import type { ProgressRow } from "@/lib/progress";
import { progressSearch, sortLabels, type ProgressQuery, type ProgressSort } from "@/lib/progress-query";

type Props = { rows: ProgressRow[]; query: ProgressQuery; basePath: string };

const columns: ProgressSort[] = ["name", "email", "course", "status", "progress", "enrolled", "activity", "completed"];

/** A column heading that sorts by it; a second click reverses the order. */
function SortHeader({ column, query, basePath }: { column: ProgressSort; query: ProgressQuery; basePath: string }) {
  const current = query.sort === column;
  const dir = current && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={current ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2 text-left font-medium whitespace-nowrap">
      <Link href={`${basePath}${progressSearch(query, { sort: column, dir })}`} className="text-slate-800 underline-offset-4 hover:underline">
        {sortLabels[column]}
        <span aria-hidden="true" className="ml-1 text-slate-500">{current ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );
}

function Progress({ row }: { row: ProgressRow }) {
  return (
    <div className="flex items-center gap-2">
      <ProgressBar percent={row.percent} label={`${row.name}, ${row.courseTitle} progress`} />
      <span className="w-11 shrink-0 text-right whitespace-nowrap tabular-nums" data-testid="row-percent">{row.percent}%</span>
    </div>
  );
}

/** A table on wide screens; on a phone or a narrow tablet the same rows as cards, so nothing scrolls sideways. */
export function ProgressRows({ rows, query, basePath }: Props) {
  if (!rows.length) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">No enrolments match these filters.</p>;
  }
  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-slate-200 bg-white lg:block">
        <table className="w-full text-sm">
          <caption className="sr-only">Course enrolments of the school&apos;s staff</caption>
          <thead className="bg-slate-50">
            <tr>{columns.map((column) => <SortHeader key={column} column={column} query={query} basePath={basePath} />)}</tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200 align-top" data-testid="progress-row">
                <td className="px-3 py-2 font-medium" data-testid="row-name">{row.name}</td>
                <td className="px-3 py-2" data-testid="row-email">{row.email}</td>
                <td className="px-3 py-2" data-testid="row-course">{row.courseTitle}</td>
                <td className="px-3 py-2" data-testid="row-status">{statusLabels[row.status]}</td>
                <td className="w-36 px-3 py-2"><Progress row={row} /></td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="row-enrolled">{formatDate(row.enrolledAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="row-activity">{formatDate(row.lastActivityAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap" data-testid="row-completed">{formatDate(row.completedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" aria-label="Course enrolments of the school's staff">
        {rows.map((row) => (
          <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="progress-row">
            <p className="font-semibold" data-testid="row-name">{row.name}</p>
            <p className="text-sm text-slate-700" data-testid="row-email">{row.email}</p>
            <p className="mt-2 font-medium" data-testid="row-course">{row.courseTitle}</p>
            <div className="mt-2 text-sm"><Progress row={row} /></div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">Status</dt><dd data-testid="row-status">{statusLabels[row.status]}</dd>
              <dt className="text-slate-600">Enrolled</dt><dd data-testid="row-enrolled">{formatDate(row.enrolledAt)}</dd>
              <dt className="text-slate-600">Last activity</dt><dd data-testid="row-activity">{formatDate(row.lastActivityAt)}</dd>
              <dt className="text-slate-600">Completed</dt><dd data-testid="row-completed">{formatDate(row.completedAt)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
