"use client";

import Link from "next/link";
import { CertificateLink } from "../../_components/certificate-link";
import type { CardSlot, CellShows, CellWrap } from "@/lib/progress/columns";
import { requiredStatusLabel } from "@/lib/requirements/status";
import styles from "./progress-rows.module.css";

/** A column as the browser needs it: lib/progress/columns.ts's entry, less its SQL, plus the sort link. */
export type ColumnView = {
  key: string;
  label: string;
  card: CardSlot;
  shows: CellShows;
  wrap: CellWrap;
  strong: boolean;
  /** On a card only when it has a value. */
  cardWhenSet: boolean;
  /** The attempt whose certificate the table offers beside this date (lib/progress/columns.ts). */
  certificate?: "current" | "earlier";
  href: string;
  sort?: "ascending" | "descending";
};

/** A row as sent to the browser: the enrolment id, then each column's text in column order. */
export type RowCells = string[];

/** An enrolment's certificate downloads: the current attempt's, and the earlier completion's (a renewal). */
export type RowCertificates = { current?: string; earlier?: string };

/** The bar is decoration: the percentage beside it says the same in words. */
function Progress({ percent }: { percent: number }) {
  return (
    <span className={styles.bar}>
      <span aria-hidden="true"><span style={{ width: `${percent}%` }} /></span>
      <span>{percent}%</span>
    </span>
  );
}

/** The required standings a reader must act on, marked so they stand out in the table and lead a phone's course item. */
const urgent = new Set([requiredStatusLabel("OVERDUE"), requiredStatusLabel("EXPIRED")]);

const requiredTone: Record<string, string> = {
  [requiredStatusLabel("OVERDUE")]: "bg-red-700 text-white",
  [requiredStatusLabel("EXPIRED")]: "bg-red-50 text-red-800 ring-1 ring-red-300",
  [requiredStatusLabel("DUE_SOON")]: "bg-amber-50 text-amber-900 ring-1 ring-amber-300",
  [requiredStatusLabel("COMPLETED")]: "bg-green-50 text-green-800 ring-1 ring-green-300",
};

/** A required-training standing as a marked label (the words say it; the colour only repeats them). Empty: not required. */
function RequiredBadge({ text }: { text: string }) {
  if (!text) return null;
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${requiredTone[text] ?? "bg-slate-100 text-slate-800 ring-1 ring-slate-300"}`}>
      {urgent.has(text) ? <span aria-hidden="true">! </span> : null}
      {text}
    </span>
  );
}

function Value({ column, text }: { column: ColumnView; text: string }) {
  if (column.shows === "percent") return <Progress percent={Number(text)} />;
  if (column.shows === "required") return <RequiredBadge text={text} />;
  return <>{text}</>;
}

const wrapClass: Record<CellWrap, string | undefined> = { words: undefined, anywhere: styles.anywhere, none: styles.nowrap };

function cellClass(column: ColumnView): string | undefined {
  return [wrapClass[column.wrap], column.strong ? styles.strong : undefined].filter(Boolean).join(" ") || undefined;
}

type Placed = { column: ColumnView; index: number };
type Person = { key: string; who: string; cells: RowCells; rows: RowCells[] };

/**
 * The page's rows per person (the values of the card's title and subtitle columns): each run of one person's
 * consecutive rows is a card, so the cards keep the view's order whatever the sort (with the default sort, by
 * name, every person is one card; sorted by progress, a person can appear in two).
 */
function groupByPerson(rows: RowCells[], person: Placed[]): Person[] {
  const cards: Person[] = [];
  for (const row of rows) {
    const who = JSON.stringify(person.map(({ index }) => row[index + 1]));
    const last = cards[cards.length - 1];
    if (last && last.who === who) last.rows.push(row);
    else cards.push({ key: `${who}#${cards.length}`, who, cells: row, rows: [row] });
  }
  return cards;
}

/**
 * The rows arrive once, as short arrays of strings, with the columns that say what each string is and
 * where it goes; they are laid out twice here in the browser: a table from lg up, and below it one card
 * per person holding their courses, so a phone reads a person's training at a glance and never scrolls
 * sideways. The other layout is display:none, hidden from assistive technology too.
 */
