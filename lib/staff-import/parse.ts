// Reading a school's staff list: a CSV of name, email, role (optional) and start date (optional), as saved by a
// spreadsheet or exported from a school's MIS. Parsing is csv-parse's; this module decides what the columns mean
// and what is wrong with each row, by line number. Pure: no database, so unit tests read it directly.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Role } from "../generated/prisma/enums";
import { roleLabels } from "../labels";
import { cleanPersonName, UNPRINTABLE } from "../person-name";

export const MAX_ROWS = 5000;
export const MAX_BYTES = 2 * 1024 * 1024;
export const MAX_NAME = 100;

export type StaffRow = { line: number; name: string; email: string; role: Role | null; startDate: string | null };
/** A row that cannot be imported as it is. Line 0 is the file as a whole. */
export type BadRow = { line: number; reason: string; email?: string };
export type ParsedStaffList = { rows: StaffRow[]; problems: BadRow[] } | { fileProblem: string };

const SAVE_AS_UTF8 = "In Excel choose File \u203a Save As \u203a \u201cCSV UTF-8 (Comma delimited)\u201d, then upload that file.";

/** The column each heading means, after lower-casing and dropping everything but letters. */
const HEADINGS: Record<string, "name" | "first" | "last" | "email" | "role" | "startDate"> = {
  name: "name", fullname: "name", staffname: "name", displayname: "name", legalname: "name",
  firstname: "first", forename: "first", givenname: "first", preferredforename: "first", preferredfirstname: "first",
  lastname: "last", surname: "last", familyname: "last", legalsurname: "last", preferredsurname: "last",
  email: "email", emailaddress: "email", workemail: "email", workemailaddress: "email", schoolemail: "email", mail: "email",
  role: "role", schootrole: "role",
  startdate: "startDate", start: "startDate", started: "startDate", dateofjoining: "startDate", joined: "startDate", employmentstartdate: "startDate",
};

/** A role as a list writes it: its label, in any case ("member", "Administrator"). */
const ROLES = new Map(Object.entries(roleLabels).map(([role, label]) => [label.toLowerCase(), role as Role]));
const ROLE_WORDS = Object.values(roleLabels).join(" or ");
const email = z.email();

/** The text of the file, or why it cannot be read: UTF-8 (with or without a byte-order mark) or UTF-16 with one. */
export function decodeStaffList(bytes: Uint8Array): { text: string } | { fileProblem: string } {
  if (bytes.byteLength > MAX_BYTES) {
    return { fileProblem: `The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB: the most is 2 MB. Remove columns other than name, email, role and start date, or split the list.` };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { fileProblem: `This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_UTF8}` };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    // Say where: the first line holding a byte that is not UTF-8 (most often a Windows "ANSI" é or £).
    const lines = new TextDecoder("utf-8").decode(bytes).split(/\r\n|\n|\r/);
    const line = lines.findIndex((l) => l.includes("\ufffd")) + 1;
    return { fileProblem: `${line ? `Line ${line}: ` : ""}the file is not saved as UTF-8 text, so names with accents would come out wrong. ${SAVE_AS_UTF8}` };
  }
}

/** The delimiter the heading line uses most: a comma, a semicolon (Excel in much of Europe) or a tab. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r|\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A cell as a message quotes it: short, and with nothing a terminal or a page would act on (escape codes, direction marks). */
function quoted(value: string, max: number): string {
  return `\u201c${value.replace(UNPRINTABLE, "").slice(0, max)}\u201d`;
}


/** A start date as YYYY-MM-DD: 01/09/2026 (England's order), 1/9/2026, 2026-09-01, 01-09-2026 or 01.09.2026, a time after it ignored. */
export function parseStartDate(value: string): string | null {
  const text = value.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, "");
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [y, m, d] = match ? [match[1], match[2], match[3]] : ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)) ? [match[3], match[2], match[1]] : []);
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  if (Number(y) < 1950 || Number(y) > 2100) return null;
  return date.toISOString().slice(0, 10);
}

