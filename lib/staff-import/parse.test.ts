// The staff list as a school sends it: headings as spreadsheets and MIS exports write them, three delimiters,
// quoted cells, byte-order marks and UTF-16, and every bad row named by the line a person finds it on.
import { describe, expect, it } from "vitest";
import { MAX_BYTES, MAX_ROWS, parseStaffList, parseStartDate, type ParsedStaffList } from "./parse";

const utf8 = (text: string) => new TextEncoder().encode(text);

function parsed(text: string | Uint8Array) {
  const result = parseStaffList(typeof text === "string" ? utf8(text) : text);
  if ("fileProblem" in result) throw new Error(`unexpected file problem: ${result.fileProblem}`);
  return result;
}

function fileProblemOf(result: ParsedStaffList): string {
  if (!("fileProblem" in result)) throw new Error(`expected a file problem, got ${result.rows.length} rows`);
  return result.fileProblem;
}

const people = (text: string | Uint8Array) => parsed(text).rows.map((r) => [r.line, r.name, r.email]);
const problems = (text: string) => parsed(text).problems.map((p) => [p.line, p.reason]);

describe("headings", () => {
  it.each([
    ["Name,Email", "Ada Lovelace,ada@school.example"],
    ["Full name,Email address", "Ada Lovelace,ada@school.example"],
    ["  FULL NAME , E-Mail Address ", "Ada Lovelace,ada@school.example"],
    ["Staff name,Work email", "Ada Lovelace,ada@school.example"],
    ["Display Name,School Email", "Ada Lovelace,ada@school.example"],
    ["First name,Surname,Email", "Ada,Lovelace,ada@school.example"],
    ["Forename,Last Name,E-mail", "Ada,Lovelace,ada@school.example"],
    ["Legal Surname,Preferred Forename,Mail", "Lovelace,Ada,ada@school.example"],
    ["Given name,Family name,Email", "Ada,Lovelace,ada@school.example"],
  ])("reads %j", (heading, row) => {
    expect(people(`${heading}\n${row}\n`)).toEqual([[2, "Ada Lovelace", "ada@school.example"]]);
  });

  it("takes the columns in any order, ignores the others, and reads role and start date", () => {
    const result = parsed("Payroll no,Start Date,Email,Role,Name,Department\n77,01/09/2026,ADA@School.Example,Administrator,Ada Lovelace,Maths\n");
    expect(result.rows).toEqual([{ line: 2, name: "Ada Lovelace", email: "ada@school.example", role: "ADMINISTRATOR", startDate: "2026-09-01" }]);
  });

  it("prefers the full name column when there are also first and last name columns", () => {
    expect(people("First name,Last name,Name,Email\nAda,L,Ada Lovelace,ada@school.example\n")).toEqual([[2, "Ada Lovelace", "ada@school.example"]]);
  });

  it("refuses a file without an email column or a name column, saying what its first line has", () => {
    expect(fileProblemOf(parseStaffList(utf8("Name,Phone\nAda,0113\n")))).toMatch(/first line must name the columns.*\u201cName\u201d, \u201cPhone\u201d/);
    expect(fileProblemOf(parseStaffList(utf8("Email,Role\nada@school.example,Member\n")))).toMatch(/first line must name the columns/);
    expect(fileProblemOf(parseStaffList(utf8("Surname,Email\nLovelace,ada@school.example\n")))).toMatch(/first line must name the columns/);
  });

  it("refuses an empty file, and one with headings but no staff", () => {
    expect(fileProblemOf(parseStaffList(utf8("")))).toMatch(/empty/);
    expect(fileProblemOf(parseStaffList(utf8(" \n\n")))).toMatch(/empty/);
    expect(fileProblemOf(parseStaffList(utf8("Name,Email\n\n\n")))).toMatch(/no staff rows/);
  });
});

