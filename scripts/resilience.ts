// `npm run resilience [-- --no-build] [--pgbouncer]`: two production instances (`next start`) on one throwaway PostgreSQL with
// the demo data, 30 signed-in clients reading pages and writing through server actions (lesson completions, role
// changes), PostgreSQL stopped for 10 s and started again. Prints failures by kind, how long requests took to fail
// during the outage, how long the instances took to recover (target ≤ 2 s, no restart), the log lines written per
// failed request, then checks the invariants. Exits non-zero if an invariant fails or recovery takes over 2 s.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import pg from "pg";
import { findChromium } from "./chromium";
import { freePort, startEmbeddedDatabase } from "./embedded-db";
import { migrate } from "./migrate";

const CLIENTS = 30;
const BEFORE_MS = 10_000;
const OUTAGE_MS = 10_000;
const AFTER_MS = 15_000;
const RECOVERY_TARGET_MS = 2_000;
const THINK_MS = 700;
const PASSWORD = "schoot-demo-2026";
const NOTHING_CHANGED = "Something went wrong and nothing was changed";
const ERROR_PAGE = "Schoot is briefly unavailable";
const LEAKS = /prisma|invocation|ECONNREFUSED|P1001|57P0|127\.0\.0\.1:\d|at async/i;

type Sample = { kind: "read" | "action"; instance: number; start: number; end: number; outcome: string; ok: boolean };
type Client = { email: string; cookie: string; kind: Sample["kind"]; step: (instance: string) => Promise<{ kind: Sample["kind"]; outcome: string; ok: boolean }> };

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

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");

/** Signs in through Auth.js's own credentials endpoint, one account at a time (as people would, not a burst). */
async function signIn(origin: string, email: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${origin}/` }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Could not sign in as ${email} (status ${response.status})`);
  return session.split(";")[0]!;
}

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName ?? id, id]));
}

