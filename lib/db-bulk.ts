import "server-only";
import type { Tx } from "./db";

/** A column of a bulk insert: its name, and the PostgreSQL type its values are sent as ("uuid", "text", "\"Role\""…). */
export type BulkColumn = { name: string; type: string };

const PER_STATEMENT = 5000;

/**
 * Inserts many rows in one statement per 5,000 (`INSERT … SELECT … FROM unnest($1::t1[], $2::t2[]…)`): one bound
 * array per column, however many rows, where createMany binds every value and took about a second per 5,000 rows
 * (a staff list's new accounts). Dates go as ISO strings into `timestamp(3)` (UTC, as Prisma stores them); JSON as
 * text into `jsonb`. Columns not named get their database defaults; Prisma-only defaults (@default(uuid())) do not
 * exist in the database, so such ids must be given.
 */
export async function insertRows(tx: Tx, table: string, columns: BulkColumn[], rows: unknown[][]): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type === "jsonb" ? "text" : c.type}[]`).join(", ");
  const values = columns.map((c, i) => (c.type === "jsonb" ? `c${i}::jsonb` : `c${i}`)).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${values} FROM unnest(${arrays}) AS t(${aliases})`;
  for (let start = 0; start < rows.length; start += PER_STATEMENT) {
    const chunk = rows.slice(start, start + PER_STATEMENT);
    const params = columns.map((c, i) =>
      chunk.map((row) => {
        const value = row[i];
        if (value === null || value === undefined) return null;
        if (value instanceof Date) return value.toISOString();
        return c.type === "jsonb" ? JSON.stringify(value) : value;
      }),
    );
    await tx.$executeRawUnsafe(sql, ...params);
  }
}