describe("delimiters and quoting", () => {
  it.each([
    ["a comma", ","],
    ["a semicolon (Excel in much of Europe)", ";"],
    ["a tab", "\t"],
  ])("reads %s", (_, d) => {
    expect(people(`Name${d}Email${d}Role\nAda Lovelace${d}ada@school.example${d}Member\nAlan Turing${d}alan@school.example${d}\n`)).toEqual([
      [2, "Ada Lovelace", "ada@school.example"],
      [3, "Alan Turing", "alan@school.example"],
    ]);
  });

  it("reads a semicolon file whose names hold commas", () => {
    expect(people("Name;Email\nLovelace, Ada;ada@school.example\n")).toEqual([[2, "Lovelace, Ada", "ada@school.example"]]);
  });

  it("reads quoted cells holding the delimiter and doubled quotes", () => {
    expect(people('Name,Email\n"Lovelace, Ada",ada@school.example\n"Ada ""Countess"" Lovelace",countess@school.example\n')).toEqual([
      [2, "Lovelace, Ada", "ada@school.example"],
      [3, 'Ada "Countess" Lovelace', "countess@school.example"],
    ]);
  });

  it("reads a quoted cell holding a line break as one row, the break a space, numbering the lines after it right", () => {
    const rows = people('Name,Email\nAda Lovelace,ada@school.example\n"Alan\nTuring",alan@school.example\nGrace Hopper,grace@school.example\n');
    expect(rows[0]).toEqual([2, "Ada Lovelace", "ada@school.example"]);
    expect(rows[1]?.slice(1)).toEqual(["Alan Turing", "alan@school.example"]);
    expect(rows[2]).toEqual([5, "Grace Hopper", "grace@school.example"]);
  });

  it("names the line a row holding a line break starts on, where a person looks for it", () => {
    // A bad row spanning lines 3-4: the editor shows its name, and the address, from line 3.
    expect(problems('Name,Email\nAda Lovelace,ada@school.example\n"Alan\nTuring",not-an-address\n')).toEqual([
      [3, "\u201cnot-an-address\u201d is not an email address."],
    ]);
  });

  it("reads Windows line endings, and counts their lines once", () => {
    expect(people("Name,Email\r\nAda Lovelace,ada@school.example\r\n\r\nAlan Turing,alan@school.example\r\n")).toEqual([
      [2, "Ada Lovelace", "ada@school.example"],
      [4, "Alan Turing", "alan@school.example"],
    ]);
  });

  it("skips blank lines and rows of empty cells, keeping the line numbers of the rows after them", () => {
    expect(people("Name,Email\n\nAda Lovelace,ada@school.example\n,,\n  \n\nAlan Turing,alan@school.example")).toEqual([
      [3, "Ada Lovelace", "ada@school.example"],
      [7, "Alan Turing", "alan@school.example"],
    ]);
    expect(problems("Name,Email\n\n\nAda Lovelace,\n")).toEqual([[4, "No email address."]]);
  });

  it("refuses a file whose quotation marks do not close, naming the line", () => {
    expect(fileProblemOf(parseStaffList(utf8('Name,Email\nAda Lovelace,ada@school.example\n"Alan Turing,alan@school.example\n')))).toMatch(/^Line 3: the file cannot be read as CSV .*quotation marks/);
  });
});

describe("encodings", () => {
  const list = "Name,Email\nZoë Brontë,zoe@school.example\nSiân O'Brien,sian@school.example\n";
  const expected = [[2, "Zoë Brontë", "zoe@school.example"], [3, "Siân O'Brien", "sian@school.example"]];

  it("reads UTF-8 with or without a byte-order mark (Excel's \u201cCSV UTF-8\u201d writes one)", () => {
    expect(people(list)).toEqual(expected);
    expect(people(utf8(`\ufeff${list}`))).toEqual(expected);
  });

  it("reads UTF-16 little-endian and big-endian with a byte-order mark (Excel's \u201cUnicode Text\u201d, tab separated)", () => {
    const tabbed = list.replaceAll(",", "\t");
    expect(people(new Uint8Array(Buffer.from(`\ufeff${tabbed}`, "utf16le")))).toEqual(expected);
    const be = Buffer.from(`\ufeff${tabbed}`, "utf16le").swap16();
    expect(people(new Uint8Array(be))).toEqual(expected);
  });

  it("refuses Windows \u201cANSI\u201d (latin-1) text, naming the first line with a byte that is not UTF-8", () => {
    const latin1 = new Uint8Array(Buffer.from("Name,Email\nAda Lovelace,ada@school.example\nZoë Brontë,zoe@school.example\n", "latin1"));
    expect(fileProblemOf(parseStaffList(latin1))).toMatch(/^Line 3: the file is not saved as UTF-8 text.*CSV UTF-8/);
  });

  it("refuses an Excel workbook, with how to save it as CSV", () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...utf8("[Content_Types].xml")]);
    expect(fileProblemOf(parseStaffList(xlsx))).toMatch(/Excel workbook \(\.xlsx\), not a CSV file.*Save As/);
  });
});

