// `npm run bench:import`: the staff list import (lib/staff-import) at its largest, on a throwaway PostgreSQL of its
// own, calling the library as the server action and the command line do. Times parsing a 5,000-row list; its
// upload (parse, keep, plan) and apply into an empty school (5,000 new accounts, memberships, password links and
// welcome emails, audited); the same file again (nothing to change); and a term's churn in a school of 5,000
// (2,500 renames, 500 role changes, 1,000 leavers removed). The floor is the same 5,000 users and memberships
// inserted by raw SQL with nothing else. Each school requires a course, so the required-training triggers run as
// they would; a small import of every kind runs first, so no figure pays for Prisma's first compile of a query.
// Also, for information, the command line's plan and apply of a list that names no Administrator.
// A script, not a test: it reports, and marks the target (a 5,000-row import well under 10 s).
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { startEmbeddedDatabase } from "./embedded-db";
import { migrate } from "./migrate";

// `-- --staff 200` runs the same steps smaller, to check the script itself; the figures are for 5,000.
const args = process.argv.slice(2);
const STAFF = args.includes("--staff") ? Math.min(5000, Math.max(50, Number(args[args.indexOf("--staff") + 1]) || 0)) : 5000;
const RENAMED = STAFF / 2;
const PROMOTED = STAFF / 10;
const LEAVERS = STAFF / 5;
const TARGET_MS = 10_000;
const n = (count: number) => count.toLocaleString("en-GB");

const ms = (n: number) => `${n.toFixed(0)} ms`;
function line(label: string, value: string, target?: boolean) {
  console.log(`  ${label.padEnd(66)} ${value}${target === undefined ? "" : target ? "   ✓ target met" : "   ✗ target missed"}`);
}
async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
function check(condition: boolean, what: string) {
  if (!condition) throw new Error(`The benchmark's own check failed: ${what}`);
}

const pad = (i: number) => String(i).padStart(4, "0");
function csv(rows: { name: string; email: string; role?: string; start?: string }[]): Uint8Array {
  return new TextEncoder().encode(`Name,Email,Role,Start date\r\n${rows.map((r) => `${r.name},${r.email},${r.role ?? ""},${r.start ?? ""}`).join("\r\n")}\r\n`);
}

