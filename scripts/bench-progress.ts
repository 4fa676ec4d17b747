// `npm run bench:progress [-- --no-build] [--renders 60]`: measures a school's progress view on its own
// throwaway PostgreSQL (with pg_stat_statements) filled by scripts/bench-data.ts, against the production
// build served by `next start`, signed in with a session cookie minted with the app's own secret.
// Prints: statements per render at page sizes 10, 50 and 200; page-1 render time p50/p95 over HTTP; the
// same data read with hand-written SQL through raw `pg` (the floor) and the ratio; the CSV export of all
// 10,000 rows (time, and the server's peak memory beside a 400-row export); the EXPLAIN of the page query.
// A script, not a test: timings depend on the machine, so it reports and marks each target, nothing more.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import { encode } from "next-auth/jwt";
import pg from "pg";
import type { SchoolProgressScope } from "../lib/access";
import { progressRowsSql, progressSummarySql } from "../lib/progress/sql";
import { parseProgressQuery } from "../lib/progress/query";
import { addLargeSchool, generateBenchData } from "./bench-data";
import { freePort, startEmbeddedDatabase } from "./embedded-db";
import { migrate } from "./migrate";
import { runFloor } from "./bench-floor";
import { percentile, rssOfTree, type Sample } from "./bench-measure";

const args = process.argv.slice(2);
const RENDERS = args.includes("--renders") ? Math.max(50, Number(args[args.indexOf("--renders") + 1]) || 0) : 60;
const AUTH_SECRET = randomBytes(32).toString("base64url");
const COOKIE = "authjs.session-token";

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => spawn(command, commandArgs, { stdio: "inherit", env }).on("exit", (code) => resolve(code ?? 1)));
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

const line = (label: string, value: string, target?: boolean) => console.log(`  ${label.padEnd(46)} ${value}${target === undefined ? "" : target ? "   ✓ target met" : "   ✗ target missed"}`);
const ms = (n: number) => `${n.toFixed(1)} ms`;