describe("limits", () => {
  const rowsOf = (n: number) => `Name,Email\n${Array.from({ length: n }, (_, i) => `Person ${i},p${i}@school.example`).join("\n")}\n`;

  it(`reads ${MAX_ROWS.toLocaleString("en-GB")} rows, and refuses one more as the whole file`, () => {
    expect(parsed(rowsOf(MAX_ROWS)).rows).toHaveLength(MAX_ROWS);
    expect(fileProblemOf(parseStaffList(utf8(rowsOf(MAX_ROWS + 1))))).toBe(
      "The file has more than 5,000 staff rows: the most is 5,000. Split it into smaller lists and import each.",
    );
  });

  it("refuses a file over 2 MB before reading it", () => {
    const big = utf8(`Name,Email\nAda Lovelace,ada@school.example,${"x".repeat(MAX_BYTES)}\n`);
    expect(big.byteLength).toBeGreaterThan(MAX_BYTES);
    expect(fileProblemOf(parseStaffList(big))).toMatch(/^The file is 2\.0 MB: the most is 2 MB/);
    // Just under 2 MB of real rows (5,000 with a long note column each) is read whole…
    const notes = Array.from({ length: MAX_ROWS }, (_, i) => `Person ${i},p${i}@school.example,${"n".repeat(380)}`).join("\n");
    const nearly = utf8(`Name,Email,Notes\n${notes}\n`);
    expect(nearly.byteLength).toBeLessThan(MAX_BYTES);
    expect(parsed(nearly).rows).toHaveLength(MAX_ROWS);
    // …but one cell of nearly 2 MB is no staff list: csv-parse stops at 20,000 characters a row.
    expect(fileProblemOf(parseStaffList(utf8(`Name,Email\nAda Lovelace,ada@school.example,${"x".repeat(MAX_BYTES - 100)}\n`)))).toMatch(/^Line 2: the file cannot be read as CSV/);
  });
});