// The library runs in a child process (as `npm run mail:cron` does, with "server-only" resolved to nothing), so
// its connection pool ends with the process, before this one stops the database under it.
if (process.env.BENCH_IMPORT_DATABASE_URL) {
  await bench(process.env.BENCH_IMPORT_DATABASE_URL);
  process.exit(0);
}
const database = await startEmbeddedDatabase({ throwaway: true, quiet: true });
let exitCode = 0;
try {
  await migrate(database.url);
  const env = { ...process.env, DATABASE_URL: database.url, BENCH_IMPORT_DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url") };
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-loader.mjs", "scripts/bench-staff-import.ts", ...args], { env, stdio: "inherit" });
  exitCode = await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await database.stop();
}
process.exit(exitCode);

async function bench(url: string) {
  const { db } = await import("../lib/db");
  const { parseStaffList } = await import("../lib/staff-import/parse");
  const { applyForSchool, applyStaffImport, changesAnything, planForSchool, uploadStaffList } = await import("../lib/staff-import");
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    console.log(`Benchmark of the staff list import · ${os.cpus().length} cores · load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    const course = await db.course.create({ data: { slug: "bench-import-course", title: "Bench safeguarding", summary: "Required of every bench school.", category: "Bench", estimatedMinutes: 10, lessons: { create: [{ position: 1, title: "One", body: "Text." }] } } });

    /** A school with a required course, an Administrator named `adminName`, and `staff` Members made by SQL. */
    async function school(label: string, staff: number, adminName = "Aaron Administrator") {
      const organisation = await db.organisation.create({ data: { name: `Bench ${label} School`, kind: "SCHOOL", designation: "ACADEMIES", urn: `8${Math.floor(Math.random() * 1e8)}` } });
      await db.requirement.create({ data: { organisationId: organisation.id, courseId: course.id, dueKind: "WITHIN_DAYS", dueDays: 30 } });
      const admin = await db.user.create({ data: { email: `admin-${label}@bench-import.example`, name: adminName, passwordHash: "not-a-hash", currentOrganisationId: organisation.id, memberships: { create: { organisationId: organisation.id, role: "ADMINISTRATOR" } } } });
      if (staff) {
        await sql.query(
          // Staff who have signed in (a confirmed address): an import may make them Administrators.
          `INSERT INTO "User" (id, email, name, "passwordHash", "currentOrganisationId", "emailVerifiedAt")
           SELECT gen_random_uuid(), $2 || '-' || lpad(i::text, 4, '0') || '@bench-import.example', 'Staff ' || lpad(i::text, 4, '0'), 'not-a-hash', $1, now()
             FROM generate_series(1, $3::int) i`,
          [organisation.id, label, staff],
        );
        await sql.query(
          `INSERT INTO "Membership" (id, "userId", "organisationId", role)
           SELECT gen_random_uuid(), id, $1, 'MEMBER' FROM "User" WHERE email LIKE $2 || '-%@bench-import.example'`,
          [organisation.id, label],
        );
      }
      return { organisation, admin, email: (i: number) => `${label}-${pad(i)}@bench-import.example` };
    }
    const count = async (table: string, where: string, value: string) => Number((await sql.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, [value])).rows[0].n);

    // Warm-up: a small import of every kind first, as a server that has run one before (Prisma compiles each
    // query shape on its first use), so the figures are of the work and not of the first call.
    const warm = await school("warm", 20);
    const warmList = csv([{ name: "Aaron Administrator", email: warm.admin.email }, ...Array.from({ length: 15 }, (_, i) => ({ name: `Warm ${pad(i + 1)}`, email: warm.email(i + 1), role: i < 3 ? "Administrator" : "" })), { name: "Warm Newcomer", email: "warm-newcomer@bench-import.example" }]);
    const warmed = await uploadStaffList(warm.admin.id, { organisationId: warm.organisation.id, fileName: "warm.csv", bytes: warmList });
    if ("fileProblem" in warmed) throw new Error(warmed.fileProblem);
    await applyStaffImport(warm.admin.id, { organisationId: warm.organisation.id, importId: warmed.importId, fingerprint: warmed.plan.fingerprint, removeLeavers: true, skipProblems: false });

    // 1. Parsing alone: a list of 5,000 new staff.
    const newcomers = Array.from({ length: STAFF }, (_, i) => ({ name: `Newcomer ${pad(i)}`, email: `new-${pad(i)}@bench-import.example`, role: i % 50 === 0 ? "Administrator" : "Member", start: "01/09/2026" }));
    const list = csv(newcomers);
    const parses: number[] = [];
    for (let i = 0; i < 6; i++) parses.push((await timed(() => parseStaffList(list))).ms);
    const parsed = parseStaffList(list);
    check("rows" in parsed && parsed.rows.length === STAFF, "the list parses to every row");
    console.log(`\nA list of ${n(STAFF)} rows (${(list.byteLength / 1024).toFixed(0)} KB)`);
    line("parse (csv-parse and the row checks), median of 5 after one", ms([...parses.slice(1)].sort((a, b) => a - b)[2]!));

    // 2. Into an empty school: upload (parse, keep, plan), then apply.
    const empty = await school("empty", 0);
    const upload = await timed(() => uploadStaffList(empty.admin.id, { organisationId: empty.organisation.id, fileName: "new.csv", bytes: list }));
    if ("fileProblem" in upload.value) throw new Error(upload.value.fileProblem);
    const uploaded = upload.value;
    check(uploaded.plan.joiners.length === STAFF, "every row a joiner");
    const apply = await timed(() =>
      applyStaffImport(empty.admin.id, { organisationId: empty.organisation.id, importId: uploaded.importId, fingerprint: uploaded.plan.fingerprint, removeLeavers: false, skipProblems: false }),
    );
    check(apply.value.summary.added === STAFF && apply.value.outboxIds.length === STAFF, "everyone added, each with a welcome");
    check((await count("Membership", `"organisationId" = $1::uuid`, empty.organisation.id)) === STAFF + 1, "a membership each");
    check((await count("OutboxMessage", `"organisationId" = $1::uuid AND kind = 'STAFF_ADDED'`, empty.organisation.id)) === STAFF, "a welcome email each in the outbox");
    const assigned = await count("RequiredAssignment", `"schoolId" = $1::uuid`, empty.organisation.id);
    console.log(`\n${n(STAFF)} new staff into an empty school (accounts, memberships, password links, welcome emails, audit)`);
    line("upload: parse, keep and plan", ms(upload.ms));
    line("apply: plan again under the lock, write, commit; enrol required training", ms(apply.ms));
    line(`upload + apply (target: well under ${TARGET_MS / 1000} s)`, ms(upload.ms + apply.ms), upload.ms + apply.ms < TARGET_MS);
    line("(required training assigned by the triggers, rows)", n(assigned));

    // 3. The same file again: nothing to change.
    const again = await timed(() => uploadStaffList(empty.admin.id, { organisationId: empty.organisation.id, fileName: "new.csv", bytes: list }));
    if ("fileProblem" in again.value) throw new Error(again.value.fileProblem);
    const repeated = again.value;
    check(repeated.plan.joiners.length === 0 && repeated.plan.changes.length === 0 && !changesAnything(repeated.plan), "the same list again changes nothing");
    const applyAgain = await timed(() =>
      applyStaffImport(empty.admin.id, { organisationId: empty.organisation.id, importId: repeated.importId, fingerprint: repeated.plan.fingerprint, removeLeavers: true, skipProblems: false }),
    );
    check(Object.values(applyAgain.value.summary).every((n) => n === 0), "applying it changes nothing");
    line("the same file again: upload and plan (no changes)", ms(again.ms));
    line("the same file again: apply (nothing written but its audit row)", ms(applyAgain.ms));

    // 4. A term's churn in a school of 5,000: 2,500 renamed, 500 made Administrators, 1,000 gone.
    const busy = await school("busy", STAFF - 1);
    const churn = [{ name: "Aaron Administrator", email: busy.admin.email }];
    for (let i = 1; i <= STAFF - 1 - LEAVERS; i++) {
      churn.push({ name: i <= RENAMED ? `Renamed ${pad(i)}` : `Staff ${pad(i)}`, email: busy.email(i), ...(i > RENAMED && i <= RENAMED + PROMOTED ? { role: "Administrator" } : {}) });
    }
    const churnList = csv(churn);
    const churnUpload = await timed(() => uploadStaffList(busy.admin.id, { organisationId: busy.organisation.id, fileName: "term.csv", bytes: churnList }));
    if ("fileProblem" in churnUpload.value) throw new Error(churnUpload.value.fileProblem);
    const churned = churnUpload.value;
    const churnApply = await timed(() =>
      applyStaffImport(busy.admin.id, { organisationId: busy.organisation.id, importId: churned.importId, fingerprint: churned.plan.fingerprint, removeLeavers: true, skipProblems: false }),
    );
    const s = churnApply.value.summary;
    check(s.renamed === RENAMED && s.roleChanged === PROMOTED && s.removed === LEAVERS && s.added === 0, `the renames, role changes and removals (got ${JSON.stringify(s)})`);
    console.log(`\nA school of ${n(STAFF)}: a list of ${n(churn.length)} renaming ${n(RENAMED)}, making ${n(PROMOTED)} Administrators, leaving out ${n(LEAVERS)}`);
    line("upload: parse, keep and plan", ms(churnUpload.ms));
    line(`apply, removing the ${n(LEAVERS)} leavers`, ms(churnApply.ms));

    // 5. The floor: the same 5,000 users and memberships by raw SQL in one transaction, nothing else.
    const floorSchool = await school("floor", 0);
    const ids = newcomers.map(() => randomUUID());
    const floor = await timed(async () => {
      await sql.query("BEGIN");
      await sql.query(
        `INSERT INTO "User" (id, email, name, "currentOrganisationId") SELECT id, email, name, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, email, name)`,
        [ids, newcomers.map((n) => `floor-${n.email}`), newcomers.map((n) => n.name), floorSchool.organisation.id],
      );
      await sql.query(
        `INSERT INTO "Membership" (id, "userId", "organisationId", role) SELECT gen_random_uuid(), id, $2, 'MEMBER' FROM unnest($1::uuid[]) AS v(id)`,
        [ids, floorSchool.organisation.id],
      );
      await sql.query("COMMIT");
    });
    console.log("\nFloor");
    line(`${n(STAFF)} users + memberships by raw SQL, one transaction`, ms(floor.ms));
    line("the import's apply of new staff ÷ the floor (for information)", `${(apply.ms / floor.ms).toFixed(1)}×`);

    // 6. For information: the command line's plan of a list naming no Administrator, 1,000 leavers sorting
    // before the school's only one (the plan looks for an Administrator to keep once for each leaver).
    const headless = await school("headless", STAFF - 1, "Zz Administrator");
    const urn = (await db.organisation.findUniqueOrThrow({ where: { id: headless.organisation.id }, select: { urn: true } })).urn!;
    const headlessList = csv(Array.from({ length: STAFF - 1 - LEAVERS }, (_, i) => ({ name: `Staff ${pad(i + 1)}`, email: headless.email(i + 1) })));
    const cli = await timed(() => planForSchool(urn, headlessList, "mis.csv"));
    const planned = cli.value;
    if ("fileProblem" in planned) throw new Error(planned.fileProblem);
    check(planned.plan.leavers.filter((l) => l.keptBecause).length === 1, "the only Administrator kept");
    const cliApply = await timed(() =>
      applyForSchool({ organisationId: headless.organisation.id, importId: planned.importId, fingerprint: planned.plan.fingerprint, removeLeavers: true, skipProblems: false }),
    );
    check(cliApply.value.summary.removed === LEAVERS, "the leavers removed from the command line");
    console.log(`\nThe command line: a list of ${n(STAFF - 1 - LEAVERS)} naming no Administrator (${n(LEAVERS)} leavers sort before the only one)`);
    line("plan (for information)", ms(cli.ms));
    line(`apply, removing the ${n(LEAVERS)} (for information)`, ms(cliApply.ms));
  } finally {
    await sql.end();
    await db.$disconnect();
  }
}