const database = await startEmbeddedDatabase({
  throwaway: true,
  quiet: true,
  postgresFlags: ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top", "-c", "max_connections=50"],
});
let server: ChildProcess | null = null;
let exitCode = 0;
try {
  console.log(`Benchmark of a school's progress view · ${os.cpus().length} cores · load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  await migrate(database.url);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

  const started = performance.now();
  const data = await generateBenchData(database.url);
  console.log(`Generated ${data.enrolments.toLocaleString("en-GB")} enrolments and ${data.completions.toLocaleString("en-GB")} lesson completions in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (!args.includes("--no-build")) {
    if ((await run("npx", ["next", "build"], env)) !== 0) throw new Error("next build failed");
  } else if (!existsSync(".next/BUILD_ID")) {
    throw new Error("--no-build, but there is no build in .next: run without it");
  }
  const port = await freePort();
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/sign-in`, server);

  // A signed-in browser: a Session row (lib/sessions.ts) and a cookie that carries its id, as sign-in makes them.
  const sessionCookie = async (userId: string) => {
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO "Session" (id, "userId", "createdAt", "expiresAt") VALUES (gen_random_uuid(), $1, now(), now() + interval '1 hour') RETURNING id`,
      [userId],
    );
    return `${COOKIE}=${await encode({ token: { sub: userId, sid: rows[0]!.id }, secret: AUTH_SECRET, salt: COOKIE, maxAge: 3600 })}`;
  };
  const headers = { cookie: await sessionCookie(data.leadId) };
  const pageUrl = (search = "") => `${base}/courses/progress/${data.bigSchoolId}${search}`;
  async function render(url: string): Promise<number> {
    const t0 = performance.now();
    const response = await fetch(url, { headers, redirect: "manual" });
    const html = await response.text();
    const elapsed = performance.now() - t0;
    if (response.status !== 200 || !html.includes("Bench School 01")) throw new Error(`${url} answered ${response.status}`);
    return elapsed;
  }
  for (let i = 0; i < 15; i++) await render(pageUrl()); // warm the server and the database caches

  // 1. Statements per render, counted by PostgreSQL itself.
  console.log("\nSQL statements per page render (pg_stat_statements, 5 renders each)");
  const perSize: number[] = [];
  let breakdown: { calls: number; query: string }[] = [];
  for (const size of [10, 50, 200]) {
    await admin.query("SELECT pg_stat_statements_reset()");
    for (let i = 0; i < 5; i++) await render(pageUrl(`?size=${size}`));
    const rows = (await admin.query<{ calls: string; query: string }>(`
      SELECT calls, query FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT ILIKE '%pg_stat_statements%' ORDER BY calls DESC`)).rows.map((r) => ({ calls: Number(r.calls), query: r.query }));
    const perRender = rows.reduce((sum, r) => sum + r.calls, 0) / 5;
    perSize.push(perRender);
    if (size === 50) breakdown = rows;
    line(`page size ${size}`, `${perRender} statements`);
  }
  // A page after a cursor (its position counted in the summary statement) and the last page.
  const firstHtml = await (await fetch(pageUrl(), { headers })).text();
  const nextSearch = /href="[^"?]*(\?[^"]*after=[^"]+)"/.exec(firstHtml)?.[1]?.replace(/&amp;/g, "&");
  if (!nextSearch) throw new Error("page 1 offers no next page");
  for (const [label, search] of [["page 2 (after a cursor)", nextSearch], ["the last page", "?page=last"]] as const) {
    await admin.query("SELECT pg_stat_statements_reset()");
    for (let i = 0; i < 5; i++) await render(pageUrl(search));
    const calls = (await admin.query<{ calls: string }>(`
      SELECT calls FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT ILIKE '%pg_stat_statements%'`)).rows.reduce((sum, r) => sum + Number(r.calls), 0) / 5;
    perSize.push(calls);
    line(label, `${calls} statements`);
  }
  line("constant across sizes and pages, at most 6", perSize.join(" / "), perSize.every((n) => n === perSize[0]) && perSize[0]! <= 6);
  for (const r of breakdown) console.log(`    ${String(r.calls / 5).padStart(3)} × ${r.query.replace(/\s+/g, " ").slice(0, 110)}…`);

  // 2. Page 1 over HTTP.
  console.log(`\nPage 1 (50 rows, sorted by name, of 10,000 enrolments): ${RENDERS} requests over HTTP to next start`);
  const renders: Sample[] = [];
  for (let i = 0; i < RENDERS; i++) renders.push(await render(pageUrl()));
  const p50 = percentile(renders, 50);
  line("server render p50", ms(p50), p50 <= 150);
  line("server render p95", ms(percentile(renders, 95)));
  const lastPage: Sample[] = [];
  for (let i = 0; i < 20; i++) lastPage.push(await render(pageUrl("?page=last")));
  line("last page p50", ms(percentile(lastPage, 50)));
  const filtered: Sample[] = [];
  for (let i = 0; i < 20; i++) filtered.push(await render(pageUrl("?status=in-progress&sort=activity&dir=desc")));
  line("filtered (in progress, by last activity) p50", ms(percentile(filtered, 50)));

  // 3. The floor: the same data with hand-written SQL through raw pg.
  console.log(`\nThe floor: the same data through raw pg, hand-written SQL, ${RENDERS} times`);
  const floor = await runFloor(database.url, data, RENDERS);
  line("everything the page reads, p50", ms(floor.all.p50));
  line("rows + summary only, p50", ms(floor.core.p50));
  for (const [name, p] of Object.entries(floor.each)) line(`  ${name} alone, p50`, ms(p));
  line("ratio page p50 / floor p50 (everything)", `${(p50 / floor.all.p50).toFixed(2)}×`, p50 / floor.all.p50 <= 3);
  line("ratio page p50 / floor p50 (rows + summary)", `${(p50 / floor.core.p50).toFixed(2)}×`);

  // 4. The CSV export, with the server's memory sampled while it streams.
  console.log("\nCSV export over HTTP (server RSS sampled every 5 ms)");
  async function exportOnce(schoolId: string, search: string, cookie = headers) {
    const before = rssOfTree(server!.pid!);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssOfTree(server!.pid!))), 5);
    const t0 = performance.now();
    const response = await fetch(`${base}/courses/progress/${schoolId}/export${search}`, { headers: cookie });
    let bytes = 0;
    let rows = -1; // the header line
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 10) rows++;
    }
    const elapsed = performance.now() - t0;
    clearInterval(timer);
    if (response.status !== 200) throw new Error(`export answered ${response.status}`);
    return { rows, bytes, elapsed, growth: Math.max(0, peak - before) };
  }
  const three = async (schoolId: string, search: string, cookie = headers) => {
    const runs = [await exportOnce(schoolId, search, cookie), await exportOnce(schoolId, search, cookie), await exportOnce(schoolId, search, cookie)];
    return { rows: runs[0]!.rows, bytes: runs[0]!.bytes, elapsed: [...runs.map((r) => r.elapsed)].sort((a, b) => a - b)[1]!, growth: Math.max(...runs.map((r) => r.growth)) };
  };
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  await exportOnce(data.bigSchoolId, ""); // warm
  const small = await three(data.bigSchoolId, `?course=${data.firstCourseId}`);
  const full = await three(data.bigSchoolId, "");
  line(`all ${full.rows.toLocaleString("en-GB")} rows of a school (${mb(full.bytes)}), median of 3`, ms(full.elapsed), full.elapsed < 2000 && full.rows === 10000);
  line(`one course, ${small.rows} rows, median of 3`, ms(small.elapsed));
  // The trust overview's export of every enrolment of every school in the trust, streamed the same way.
  {
    const before = rssOfTree(server!.pid!);
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, rssOfTree(server!.pid!))), 5);
    const t0 = performance.now();
    const response = await fetch(`${base}/courses/overview/${data.trustId}/enrolments-export`, { headers });
    let rows = -1;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) rows++;
    }
    clearInterval(timer);
    if (response.status !== 200) throw new Error(`trust export answered ${response.status}`);
    line(`trust export, every enrolment: ${rows.toLocaleString("en-GB")} rows`, `${ms(performance.now() - t0)}, RSS growth ${mb(Math.max(0, peak - before))}`);
  }
  // Memory: the same export at 400, 10,000 and 40,000 rows (a larger school added only now, so the
  // figures above are on the data). Streamed a batch at a time, the peak must not grow with rows.
  const large = await addLargeSchool(database.url);
  const headCookie = { cookie: await sessionCookie(large.headId) };
  await exportOnce(large.schoolId, "", headCookie); // warm
  const huge = await three(large.schoolId, "", headCookie);
  line(`all ${huge.rows.toLocaleString("en-GB")} rows of a larger school, median of 3`, ms(huge.elapsed));
  line("next-server peak RSS growth (max of 3), 400 rows", mb(small.growth));
  line("next-server peak RSS growth (max of 3), 10,000 rows", mb(full.growth));
  line("next-server peak RSS growth (max of 3), 40,000 rows", mb(huge.growth));
  // RSS includes garbage not yet collected, which grows with how long the export runs. What the export
  // keeps alive is measured in a process of its own that collects garbage at every chunk.
  const live = async (viewerId: string, schoolId: string, search: string) => {
    const output = await new Promise<string>((resolve, reject) => {
      let text = "";
      const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "--import", "./scripts/bench-server-only.mjs", "scripts/bench-export-memory.ts", viewerId, schoolId, search], { env, stdio: ["ignore", "pipe", "inherit"] });
      child.stdout.on("data", (chunk) => (text += chunk));
      child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`export memory check exited ${code}`))));
    });
    return JSON.parse(output.trim().split("\n").pop()!) as { rows: number; liveHeapPeak: number; lateGrowth: number };
  };
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const live400 = await live(data.leadId, data.bigSchoolId, `course=${data.firstCourseId}`);
  const live10k = await live(data.leadId, data.bigSchoolId, "");
  const live40k = await live(large.headId, large.schoolId, "");
  line(`live heap kept by the export, ${live400.rows} rows`, kb(live400.liveHeapPeak));
  line(`live heap kept by the export, ${live10k.rows.toLocaleString("en-GB")} rows`, kb(live10k.liveHeapPeak));
  line(`live heap kept by the export, ${live40k.rows.toLocaleString("en-GB")} rows`, kb(live40k.liveHeapPeak));
  line("live heap growth, first two batches to the last 20,000 rows", kb(live40k.lateGrowth));
  line("flat: 40,000 rows keep under 4 MB, not growing as rows stream", `${kb(live40k.liveHeapPeak)} peak, ${kb(live40k.lateGrowth)} growth`, live40k.liveHeapPeak < 4 * 1048576 && live40k.lateGrowth < 512 * 1024);

  // 5. The plan of the page query, with the same parameters as page 1.
  console.log("\nEXPLAIN (ANALYZE, BUFFERS) of the page-1 rows query");
  // The page's own statements, built for the generated school. Only lib/access.ts makes scopes in the app;
  // this script reads its own throwaway database and holds no viewer, so it names the school by hand.
  const benchSchool = { schoolId: data.bigSchoolId } as SchoolProgressScope;
  const rowsSql = progressRowsSql(benchSchool, parseProgressQuery({}), 50).sql;
  const plan = (await admin.query(`EXPLAIN (ANALYZE, BUFFERS) ${rowsSql.text}`, rowsSql.values)).rows.map((r) => r["QUERY PLAN"] as string);
  for (const text of plan) console.log(`  ${text}`);
  const summarySql = progressSummarySql(benchSchool, {});
  const summaryPlan = (await admin.query(`EXPLAIN (ANALYZE) ${summarySql.text}`, summarySql.values)).rows.map((r) => r["QUERY PLAN"] as string);
  console.log("\nEXPLAIN (ANALYZE) of the summary query");
  for (const text of summaryPlan) console.log(`  ${text}`);
  const indexed = plan.some((t) => /Index (Only )?Scan (using|on) "?Membership_organisationId_role_idx/.test(t)) && plan.some((t) => /Index Scan using "?Enrolment_userId_courseId_key/.test(t));
  const seqOnEnrolment = [...plan, ...summaryPlan].some((t) => /Seq Scan on "Enrolment"/.test(t));
  console.log("");
  line("rows query reaches enrolments through indexes", indexed && !seqOnEnrolment ? "yes" : "no", indexed && !seqOnEnrolment);
  await admin.end();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (server?.pid && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  await database.stop();
}
process.exit(exitCode);
