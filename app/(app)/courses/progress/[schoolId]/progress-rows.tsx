import Link from "next/link";
import { statusLabels } from "@/lib/enrolments";
import { formatDate } from "@/lib/format";
import type { ProgressRow } from "@/lib/progress";
import { progressSearch, sortLabels, type ProgressQuery, type ProgressSort } from "@/lib/progress-query";
import styles from "./progress-rows.module.css";

type Props = { rows: ProgressRow[]; query: ProgressQuery; basePath: string };

const columns: ProgressSort[] = ["name", "email", "course", "status", "progress", "enrolled", "activity", "completed"];

/** A column heading that sorts by it; a second click reverses the order. */
function SortHeader({ column, query, basePath }: { column: ProgressSort; query: ProgressQuery; basePath: string }) {
  const current = query.sort === column;
  const dir = current && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" role="columnheader" aria-sort={current ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className="font-medium whitespace-nowrap">
      <Link href={`${basePath}${progressSearch(query, { sort: column, dir })}`} className="text-slate-800 underline-offset-4 hover:underline">
        {sortLabels[column]}
        <span aria-hidden="true" className="ml-1 text-slate-500">{current ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );
}

/** The bar is decoration: the percentage beside it says the same in words. */
function Progress({ percent }: { percent: number }) {
  return (
    <span className={styles.bar}>
      <span aria-hidden="true"><span style={{ width: `${percent}%` }} /></span>
      <span>{percent}%</span>
    </span>
  );
}

/**
 * The rows once, as a table with explicit roles; below lg the stylesheet turns each row into a card with
 * labelled fields. Kept lean on purpose: a page of 200 rows is rendered, sent and hydrated as it is.
 */
export function ProgressRows({ rows, query, basePath }: Props) {
  if (!rows.length) {
    return <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">No enrolments match these filters.</p>;
  }
  return (
    <div className="lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <table role="table" className={styles.table}>
        <caption className="sr-only">Course enrolments of the school&apos;s staff</caption>
        <thead role="rowgroup">
          <tr role="row">{columns.map((column) => <SortHeader key={column} column={column} query={query} basePath={basePath} />)}</tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.id} role="row" data-testid="progress-row">
              <td role="cell">{row.name}</td>
              <td role="cell">{row.email}</td>
              <td role="cell">{row.courseTitle}</td>
              <td role="cell" data-label="Status">{statusLabels[row.status]}</td>
              <td role="cell" data-label="Progress"><Progress percent={row.percent} /></td>
              <td role="cell" data-label="Enrolled" className={styles.nowrap}>{formatDate(row.enrolledAt)}</td>
              <td role="cell" data-label="Last activity" className={styles.nowrap}>{formatDate(row.lastActivityAt)}</td>
              <td role="cell" data-label="Completed" className={styles.nowrap}>{formatDate(row.completedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
