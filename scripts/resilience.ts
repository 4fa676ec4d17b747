// `npm run resilience [-- --no-build] [--pgbouncer]`: two production instances (`next start`) on one throwaway PostgreSQL with
// the demo data, 30 signed-in clients reading pages and writing through server actions (lesson completions, role
// changes), PostgreSQL stopped for 10 s and started again. Prints failures by kind, how long requests took to fail
// during the outage, how long the instances took to recover (target ≤ 2 s, no restart), the log lines written per
// failed request, then checks the invariants. Exits non-zero if an invariant fails or recovery takes over 2 s.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { checkErrorPageInBrowser, loadWorkload, readPage, type Client, type Sample } from "./resilience-clients";
import { freePort, startEmbeddedDatabase } from "./embedded-db";
import { migrate } from "./migrate";

const CLIENTS = 30;
const BEFORE_MS = 10_000;
const OUTAGE_MS = 10_000;
const AFTER_MS = 15_000;
const RECOVERY_TARGET_MS = 2_000;
const THINK_MS = 700;

const samples: Sample[] = [];
const probes: Sample[] = [];
const logLines: { at: number; line: string }[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => spawn(command, args, { stdio: "inherit", env }).on("exit", (code) => resolve(code ?? 1)));
}

function startInstance(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) logLines.push({ at: now(), line });
    });
  }
  return child;
}

async function waitForHttp(origin: string) {
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${origin}/sign-in`).then((r) => r.ok, () => false)) return;
    await sleep(500);
  }
  throw new Error(`${origin} did not start`);
}

/** One signed-in page read per instance every 100 ms, from just before the outage until after it. */
async function probe(client: Client, origins: string[], until: () => boolean) {
  await Promise.all(origins.map(async (origin, instance) => {
    while (!until()) {
      const start = now();
      const result = await readPage(client, origin, "/courses/my-courses").catch(() => ({ kind: "read" as const, outcome: "failed", ok: false }));
      probes.push({ ...result, instance, start, end: now() });
      await sleep(100);
    }
  }));
}

async function runClient(client: Client, origins: string[], until: () => boolean, offset: number) {
  for (let n = offset; !until(); n++) {
    const instance = n % origins.length;
    const start = now();
    let result: { kind: Sample["kind"]; outcome: string; ok: boolean };
    try {
      result = await client.step(origins[instance]!);
    } catch (error) {
      const name = error instanceof Error && error.name === "TimeoutError" ? "timed out after 30 s" : "connection failed";
      result = { kind: "read", outcome: `request ${name}`, ok: false };
    }
    samples.push({ ...result, instance, start, end: now() });
    await sleep(THINK_MS / 2 + Math.random() * THINK_MS); // a person reading, not a benchmark
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

async function checkInvariants(sql: pg.Client, before: Map<string, string>) {
  const failures: string[] = [];
  const noAdmin = await sql.query<{ name: string }>(`
    SELECT o.name FROM "Organisation" o
    WHERE EXISTS (SELECT 1 FROM "Membership" m WHERE m."organisationId" = o.id)
      AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."organisationId" = o.id AND m.role = 'ADMINISTRATOR')`);
  for (const row of noAdmin.rows) failures.push(`${row.name} has members and no Administrator`);

  // Every role change has exactly one audit row: replaying each membership's audit rows from its role before
  // the run must pass through every recorded change and end at its role now.
  const audits = await sql.query<{ target: string; before: string; after: string }>(`
    SELECT "targetId" AS target, before->>'role' AS before, after->>'role' AS after FROM "AuditLog"
    WHERE action = 'membership.role_changed' AND "targetId" = ANY($1) ORDER BY id`, [[...before.keys()]]);
  const current = await sql.query<{ id: string; role: string }>(`SELECT id, role::text AS role FROM "Membership" WHERE id = ANY($1)`, [[...before.keys()]]);
  let roleChanges = 0;
  for (const { id, role } of current.rows) {
    let replayed = before.get(id)!;
    for (const row of audits.rows.filter((a) => a.target === id)) {
      roleChanges++;
      if (row.before !== replayed || row.after === row.before) failures.push(`membership ${id}: an audit row says ${row.before} → ${row.after} after ${replayed}`);
      replayed = row.after;
    }
    if (replayed !== role) failures.push(`membership ${id} is ${role} but its audit rows end at ${replayed}`);
  }

  const counts = await sql.query<{ id: string; stored: number; counted: number }>(`
    SELECT e.id, e."completedLessons" AS stored, count(lc."lessonId")::int AS counted
    FROM "Enrolment" e LEFT JOIN "LessonCompletion" lc ON lc."enrolmentId" = e.id
    GROUP BY e.id HAVING e."completedLessons" <> count(lc."lessonId")`);
  for (const row of counts.rows) failures.push(`enrolment ${row.id} stores ${row.stored} completed lessons but has ${row.counted} completions`);
  const enrolments = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Enrolment"`)).rows[0]!.n;
  return { failures, roleChanges, enrolments };
}

