import "server-only";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void };

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a reader that stops early never awaits the last one
  return { promise, resolve, reject };
}

/**
 * Runs `sql` once, under a server-side cursor in a read-only transaction, and hands its rows out
 * `batchSize` at a time, only as they are asked for. PostgreSQL sorts once and the app holds one batch,
 * so time grows with the rows and memory does not. The transaction (and its connection) lives until the
 * reader finishes or stops, at most `timeoutMs`.
 */
export async function* readByCursor<T>(sql: Prisma.Sql, batchSize: number, timeoutMs = 120_000): AsyncGenerator<T[]> {
  let demand = deferred<boolean>(); // the reader wants another batch (true) or is done (false)
  let batch = deferred<T[] | null>(); // the next batch, or null at the end
  const transaction = db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      await tx.$executeRaw`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`;
      while (await demand.promise) {
        demand = deferred();
        const rows = await tx.$queryRaw<T[]>`FETCH FORWARD ${Prisma.raw(String(Math.trunc(batchSize)))} FROM export_cursor`;
        const current = batch;
        batch = deferred();
        current.resolve(rows.length ? rows : null);
        if (!rows.length) return;
      }
    },
    { timeout: timeoutMs, maxWait: 10_000 },
  );
  transaction.catch((error) => batch.reject(error));
  try {
    for (;;) {
      demand.resolve(true);
      const rows = await batch.promise;
      if (!rows) break;
      yield rows;
    }
  } finally {
    demand.resolve(false);
    await transaction.catch(() => {});
  }
}
