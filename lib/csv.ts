// CSV that Excel opens as it is: UTF-8 with a byte-order mark, CRLF line ends (RFC 4180), ISO dates.

export const BYTE_ORDER_MARK = "\uFEFF";

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection):
// a name like "=HYPERLINK(...)" is written with a leading apostrophe so it stays text.
const formulaStart = /^[=+\-@\t\r]/;

// Quoted when the cell holds a quote, a line break, or the list separator of any common locale: a comma, the
// semicolon that Excel uses where the decimal mark is a comma (most of Europe), or a tab. Unquoted, "x;=1+2"
// would split into a second cell there, and that cell would start with "=".
const needsQuotes = /[",;\t\r\n]/;

export function csvField(value: string | number): string {
  const text = typeof value === "number" ? String(value) : formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

const isoDateFormat = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/London" });

/** YYYY-MM-DD on the date the table shows (UK time), or empty. */
export function isoDate(date: Date | null | undefined): string {
  return date ? isoDateFormat.format(date) : "";
}

/** A file name's part from a name: "St Anne's Primary" → "st-anne-s-primary". */
export function fileSlug(name: string, fallback: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || fallback;
}

/**
 * A CSV download as a stream: the header first, then one batch at a time, read only when the reader wants more,
 * so a slow download holds one batch and never the whole table. A failure mid-way is reported and ends the stream.
 */
export function csvStream<T>(header: string[], batches: AsyncGenerator<T[], unknown, unknown>, toLine: (row: T) => string, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BYTE_ORDER_MARK + csvLine(header)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(toLine).join("")));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
