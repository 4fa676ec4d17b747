// What both benchmarks (bench:progress, bench:trust) stand on: a throwaway PostgreSQL that counts its own
// statements, the production build served by `next start` on it, signed-in sessions made as sign-in makes
// them, and the measurements taken over HTTP (a page render, the statements a render runs, a streamed
// download with the server's memory sampled while it streams).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { percentile, rssOfTree, type Sample } from "./bench-measure";
import { freePort, startEmbeddedDatabase } from "./embedded-db";
import { migrate } from "./migrate";

const COOKIE = "authjs.session-token";

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
export const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** One figure: its label, its value and, when it has a target, whether the target is met. */
export function line(label: string, value: string, target?: boolean) {
  console.log(`  ${label.padEnd(62)} ${value}${target === undefined ? "" : target ? "   ✓ target met" : "   ✗ target missed"}`);
}

export function machine(): string {
  return `${os.cpus().length} cores · load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => spawn(command, args, { stdio: "inherit", env }).on("exit", (code) => resolve(code ?? 1)));
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

export type Bench = {
  databaseUrl: string;
  /** A connection of the benchmark's own, for generating data and reading pg_stat_statements. */
  admin: pg.Client;
  /** The environment the server runs with (for helper processes that read the same database). */
  env: NodeJS.ProcessEnv;
  /** Starts the production build (building it first unless --no-build) and returns its base URL. */
  serve(): Promise<string>;
  /** The headers of a signed-in browser: a Session row and a cookie carrying its id, as sign-in makes them. */
  signIn(userId: string): Promise<{ sid: string; headers: Record<string, string> }>;
  /** The server's resident memory with its children, in bytes. */
  serverRss(): number;
};

/**
 * Runs `body` against a throwaway database with pg_stat_statements and stops everything afterwards,
 * whatever happens; exits non-zero when the body throws.
 */
export async function runBench(args: string[], body: (bench: Bench) => Promise<void>): Promise<never> {
  const database = await startEmbeddedDatabase({
    throwaway: true,
    quiet: true,
    postgresFlags: ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top", "-c", "max_connections=50"],
  });
  const secret = randomBytes(32).toString("base64url");
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: secret, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  let server: ChildProcess | null = null;
  let exitCode = 0;
  const admin = new pg.Client({ connectionString: database.url });
  try {
    await migrate(database.url);
    await admin.connect();
    await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await body({
      databaseUrl: database.url,
      admin,
      env,
      async serve() {
        if (!args.includes("--no-build")) {
          if ((await run("npx", ["next", "build"], env)) !== 0) throw new Error("next build failed");
        } else if (!existsSync(".next/BUILD_ID")) {
          throw new Error("--no-build, but there is no build in .next: run without it");
        }
        const port = await freePort();
        server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
        const base = `http://127.0.0.1:${port}`;
        await waitFor(`${base}/sign-in`, server);
        return base;
      },
      async signIn(userId) {
        const { rows } = await admin.query<{ id: string }>(
          `INSERT INTO "Session" (id, "userId", "createdAt", "expiresAt") VALUES (gen_random_uuid(), $1, now(), now() + interval '1 day') RETURNING id`,
          [userId],
        );
        const sid = rows[0]!.id;
        return { sid, headers: { cookie: `${COOKIE}=${await encode({ token: { sub: userId, sid }, secret, salt: COOKIE, maxAge: 3600 })}` } };
      },
      serverRss: () => (server?.pid ? rssOfTree(server.pid) : 0),
    });
  } catch (error) {
    console.error(error);
    exitCode = 1;
  } finally {
    await admin.end().catch(() => {});
    const running = server as ChildProcess | null;
    if (running?.pid && running.exitCode === null) {
      running.kill("SIGTERM");
      await new Promise((r) => running.once("exit", r));
    }
    await database.stop();
  }
  process.exit(exitCode);
}

/** One page over HTTP, in ms; it must answer 200 and show `mustShow` (a refused or broken page is no figure). */
export async function renderPage(url: string, headers: Record<string, string>, mustShow: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  const html = await response.text();
  const elapsed = performance.now() - t0;
  if (response.status !== 200 || !html.includes(mustShow)) throw new Error(`${url} answered ${response.status}${response.status === 200 ? ` without "${mustShow}"` : ""}`);
  return elapsed;
}

/** p50 and p95 of `times` runs of `fn`, one after another. */
export async function timesOf(times: number, fn: () => Promise<number>): Promise<{ p50: number; p95: number; samples: Sample[] }> {
  const samples: Sample[] = [];
  for (let i = 0; i < times; i++) samples.push(await fn());
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples };
}

/** The SQL statements one render runs, counted by PostgreSQL itself over five renders. */
export async function statementsPerRender(admin: pg.Client, fn: () => Promise<unknown>): Promise<{ perRender: number; rows: { calls: number; query: string }[] }> {
  await admin.query("SELECT pg_stat_statements_reset()");
  for (let i = 0; i < 5; i++) await fn();
  const rows = (await admin.query<{ calls: string; query: string }>(`
    SELECT calls, query FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC`)).rows.map((r) => ({ calls: Number(r.calls), query: r.query }));
  return { perRender: rows.reduce((sum, r) => sum + r.calls, 0) / 5, rows };
}

export function printStatements(rows: { calls: number; query: string }[]) {
  for (const r of rows) console.log(`    ${String(r.calls / 5).padStart(3)} × ${r.query.replace(/\s+/g, " ").slice(0, 120)}…`);
}

/** A streamed download over HTTP: its lines (less the header), bytes and time, and the server's RSS growth meanwhile. */
export async function download(bench: Bench, url: string, headers: Record<string, string>, contentType = "text/csv"): Promise<{ rows: number; bytes: number; elapsed: number; growth: number }> {
  const before = bench.serverRss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, bench.serverRss())), 5);
  const t0 = performance.now();
  try {
    // Not followed: a refused or expired session is a redirect to the sign-in page, whose lines are no rows.
    const response = await fetch(url, { headers, redirect: "manual" });
    if (response.status !== 200 || !response.headers.get("content-type")?.startsWith(contentType)) {
      throw new Error(`${url} answered ${response.status} ${response.headers.get("content-type") ?? ""}`);
    }
    let bytes = 0;
    let rows = -1; // the header line
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 10) rows++;
    }
    return { rows, bytes, elapsed: performance.now() - t0, growth: Math.max(0, peak - before) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The live heap an export keeps, measured in a process of its own that collects garbage at every chunk
 * (RSS includes garbage not yet collected, which grows with how long the export runs). `script` prints
 * its figures as the last line of JSON.
 */
export function liveHeapOf<T>(bench: Bench, script: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    let text = "";
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "--import", "./scripts/server-only-loader.mjs", script, ...args], { env: bench.env, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.on("data", (chunk) => (text += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(text.trim().split("\n").pop()!) as T) : reject(new Error(`${script} exited ${code}`))));
  });
}