function report(outageStart: number, outageEnd: number, pgBack: number, instances: number) {
  const byOutcome = new Map<string, number>();
  for (const s of samples.filter((s) => !s.ok)) byOutcome.set(s.outcome, (byOutcome.get(s.outcome) ?? 0) + 1);
  const failed = samples.filter((s) => !s.ok);
  console.log(`\nRequests: ${samples.length} (${samples.filter((s) => s.kind === "read").length} page reads, ${samples.filter((s) => s.kind === "action").length} server actions), ${failed.length} failed`);
  for (const [outcome, count] of [...byOutcome].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(5)}  ${outcome}`);
  const refused = samples.filter((s) => s.outcome.startsWith("action: refused")).length;
  if (refused) console.log(`  (${refused} role changes refused by the last-Administrator rule, as they should be)`);

  const duringOutage = failed.filter((s) => s.start >= outageStart && s.start < outageEnd).map((s) => s.end - s.start);
  console.log(`\nDuring the outage (${seconds(outageEnd - outageStart)}): ${duringOutage.length} failed requests took median ${seconds(percentile(duringOutage, 50))}, p95 ${seconds(percentile(duringOutage, 95))}, max ${seconds(Math.max(0, ...duringOutage))} to fail`);
  const okDuring = samples.filter((s) => s.ok && s.start >= outageStart && s.end < outageEnd).length;
  if (okDuring) console.log(`  ${okDuring} requests succeeded during the outage without the database (pages that need none)`);

  // Recovery: when each instance answered its first probe successfully after PostgreSQL was back (probes are
  // sent every 100 ms, so client think time does not count); from then on no client request may fail.
  let recovery = 0;
  for (let instance = 0; instance < instances; instance++) {
    const first = probes.filter((p) => p.instance === instance && p.ok && p.end >= pgBack).sort((a, b) => a.end - b.end)[0];
    recovery = Math.max(recovery, first ? first.end - pgBack : Infinity);
  }
  const lateFailures = failed.filter((s) => s.start >= pgBack + recovery);
  const settled = samples.filter((s) => s.ok && s.start < outageStart - 2_000).map((s) => s.end - s.start);
  console.log(`\nPostgreSQL back ${seconds(pgBack - outageEnd)} after its start was asked for; both instances answered again ${seconds(recovery)} after it was back (target ≤ ${seconds(RECOVERY_TARGET_MS)}), with no restart; ${lateFailures.length} client failures after that`);
  console.log(`  (for scale: before the outage a request took median ${seconds(percentile(settled, 50))}, p95 ${seconds(percentile(settled, 95))} on this machine)`);

  const outageLines = logLines.filter((l) => l.at >= outageStart && l.at < pgBack + Math.max(recovery, 1000) + 5_000);
  const failedInWindow = [...failed, ...probes.filter((p) => !p.ok)].filter((s) => s.start >= outageStart && s.start < pgBack + Math.max(recovery, 1000) + 5_000).length;
  console.log(`\nInstance log during the outage: ${outageLines.length} lines for ${failedInWindow} failed requests, probes included (${(outageLines.length / Math.max(1, failedInWindow)).toFixed(2)} per failure). Kinds:`);
  const kinds = new Map<string, number>();
  for (const { line } of outageLines) {
    const key = line.startsWith("{") ? (JSON.parse(line) as { event?: string }).event ?? "json" : line.slice(0, 90);
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  for (const [kind, count] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${String(count).padStart(5)}  ${kind}`);
  const sample = outageLines.find((l) => l.line.includes("request.failed")) ?? outageLines[0];
  if (sample) console.log(`  e.g. ${sample.line.slice(0, 400)}`);
  return { recovery, lateFailures: lateFailures.length };
}

