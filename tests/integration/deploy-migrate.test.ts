// Migrations are the release step, on the direct URL only: an instance's start never migrates a configured
// database, a pooled URL is refused, and the migration's advisory lock and connection are gone on every path.
import { execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { directDatabaseUrl, isPooledUrl } from "../../lib/database-url";
import { migrate, MIGRATION_LIMITS, POOLED_URL_REFUSED } from "../../scripts/migrate";
import { readMigrations } from "../../scripts/schema-engine";

const run = promisify(execFile);
const created: string[] = [];

function urlOf(database: string) {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase() {
  const name = `deploy_${randomUUID().slice(0, 8)}`;
  await withClient(process.env.DATABASE_URL!, (client) => client.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return urlOf(name);
}

afterAll(async () => {
  await withClient(process.env.DATABASE_URL!, async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

/** What a migration leaves behind on the server: advisory locks and its own sessions. */
async function leftovers() {
  return withClient(process.env.DATABASE_URL!, async (client) => {
    const locks = await client.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
    const sessions = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'schoot-migrate'`);
    return { advisoryLocks: locks.rows[0].n, migrationSessions: sessions.rows[0].n };
  });
}

async function tables(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    return rows.map((row) => row.name);
  });
}

function runScript(args: string[], env: Record<string, string>) {
  const clean = { ...process.env, DATABASE_URL: "", DATABASE_URL_UNPOOLED: "", ...env };
  return run("npx", ["tsx", ...args], { env: clean, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
  );
}

describe("which URL is a pooler's", () => {
  it.each([
    ["postgresql://u:p@ep-cool-1234-pooler.eu-west-2.aws.neon.tech/db?sslmode=require", true],
    ["postgresql://u:p@aws-0-eu-west-2.pooler.supabase.com:6543/postgres", true],
    ["postgresql://u:p@db.example:5432/app?pgbouncer=true", true],
    ["postgresql://u:p@ep-cool-1234.eu-west-2.aws.neon.tech/db?sslmode=require", false],
    ["postgresql://u:p@127.0.0.1:5432/app", false],
    ["not a url", false],
  ])("%s → %s", (url, pooled) => {
    expect(isPooledUrl(url)).toBe(pooled);
  });

  it("migrations use DATABASE_URL_UNPOOLED when it is set, else DATABASE_URL", () => {
    expect(directDatabaseUrl({ DATABASE_URL: "pooled", DATABASE_URL_UNPOOLED: "direct" })).toBe("direct");
    expect(directDatabaseUrl({ DATABASE_URL: "only", DATABASE_URL_UNPOOLED: "" })).toBe("only");
  });
});

describe("migrate", () => {
  it("refuses a pooled URL before connecting", async () => {
    // Nothing listens on this port: a connection attempt would fail differently.
    await expect(migrate("postgresql://u:p@127.0.0.1:6543/app")).rejects.toThrow(POOLED_URL_REFUSED);
  });

  it("applies every migration once, then none, and leaves no lock or connection behind", async () => {
    const url = await freshDatabase();
    const names = readMigrations().migrationDirectories.map((d) => d.path);
    expect(await migrate(url)).toEqual(names);
    expect(await migrate(url)).toEqual([]);
    expect(await leftovers()).toEqual({ advisoryLocks: 0, migrationSessions: 0 });
  });

  it("releases the lock and its connection when a migration fails, so the next release is not blocked", async () => {
    const url = await freshDatabase();
    const all = readMigrations();
    const broken = {
      ...all,
      migrationDirectories: [
        ...all.migrationDirectories,
        { path: "29991231000000_broken", migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: "SELECT * FROM no_such_table" } } },
      ],
    };
    await expect(migrate(url, { migrations: broken })).rejects.toThrow(/no_such_table/);
    expect(await leftovers()).toEqual({ advisoryLocks: 0, migrationSessions: 0 });
    // The good migrations before the broken one were kept; a fixed release goes on at once (no lock wait).
    const started = Date.now();
    await expect(migrate(url, { migrations: all })).rejects.toThrow(/failed migrations/i);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await leftovers()).toEqual({ advisoryLocks: 0, migrationSessions: 0 });
  });

  it("runs on a connection that limits lock waits, statements and idle sessions", async () => {
    const url = await freshDatabase();
    const probe = {
      baseDir: "unused",
      lockfile: readMigrations().lockfile,
      shadowDbInitScript: "",
      migrationDirectories: [
        {
          path: "20000101000000_probe",
          migrationFile: {
            path: "migration.sql",
            content: {
              tag: "ok" as const,
              value: `CREATE TABLE probe AS SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement,
                current_setting('idle_in_transaction_session_timeout') AS idle_tx, current_setting('idle_session_timeout') AS idle, current_setting('application_name') AS app`,
            },
          },
        },
      ],
    };
    await migrate(url, { migrations: probe });
    const row = await withClient(url, async (client) => (await client.query(`SELECT * FROM probe`)).rows[0]);
    const ms = (value: number) => (value % 60_000 === 0 ? `${value / 60_000}min` : `${value / 1000}s`);
    expect(row).toEqual({
      lock: ms(MIGRATION_LIMITS.lock_timeout),
      statement: ms(MIGRATION_LIMITS.statement_timeout),
      idle_tx: ms(MIGRATION_LIMITS.idle_in_transaction_session_timeout),
      idle: ms(MIGRATION_LIMITS.idle_session_timeout),
      app: "schoot-migrate",
    });
  });
});

describe("a migration that crashes", () => {
  it("loses its lock with its process, even mid-statement, so the next release goes ahead", async () => {
    const url = await freshDatabase();
    const slow = `SELECT pg_sleep(60)`;
    // A release process that dies (SIGKILL: no finally runs) while its migration is in the middle of a statement.
    const code = `const { migrate } = await import(${JSON.stringify(new URL("../../scripts/migrate.ts", import.meta.url).pathname)});
      const { readMigrations } = await import(${JSON.stringify(new URL("../../scripts/schema-engine.ts", import.meta.url).pathname)});
      const all = readMigrations();
      all.migrationDirectories.push({ path: "29991231000000_slow", migrationFile: { path: "migration.sql", content: { tag: "ok", value: ${JSON.stringify(slow)} } } });
      await migrate(process.env.TARGET_URL, { migrations: all });`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { env: { ...process.env, TARGET_URL: url }, stdio: "ignore" });
    try {
      const sleeping = async () => withClient(process.env.DATABASE_URL!, async (client) =>
        (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'schoot-migrate' AND query LIKE 'SELECT pg_sleep%'`)).rows[0].n);
      for (let i = 0; i < 100 && (await sleeping()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await sleeping()).toBe(1);
      expect((await leftovers()).advisoryLocks).toBe(1);
    } finally {
      child.kill("SIGKILL");
    }
    // PostgreSQL notices the dead client within the check interval, ends the statement and the session.
    const started = Date.now();
    while ((await leftovers()).migrationSessions > 0 && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await leftovers()).toEqual({ advisoryLocks: 0, migrationSessions: 0 });
    expect(Date.now() - started).toBeLessThan(3_000);
    // The next release is not kept waiting on a lock: it is told at once, as Prisma does, that a migration failed
    // (to be marked with `prisma migrate resolve` once looked at).
    const next = Date.now();
    await expect(migrate(url)).rejects.toThrow(/29991231000000_slow/);
    expect(Date.now() - next).toBeLessThan(5_000);
  });
});

describe("starting and releasing", () => {
  it("an instance's start (--prepare) never migrates a configured database", async () => {
    const url = await freshDatabase();
    const result = await runScript(["scripts/with-db.ts", "--prepare", "--", "node", "-e", ""], { DATABASE_URL: url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("npm run db:migrate");
    expect(await tables(url)).toEqual([]);
  });

  it("the release step (db:migrate) migrates DATABASE_URL_UNPOOLED, not the pooled DATABASE_URL", async () => {
    const url = await freshDatabase();
    // The pooled URL points nowhere: if anything used it, the run would fail.
    const result = await runScript(["scripts/with-db.ts", "--direct", "--", "tsx", "scripts/migrate.ts"], {
      DATABASE_URL: "postgresql://u:p@127.0.0.1:6543/app?pgbouncer=true",
      DATABASE_URL_UNPOOLED: url,
    });
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/Applied \d+ migration/);
    expect(await tables(url)).toContain("_prisma_migrations");
  });

  it("the release step refuses a pooled URL with a clear message", async () => {
    const result = await runScript(["scripts/migrate.ts"], { DATABASE_URL: "postgresql://u:p@db-pooler.example/app" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("Refusing to migrate through a connection pooler");
  });
});