async function readPage(client: Pick<Client, "cookie">, origin: string, path: string) {
  const response = await fetch(origin + path, { headers: { cookie: client.cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await response.text();
  if (body.includes(ERROR_PAGE) || response.status >= 500) {
    // Nothing of the error behind it reaches the page. (Next answers a page that fails before its first byte with
    // its own error document, which the browser then fills with app/error.tsx: see checkErrorPageInBrowser.)
    const leak = LEAKS.test(body) ? ", LEAKING the error" : "";
    return { kind: "read" as const, outcome: `page: HTTP ${response.status}${leak}`, ok: false };
  }
  if (process.env.RESILIENCE_DEBUG && response.status !== 200) appendFileSync(".data/resilience-debug.log", `${path} ${response.status} ${response.headers.get("location")}\n`);
  if (response.status !== 200) return { kind: "read" as const, outcome: `page: HTTP ${response.status}`, ok: false };
  return { kind: "read" as const, outcome: "page: 200", ok: true };
}

/** Calls a server action as the browser does: its id in Next-Action, the arguments (state, FormData) encoded by React. */
async function callAction(client: Pick<Client, "cookie">, origin: string, path: string, id: string, fields: Record<string, string>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append("0", JSON.stringify([{}, "$K1"]));
  const response = await fetch(origin + path, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: client.cookie, "next-action": id, accept: "text/x-component", origin },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (process.env.RESILIENCE_DEBUG) appendFileSync(".data/resilience-debug.log", `${path} ${JSON.stringify(fields)} ${response.status}\n${text.slice(0, 600)}\n\n`);
  if (response.status >= 500) return { kind: "action" as const, outcome: `action: HTTP ${response.status}`, ok: false };
  if (text.includes(NOTHING_CHANGED)) return { kind: "action" as const, outcome: `action: HTTP ${response.status}, "nothing was changed" in place`, ok: false };
  if (text.includes("Your session has ended")) return { kind: "action" as const, outcome: "action: session ended", ok: false };
  if (text.includes("only Administrator")) return { kind: "action" as const, outcome: "action: refused (last Administrator)", ok: true };
  return { kind: "action" as const, outcome: `action: HTTP ${response.status}`, ok: response.status < 400 };
}

async function loadWorkload(sql: pg.Client, origin: string) {
  const ids = actionIds();
  const clients: Client[] = [];
  const cookies = new Map<string, string>();
  const cookieFor = async (email: string) => {
    if (!cookies.has(email)) cookies.set(email, await signIn(origin, email));
    return cookies.get(email)!;
  };

  // Role changers: each Administrator of an organisation with a Member flips that Member's role; in the first
  // school, the Member flips the Administrator back (two people racing on the last-Administrator rule).
  const pairs = await sql.query<{ organisation_id: string; admin_email: string; admin_membership: string; member_email: string; member_membership: string }>(`
    SELECT DISTINCT ON (o.id) o.id AS organisation_id, au.email AS admin_email, a.id AS admin_membership, mu.email AS member_email, m.id AS member_membership
    FROM "Organisation" o
    JOIN "Membership" a ON a."organisationId" = o.id AND a.role = 'ADMINISTRATOR' JOIN "User" au ON au.id = a."userId"
    JOIN "Membership" m ON m."organisationId" = o.id AND m.role = 'MEMBER' JOIN "User" mu ON mu.id = m."userId"
    WHERE mu."platformRole" = 'NONE'
    ORDER BY o.id, au.email, mu.email LIMIT 7`);
  const flipper = (email: string, cookie: string, organisationId: string, membershipId: string): Client => {
    let next = "ADMINISTRATOR";
    return {
      email,
      cookie,
      kind: "action",
      step: async (origin) => {
        const result = await callAction({ cookie }, origin, "/workplace/my-school", ids.changeRoleAction!, { organisationId, membershipId, role: next, confirm: "yes" });
        if (result.ok) next = next === "ADMINISTRATOR" ? "MEMBER" : "ADMINISTRATOR";
        return result;
      },
    };
  };
  for (const [index, pair] of pairs.rows.entries()) {
    clients.push(flipper(pair.admin_email, await cookieFor(pair.admin_email), pair.organisation_id, pair.member_membership));
    if (index === 0) clients.push(flipper(pair.member_email, await cookieFor(pair.member_email), pair.organisation_id, pair.admin_membership));
  }

  // Learners: staff with unfinished courses complete their next lessons.
  const learners = await sql.query<{ email: string; lessons: { slug: string; position: number }[] }>(`
    SELECT u.email, json_agg(json_build_object('slug', c.slug, 'position', l.position) ORDER BY c.slug, l.position) AS lessons
    FROM "User" u JOIN "Enrolment" e ON e."userId" = u.id JOIN "Course" c ON c.id = e."courseId" JOIN "Lesson" l ON l."courseId" = c.id
    WHERE NOT EXISTS (SELECT 1 FROM "LessonCompletion" lc WHERE lc."enrolmentId" = e.id AND lc."lessonId" = l.id)
      AND u."platformRole" = 'NONE' AND u.email !~ '^(lead|head|teacher|analyst)@'
    GROUP BY u.email ORDER BY u.email LIMIT 11`);
  for (const learner of learners.rows) {
    const cookie = await cookieFor(learner.email);
    let i = 0;
    clients.push({
      email: learner.email,
      cookie,
      kind: "action",
      step: async (origin) => {
        const lesson = learner.lessons[i++ % learner.lessons.length]!;
        return callAction({ cookie }, origin, `/courses/${lesson.slug}/lessons/${lesson.position}`, ids.completeLessonAction!, { slug: lesson.slug, position: String(lesson.position) });
      },
    });
  }

  // Readers: the rest, on the pages each person opens most.
  const readers = await sql.query<{ email: string; organisation_id: string; kind: string; role: string; academies: boolean }>(`
    SELECT u.email, m."organisationId" AS organisation_id, o.kind::text AS kind, m.role::text AS role, o.designation = 'ACADEMIES' AS academies
    FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Organisation" o ON o.id = m."organisationId"
    WHERE u.email ~ '^(lead|head|teacher|analyst)@' ORDER BY u.email`);
  // Not in the organisation whose Administrator may be demoted mid-run: their pages would rightly answer 404.
  const readable = readers.rows.filter((row) => row.organisation_id !== pairs.rows[0]?.organisation_id);
  for (let i = 0; clients.length < CLIENTS; i++) {
    const reader = readable[i % readable.length]!;
    const cookie = await cookieFor(reader.email);
    const paths = ["/workplace/my-school", "/courses/my-courses"];
    if (reader.role === "ADMINISTRATOR" && reader.kind === "SCHOOL") paths.push(`/courses/progress/${reader.organisation_id}`);
    if (reader.role === "ADMINISTRATOR" && reader.kind === "TRUST" && reader.academies) paths.push(`/courses/overview/${reader.organisation_id}`);
    let n = i;
    clients.push({ email: reader.email, cookie, kind: "read", step: (origin) => readPage({ cookie }, origin, paths[n++ % paths.length]!) });
  }
  return clients;
}

/** What a person sees in a browser when a page fails during the outage: the try-again page, and no error. */
async function checkErrorPageInBrowser(origin: string, cookie: string): Promise<string | null> {
  const executablePath = findChromium();
  if (!executablePath) return "no Chromium to check the page in a browser";
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const [name, value] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name: name!, value: value!, url: origin }]);
    const page = await context.newPage();
    await page.goto(`${origin}/courses/my-courses`);
    await page.getByRole("heading", { name: ERROR_PAGE }).waitFor({ timeout: 15_000 });
    const text = await page.locator("body").innerText();
    if (!text.includes("Nothing was changed")) return "the try-again page does not say that nothing was changed";
    if (LEAKS.test(text)) return `the try-again page shows the error: ${text.slice(0, 200)}`;
    return null;
  } catch (error) {
    return `the try-again page did not show: ${error instanceof Error ? error.message.split("\n")[0] : error}`;
  } finally {
    await browser.close();
  }
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
    const clients = await loadWorkload(sql, origins[0]!);
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
