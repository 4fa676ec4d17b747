"use client";

import Link from "next/link";
import styles from "./progress-rows.module.css";

export type TableHeader = { label: string; href: string; sort?: "ascending" | "descending" };
/** id, name, email, course, status, percent, enrolled, last activity, completed: as shown. */
export type TableRow = [string, string, string, string, string, number, string, string, string];

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
 * labelled fields, so a phone never scrolls sideways.
 */
export function ProgressTable({ headers, rows }: { headers: TableHeader[]; rows: TableRow[] }) {
  return (
    <div className="lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <table role="table" className={styles.table}>
        <caption className="sr-only">Course enrolments of the school&apos;s staff</caption>
        <thead role="rowgroup">
          <tr role="row">
            {headers.map((header) => (
              <th key={header.label} scope="col" role="columnheader" aria-sort={header.sort} className="font-medium whitespace-nowrap">
                <Link href={header.href} className="text-slate-800 underline-offset-4 hover:underline">
                  {header.label}
                  <span aria-hidden="true" className="ml-1 text-slate-500">{header.sort === "ascending" ? "▲" : header.sort === "descending" ? "▼" : "↕"}</span>
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map(([id, name, email, course, status, percent, enrolled, activity, completed]) => (
            <tr key={id} role="row" data-testid="progress-row">
              <td role="cell">{name}</td>
              <td role="cell">{email}</td>
              <td role="cell">{course}</td>
              <td role="cell" data-label="Status">{status}</td>
              <td role="cell" data-label="Progress"><Progress percent={percent} /></td>
              <td role="cell" data-label="Enrolled" className={styles.nowrap}>{enrolled}</td>
              <td role="cell" data-label="Last activity" className={styles.nowrap}>{activity}</td>
              <td role="cell" data-label="Completed" className={styles.nowrap}>{completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