/**
 * `--pgbouncer`: the instances connect through PgBouncer in transaction mode with the README's settings, as a
 * self-hosted deployment would (Debian's `pgbouncer` package); migrations and the checks use the direct URL.
 */
async function startPgBouncer(directUrl: string): Promise<{ url: string; stop: () => void }> {
  const direct = new URL(directUrl);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "schoot-pgbouncer-"));
  chmodSync(dir, 0o777); // PgBouncer runs as the postgres user when we are root
  writeFileSync(path.join(dir, "userlist.txt"), `"${direct.username}" "${direct.password}"\n`);
  writeFileSync(path.join(dir, "pgbouncer.ini"), [
    "[databases]",
    `schoot = host=${direct.hostname} port=${direct.port} dbname=schoot`,
    "[pgbouncer]",
    `listen_addr = 127.0.0.1`,
    `listen_port = ${port}`,
    "unix_socket_dir =",
    "auth_type = trust",
    `auth_file = ${path.join(dir, "userlist.txt")}`,
    "pool_mode = transaction",
    "default_pool_size = 10",
    "max_client_conn = 200",
    "server_login_retry = 1",
    "query_wait_timeout = 5",
    "server_connect_timeout = 2",
    "query_timeout = 20",
    "idle_transaction_timeout = 30",
    `logfile = ${path.join(dir, "pgbouncer.log")}`,
  ].join("\n"));
  const asRoot = process.getuid?.() === 0 ? ["-u", "postgres"] : [];
  const child = spawn("pgbouncer", [...asRoot, path.join(dir, "pgbouncer.ini")], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    const client = new pg.Client({ connectionString: `postgresql://${direct.username}:${direct.password}@127.0.0.1:${port}/schoot` });
    if (await client.connect().then(() => client.end().then(() => true), () => false)) {
      return { url: `postgresql://${direct.username}:${direct.password}@127.0.0.1:${port}/schoot?pgbouncer=true`, stop: () => child.kill("SIGTERM") };
    }
    await sleep(200);
  }
  child.kill("SIGTERM");
  throw new Error("PgBouncer did not start (is Debian's pgbouncer package installed?)");
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: randomBytes(32).toString("base64url") };
  delete env.DATABASE_URL_UNPOOLED;
  if (!process.argv.includes("--no-build")) {
    if ((await run("npx", ["next", "build"], env)) !== 0) throw new Error("next build failed");
  }
  const database = await startEmbeddedDatabase({ throwaway: true, quiet: true });
  const instances: ChildProcess[] = [];
  let pooler: { url: string; stop: () => void } | undefined;
  const sql = new pg.Client({ connectionString: database.url });
  try {
    env.DATABASE_URL = database.url;
    await migrate(database.url);
    const { seedIfEmpty } = await import("../prisma/seed");
    await seedIfEmpty(database.url);
    if (process.argv.includes("--pgbouncer")) {
      pooler = await startPgBouncer(database.url);
      env.DATABASE_URL = pooler.url;
      env.DATABASE_POOL_MAX = "10";
    }
    const ports = [await freePort(), await freePort()];
    for (const port of ports) instances.push(startInstance(port, env));
    const origins = ports.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(origins.map(waitForHttp));
    await sql.connect();
    const clients = await loadWorkload(sql, origins[0]!, CLIENTS);
    // Each instance loads a route's code on its first request: warm both up so the run measures the database.
    for (const origin of origins) for (const client of clients.filter((c) => c.kind === "read")) await client.step(origin);
    const watched = new Map((await sql.query<{ id: string; role: string }>(`SELECT id, role::text AS role FROM "Membership"`)).rows.map((r) => [r.id, r.role]));
    await sql.end();
    console.log(`\n${instances.length} instances${pooler ? " through PgBouncer (transaction mode)" : ""}, ${clients.length} signed-in clients (${new Set(clients.map((c) => c.email)).size} accounts); ${BEFORE_MS / 1000} s of load, PostgreSQL stopped for ${OUTAGE_MS / 1000} s, then ${AFTER_MS / 1000} s more.`);

    let done = false;
    const load = Promise.all(clients.map((client, i) => runClient(client, origins, () => done, i)));
    await sleep(BEFORE_MS - 1_000);
    let probed = false;
    const probing = probe(clients.find((c) => c.kind === "read")!, origins, () => probed);
    await sleep(1_000);
    const outageStart = now();
    await database.pause!();
    console.log(`PostgreSQL stopped (${seconds(now() - outageStart)} to shut down)`);
    const browserCheck = checkErrorPageInBrowser(origins[1]!, clients.find((c) => c.kind === "read")!.cookie);
    await sleep(Math.max(0, OUTAGE_MS - (now() - outageStart)));
    const outageEnd = now();
    await database.resume!();
    const pgBack = now();
    console.log(`PostgreSQL started again (${seconds(pgBack - outageEnd)} to accept connections)`);
    await sleep(5_000);
    probed = true;
    await probing;
    await sleep(AFTER_MS - 5_000);
    done = true;
    await load;

    writeFileSync(".data/resilience-instances.log", logLines.map((l) => `${(l.at - outageStart).toFixed(0)} ${l.line}`).join("\n"));
    if (process.env.RESILIENCE_DEBUG) writeFileSync(".data/resilience-samples.json", JSON.stringify(samples.map((s) => ({ ...s, start: s.start - outageStart, end: s.end - outageStart, pgBack: pgBack - outageStart }))));
    const { recovery, lateFailures } = report(outageStart, outageEnd, pgBack, instances.length);
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    const { failures, roleChanges, enrolments } = await checkInvariants(check, watched).finally(() => check.end());
    console.log(`\nInvariants: every organisation with members has an Administrator; ${roleChanges} role changes, each with exactly one audit row; ${enrolments} enrolments' completed-lesson counts equal their completions`);
    for (const failure of failures) console.log(`  ✗ ${failure}`);
    for (const outcome of new Set(samples.map((s) => s.outcome))) if (outcome.includes("LEAKING")) failures.push(`a failed request answered ${outcome}`);
    const browserProblem = await browserCheck;
    if (browserProblem) failures.push(browserProblem);
    else console.log("In a browser (390 px wide) during the outage, a page showed the try-again page, saying nothing was changed, with nothing of the error");
    const ok = !failures.length && recovery <= RECOVERY_TARGET_MS && lateFailures === 0;
    console.log(ok ? "\n✓ Resilience targets met." : `\n✗ ${failures.length ? "Invariants failed. " : ""}${recovery > RECOVERY_TARGET_MS || lateFailures ? "Recovery missed its target." : ""}`);
    return ok ? 0 : 1;
  } finally {
    for (const instance of instances) instance.kill("SIGTERM");
    await Promise.all(instances.map((i) => new Promise((resolve) => (i.exitCode !== null ? resolve(null) : i.on("exit", resolve)))));
    pooler?.stop();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
