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

type Person = { email: string; name: string; rows: TableRow[] };

/** The page's rows per person, in the order each person first appears (with the default sort, by name). */
function groupByPerson(rows: TableRow[]): Person[] {
  const people = new Map<string, Person>();
  for (const row of rows) {
    const email = row[2];
    const person = people.get(email) ?? { email, name: row[1], rows: [] };
    person.rows.push(row);
    people.set(email, person);
  }
  return [...people.values()];
}

/**
 * The rows arrive once, as short arrays of strings, and are laid out twice here in the browser: a table
 * from lg up, and below it one card per person holding their courses, so a phone reads a person's
 * training at a glance and never scrolls sideways. The other layout is display:none, hidden from
 * assistive technology too.
 */
export function ProgressTable({ headers, rows }: { headers: TableHeader[]; rows: TableRow[] }) {
  return (
    <>
      <div className="hidden lg:block lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
        <table className={styles.table}>
          <caption className="sr-only">Course enrolments of the school&apos;s staff</caption>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header.label} scope="col" aria-sort={header.sort} className="font-medium whitespace-nowrap">
                  <Link href={header.href} className="text-slate-800 underline-offset-4 hover:underline">
                    {header.label}
                    <span aria-hidden="true" className="ml-1 text-slate-500">{header.sort === "ascending" ? "▲" : header.sort === "descending" ? "▼" : "↕"}</span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, name, email, course, status, percent, enrolled, activity, completed]) => (
              <tr key={id} data-testid="progress-row">
                <td>{name}</td>
                <td>{email}</td>
                <td>{course}</td>
                <td>{status}</td>
                <td><Progress percent={percent} /></td>
                <td className={styles.nowrap}>{enrolled}</td>
                <td className={styles.nowrap}>{activity}</td>
                <td className={styles.nowrap}>{completed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" data-testid="progress-people" aria-label="Staff and their courses">
        {groupByPerson(rows).map((person) => (
          <li key={person.email} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid="progress-person">
            <h3 className="font-semibold" data-field="name">{person.name}</h3>
            <p className="text-sm text-slate-700 [overflow-wrap:anywhere]" data-field="email">{person.email}</p>
            <ul className="mt-3 divide-y divide-slate-200 border-t border-slate-200">
              {person.rows.map(([id, , , course, status, percent, enrolled, activity, completed]) => (
                <li key={id} className="py-3" data-testid="progress-course">
                  <p className="font-medium" data-field="course">{course}</p>
                  <div className="mt-1 flex items-center gap-3 text-sm">
                    <span className="min-w-0 flex-1" data-field="progress"><Progress percent={percent} /></span>
                    <span className="w-24 shrink-0 text-right text-slate-800" data-field="status">{status}</span>
                  </div>
                  <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
                    <div><dt className="text-slate-600">Enrolled</dt><dd data-field="enrolled">{enrolled}</dd></div>
                    <div><dt className="text-slate-600">Last activity</dt><dd data-field="activity">{activity}</dd></div>
                    <div><dt className="text-slate-600">Completed</dt><dd data-field="completed">{completed}</dd></div>
                  </dl>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