export function ProgressTable({ columns, rows, certificates = {} }: { columns: ColumnView[]; rows: RowCells[]; certificates?: Record<string, RowCertificates> }) {
  const placed: Placed[] = columns.map((column, index) => ({ column, index }));
  const inSlot = (slot: CardSlot) => placed.filter(({ column }) => column.card === slot);
  const field = (row: RowCells, { column, index }: Placed) => <Value column={column} text={row[index + 1] ?? ""} />;
  const titles = inSlot("title");
  const subtitles = inSlot("subtitle");
  const headings = inSlot("heading");
  const standings = inSlot("standing");
  const meters = inSlot("meter");
  const badges = inSlot("badge");
  const details = inSlot("detail");
  /** "Jo Bloggs, Safeguarding essentials": whose certificate of what, for the links' screen-reader names. */
  const whoOf = (row: RowCells, column: ColumnView) =>
    [...[...titles, ...headings].map(({ index }) => row[index + 1]), column.certificate === "earlier" ? "earlier attempt" : ""].filter(Boolean).join(", ");
  const certificateOf = (row: RowCells, column: ColumnView) => (column.certificate ? certificates[row[0]!]?.[column.certificate] : undefined);

  return (
    <>
      <div className="hidden lg:block lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
        <table className={styles.table} data-testid="progress-table">
          <caption className="sr-only">Course enrolments of the school&apos;s staff</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" aria-sort={column.sort} data-column={column.key} className="font-medium whitespace-nowrap">
                  <Link href={column.href} className="text-slate-800 underline-offset-4 hover:underline">
                    {column.label}
                    <span aria-hidden="true" className="ml-1 text-slate-500">{column.sort === "ascending" ? "▲" : column.sort === "descending" ? "▼" : "↕"}</span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[0]} data-testid="progress-row">
                {placed.map((p) => (
                  <td key={p.column.key} data-column={p.column.key} className={cellClass(p.column)}>
                    {field(row, p)}
                    <CertificateLink href={certificateOf(row, p.column)} course={whoOf(row, p.column)} label="Certificate (PDF)" block />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="grid gap-3 sm:grid-cols-2 lg:hidden" data-testid="progress-people" aria-label="Staff and their courses">
        {groupByPerson(rows, [...titles, ...subtitles]).map((person) => (
          <li key={person.key} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid="progress-person">
            {titles.map((p) => <h3 key={p.column.key} className="font-semibold" data-field={p.column.key}>{field(person.cells, p)}</h3>)}
            {subtitles.map((p) => <p key={p.column.key} className="text-sm text-slate-700 [overflow-wrap:anywhere]" data-field={p.column.key}>{field(person.cells, p)}</p>)}
            <ul className="mt-3 divide-y divide-slate-200 border-t border-slate-200">
              {person.rows.map((row) => (
                <li
                  key={row[0]}
                  className={standings.some((p) => urgent.has(row[p.index + 1] ?? "")) ? "-ml-4 border-l-4 border-red-700 py-3 pl-3" : "py-3"}
                  data-testid="progress-course"
                >
                  {headings.map((p) => <p key={p.column.key} className="font-medium" data-field={p.column.key}>{field(row, p)}</p>)}
                  {/* Every column is in every item (an empty one stays out of sight): a course not required has no standing. */}
                  <p className={standings.some((p) => row[p.index + 1]) ? "mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" : "hidden"} data-testid="progress-standing">
                    {standings.map((p) => {
                      const text = row[p.index + 1];
                      // The label before the value (read aloud for the badge, shown for a date), the value alone in its field.
                      return (
                        <span key={p.column.key} className={text && p.column.shows !== "required" ? "text-slate-800" : undefined}>
                          {text ? <span className={p.column.shows === "required" ? "sr-only" : undefined}>{p.column.label}{p.column.shows === "required" ? ": " : " "}</span> : null}
                          <span data-field={p.column.key}>{field(row, p)}</span>
                        </span>
                      );
                    })}
                  </p>
                  {meters.length || badges.length ? (
                    <div className="mt-1 flex items-center gap-3 text-sm">
                      {meters.map((p) => <span key={p.column.key} className="min-w-0 flex-1" data-field={p.column.key}>{field(row, p)}</span>)}
                      {badges.map((p) => <span key={p.column.key} className="w-24 shrink-0 text-right text-slate-800" data-field={p.column.key}>{field(row, p)}</span>)}
                    </div>
                  ) : null}
                  {details.length ? (
                    <dl className="mt-2 grid grid-cols-3 gap-2 text-xs">
                      {details.map((p) => (
                        <div key={p.column.key} className={p.column.cardWhenSet && !row[p.index + 1] ? "hidden" : undefined}>
                          <dt className="text-slate-600">{p.column.label}</dt>
                          <dd data-field={p.column.key}>{field(row, p)}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  {certificates[row[0]!] ? (
                    <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
                      {placed.map(({ column }) => {
                        const href = certificateOf(row, column);
                        // On a card the link stands apart from its date, so it says which attempt it is.
                        const label = column.certificate === "earlier" ? "Earlier certificate (PDF)" : "Certificate (PDF)";
                        return href ? <CertificateLink key={column.key} href={href} course={whoOf(row, column)} label={label} /> : null;
                      })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