export function parseStaffList(bytes: Uint8Array): ParsedStaffList {
  const decoded = decodeStaffList(bytes);
  if ("fileProblem" in decoded) return decoded;
  const text = decoded.text.replace(/^\ufeff/, "");
  if (!text.trim()) return { fileProblem: "The file is empty. The first line names the columns: name, email, role (optional), start date (optional)." };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    // At most one record past the limit is read (`to`), and no record may be huge: a 2 MB file of short lines must
    // not become a million objects before the row count is checked.
    records = parse(text, {
      delimiter: delimiterOf(text), info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: false,
      to: MAX_ROWS + 2, max_record_size: 20_000,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { fileProblem: `${line ? `Line ${line}: ` : ""}the file cannot be read as CSV (${error instanceof Error ? error.message.replace(/^Invalid [^:]*:\s*/, "").replace(UNPRINTABLE, "").slice(0, 120) : "unreadable"}). Check quotation marks, or save it again from the spreadsheet as CSV.` };
  }
  const [heading, ...body] = records;
  if (!heading) return { fileProblem: "The file is empty." };
  if (body.length > MAX_ROWS) {
    return { fileProblem: `The file has more than ${MAX_ROWS.toLocaleString("en-GB")} staff rows: the most is ${MAX_ROWS.toLocaleString("en-GB")}. Split it into smaller lists and import each.` };
  }

  const columns: Partial<Record<"name" | "first" | "last" | "email" | "role" | "startDate", number>> = {};
  heading.record.forEach((cell, index) => {
    const key = HEADINGS[cell.toLowerCase().replace(/[^a-z]/g, "")];
    if (key && columns[key] === undefined) columns[key] = index;
  });
  const found = heading.record.map((c) => quoted(c, 40)).join(", ");
  if (columns.email === undefined || (columns.name === undefined && columns.first === undefined)) {
    return { fileProblem: `The first line must name the columns: name (or first name and last name), email, and optionally role and start date. This file's first line has ${found || "nothing"}.` };
  }

  const rows: StaffRow[] = [];
  const problems: BadRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    // csv-parse counts the line a record ends on; a person looks for the line it starts on.
    const line = info.lines - record.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    const cell = (index: number | undefined) => (index === undefined ? "" : (record[index] ?? "").trim());
    if (record.every((c) => !c.trim())) continue;
    const rawEmail = cell(columns.email);
    const address = rawEmail.replace(UNPRINTABLE, "").trim().toLowerCase();
    const name = cleanPersonName(columns.name !== undefined ? cell(columns.name) : `${cell(columns.first)} ${cell(columns.last)}`);
    const roleText = cell(columns.role);
    const dateText = cell(columns.startDate);
    const problem = (reason: string) => problems.push({ line, reason, ...(address ? { email: address.slice(0, 254) } : {}) });

    if (!address) { problem("No email address."); continue; }
    if (address.length > 254 || !email.safeParse(address).success) { problem(`${quoted(rawEmail, 80)} is not an email address.`); continue; }
    const earlier = seen.get(address);
    if (earlier !== undefined) { problem(`The same email address as line ${earlier}.`); continue; }
    seen.set(address, line);
    if (!name) { problem("No name."); continue; }
    if (name.length > MAX_NAME) { problem(`The name is longer than ${MAX_NAME} characters.`); continue; }
    const role = roleText ? ROLES.get(roleText.toLowerCase()) : null;
    if (role === undefined) { problem(`${quoted(roleText, 40)} is not a role: use ${ROLE_WORDS}, or leave it empty.`); continue; }
    const startDate = dateText ? parseStartDate(dateText) : null;
    if (dateText && !startDate) { problem(`${quoted(dateText, 40)} is not a date: use a date like 01/09/2026 or 2026-09-01.`); continue; }
    rows.push({ line, name, email: address, role, startDate });
  }
  if (!rows.length && !problems.length) return { fileProblem: "The file names its columns but has no staff rows." };
  return { rows, problems };
}
