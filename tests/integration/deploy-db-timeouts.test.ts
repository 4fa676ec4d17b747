// The app's pool has limits on the way to the database: a database that does not answer fails a request in
// about a second, a statement that runs too long is cancelled, and a transaction left open is ended.
import { createServer, type Server, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Short limits for this file only: env() reads them on first use, after these lines.
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "500";
process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = "500";

const { db, poolConfig } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { PrismaClient } = await import("@/lib/generated/prisma/client");

async function elapsed(work: () => Promise<unknown>) {
  const started = Date.now();
  const error = await work().then(() => null, (caught: unknown) => caught);
  return { ms: Date.now() - started, error: error as Error | null };
}

function clientFor(url: string) {
  return new PrismaClient({ adapter: new PrismaPg(new pg.Pool(poolConfig({ ...env(), DATABASE_URL: url }))) });
}

// A host that accepts connections and never answers: what a database behind a dead network looks like.
let silent: Server;
const sockets: Socket[] = [];
let silentPort = 0;
beforeAll(async () => {
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await new Promise((resolve) => silent.close(resolve));
});

describe("the app's pool", () => {
  it("sends the statement and idle-in-transaction limits on a direct URL, and not through a pooler that would refuse them", () => {
    const direct = poolConfig({ ...env(), DATABASE_URL: "postgresql://u:p@db.example:5432/app" });
    expect(direct).toMatchObject({ statement_timeout: 500, idle_in_transaction_session_timeout: 500, connectionTimeoutMillis: 5_000 });
    const pooled = poolConfig({ ...env(), DATABASE_URL: "postgresql://u:p@db-pooler.example/app" });
    expect(pooled).not.toHaveProperty("statement_timeout");
    expect(pooled).not.toHaveProperty("idle_in_transaction_session_timeout");
    expect(pooled).toMatchObject({ connectionTimeoutMillis: 5_000, idleTimeoutMillis: 10_000 });
  });

  it("answers within about a second when the database does not answer at all", async () => {
    const client = clientFor(`postgresql://u:p@127.0.0.1:${silentPort}/app`);
    try {
      const { ms, error } = await elapsed(() => client.$queryRaw`SELECT 1`);
      expect(error).not.toBeNull();
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(2_000);
    } finally {
      await client.$disconnect();
    }
  });

  it("waits for a free connection under load longer than it waits for the database to answer", async () => {
    const settings = { ...env(), DATABASE_POOL_MAX: 1, DATABASE_STATEMENT_TIMEOUT_MS: 5_000 };
    const client = new PrismaClient({ adapter: new PrismaPg(new pg.Pool(poolConfig(settings))) });
    try {
      const busy = client.$queryRaw`SELECT pg_sleep(1.5)::text AS slept`.then((rows) => rows); // then(): a Prisma query starts when asked for its result
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { ms, error } = await elapsed(() => client.$queryRaw`SELECT 1`);
      await busy;
      expect(error).toBeNull();
      expect(ms).toBeGreaterThan(1_200);
    } finally {
      await client.$disconnect();
    }
  });

  it("answers at once when the database is stopped (nothing listens)", async () => {
    const port = silentPort;
    const stopped = createServer();
    // A port that was free a moment ago: take one, release it, and connect to it.
    await new Promise<void>((resolve) => stopped.listen(0, "127.0.0.1", resolve));
    const closedPort = (stopped.address() as { port: number }).port;
    await new Promise((resolve) => stopped.close(resolve));
    expect(closedPort).not.toBe(port);
    const client = clientFor(`postgresql://u:p@127.0.0.1:${closedPort}/app`);
    try {
      const { ms, error } = await elapsed(() => client.$queryRaw`SELECT 1`);
      expect(error).not.toBeNull();
      expect(ms).toBeLessThan(1_000);
    } finally {
      await client.$disconnect();
    }
  });

  it("has PostgreSQL cancel a statement that runs past the statement timeout", async () => {
    const { ms, error } = await elapsed(() => db.$queryRaw`SELECT pg_sleep(5)`);
    expect(error?.message).toMatch(/statement timeout/);
    expect(ms).toBeLessThan(2_000);
    // The connection is still good for the next request.
    expect(await db.$queryRaw`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
  });

  it("has PostgreSQL end a transaction left open, releasing its locks", async () => {
    const pool = new pg.Pool(poolConfig());
    pool.on("error", () => {}); // the server ends the idle session: expected here
    const client = await pool.connect();
    client.on("error", () => {});
    try {
      await client.query("BEGIN");
      await client.query(`SELECT 1 FROM "Organisation" LIMIT 1 FOR UPDATE`);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      await expect(client.query("SELECT 1")).rejects.toThrow();
    } finally {
      client.release(true);
      await pool.end();
    }
  });
});