describe("bad rows, by line number", () => {
  it("names each reason on its own line, and imports the good rows", () => {
    const text = [
      "Name,Email,Role,Start date",
      "Ada Lovelace,ada@school.example,Member,01/09/2026", // 2 good
      "Alan Turing,,Member,", // 3 no email
      "Grace Hopper,grace@school,Member,", // 4 malformed
      "Grace Hopper,grace at school.example,,", // 5 malformed
      "Ada Again,ADA@School.Example,,", // 6 duplicate of 2, case aside
      "Katherine Johnson,katherine@school.example,Headteacher,", // 7 unknown role
      ",nameless@school.example,,", // 8 no name
      "Dorothy Vaughan,dorothy@school.example,,31/02/2027", // 9 no 31 February
      "Mary Jackson,mary@school.example,,next term", // 10 not a date
      `${"A".repeat(101)},long@school.example,,`, // 11 too long a name
      "Edsger Dijkstra,edsger@school.example,administrator,2026-09-01", // 12 good
    ].join("\n");
    const result = parsed(text);
    expect(result.problems.map((p) => [p.line, p.reason, p.email])).toEqual([
      [3, "No email address.", undefined],
      [4, "\u201cgrace@school\u201d is not an email address.", "grace@school"],
      [5, "\u201cgrace at school.example\u201d is not an email address.", "grace at school.example"],
      [6, "The same email address as line 2.", "ada@school.example"],
      [7, "\u201cHeadteacher\u201d is not a role: use Member or Administrator, or leave it empty.", "katherine@school.example"],
      [8, "No name.", "nameless@school.example"],
      [9, "\u201c31/02/2027\u201d is not a date: use a date like 01/09/2026 or 2026-09-01.", "dorothy@school.example"],
      [10, "\u201cnext term\u201d is not a date: use a date like 01/09/2026 or 2026-09-01.", "mary@school.example"],
      [11, "The name is longer than 100 characters.", "long@school.example"],
    ]);
    expect(result.rows.map((r) => [r.line, r.email, r.role, r.startDate])).toEqual([
      [2, "ada@school.example", "MEMBER", "2026-09-01"],
      [12, "edsger@school.example", "ADMINISTRATOR", "2026-09-01"],
    ]);
  });

  it("names the first line of a duplicate each time it comes again", () => {
    expect(problems("Name,Email\nA,same@school.example\nB,other@school.example\nC,Same@School.example\nD, SAME@school.example \n")).toEqual([
      [4, "The same email address as line 2."],
      [5, "The same email address as line 2."],
    ]);
  });

  it("reads a role whatever its case and spaces, and an empty one as none", () => {
    const rows = parsed("Name,Email,Role\nA,a@school.example, MEMBER \nB,b@school.example,Administrator\nC,c@school.example,\n").rows;
    expect(rows.map((r) => r.role)).toEqual(["MEMBER", "ADMINISTRATOR", null]);
  });

  it("reads a name from first and last name when one of them is empty, and says when both are", () => {
    const result = parsed("First name,Surname,Email\nCher,,cher@school.example\n,Madonna,madonna@school.example\n,,nobody@school.example\n");
    expect(result.rows.map((r) => r.name)).toEqual(["Cher", "Madonna"]);
    expect(result.problems.map((p) => [p.line, p.reason])).toEqual([[4, "No name."]]);
  });

  it("lower-cases and trims addresses, and drops invisible characters pasted into them", () => {
    expect(people("Name,Email\nAda Lovelace,  Ada.Lovelace@School.Example \u200b\n")).toEqual([[2, "Ada Lovelace", "ada.lovelace@school.example"]]);
  });
});

describe("names", () => {
  it("turns control characters and line breaks into single spaces", () => {
    expect(people('Name,Email\n"Ada\t\u0007Lovelace\r\n",ada@school.example\n').map((r) => r[1])).toEqual(["Ada Lovelace"]);
  });

  it("keeps no direction override or isolate, which would print a name reversed", () => {
    const [name] = people("Name,Email\n\u202eAda Lovelace\u202c \u2066Turing\u2069,ada@school.example\n").map((r) => r[1] as string);
    expect(name).toBe("Ada Lovelace Turing");
    expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it("drops an invisible character inside a word instead of splitting the word in two", () => {
    // A zero-width space copied from a web page, or a stray direction mark, must not print "Zo ë".
    expect(people("Name,Email\nZo\u200bë Bront\u200eë,zoe@school.example\n").map((r) => r[1])).toEqual(["Zoë Brontë"]);
  });

  it("normalises to NFC, so the same name typed two ways compares equal", () => {
    expect(people("Name,Email\nZoe\u0308,zoe@school.example\n").map((r) => r[1])).toEqual(["Zo\u00eb"]);
  });
});

describe("start dates", () => {
  it.each([
    ["01/09/2026", "2026-09-01"],
    ["1/9/2026", "2026-09-01"],
    ["2026-09-01", "2026-09-01"],
    ["2026-9-1", "2026-09-01"],
    ["01-09-2026", "2026-09-01"],
    ["01.09.2026", "2026-09-01"],
    [" 01/09/2026 ", "2026-09-01"],
    ["01/09/2026 00:00", "2026-09-01"],
    ["01/09/2026 08:30:00", "2026-09-01"],
    ["2026-09-01T00:00:00", "2026-09-01"],
    ["29/02/2028", "2028-02-29"],
    ["31/12/2026", "2026-12-31"],
  ])("reads %j as %s (day first, as in England)", (text, iso) => {
    expect(parseStartDate(text)).toBe(iso);
  });

  it.each(["31/02/2026", "29/02/2027", "2026-02-30", "31/04/2026", "13/13/2026", "00/09/2026", "09/2026", "2026", "01/09/26", "1 September 2026", "01/09/1900", "01/09/2200", "tomorrow"])(
    "refuses %j",
    (text) => {
      expect(parseStartDate(text)).toBeNull();
    },
  );
});
