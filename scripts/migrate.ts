// `npm run db:migrate`: applies prisma/migrations exactly as `prisma migrate deploy` would, on the direct URL
// (DATABASE_URL_UNPOOLED when set, else DATABASE_URL). A release step, never an instance's start.
import pg from "pg";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { directDatabaseUrl, isPooledUrl } from "../lib/database-url";
import { openSchemaEngine, readMigrations, noFilters } from "./schema-engine";

export const POOLED_URL_REFUSED =
  "Refusing to migrate through a connection pooler (pgbouncer=true, a -pooler host or port 6543): the migration's " +
  "advisory lock would stay held on the pooler's server connection. Set DATABASE_URL_UNPOOLED (or DATABASE_URL) " +
  "to the database's direct URL.";

// Limits on the migration's own connection, so a dead or stuck migration cannot hold its lock for long:
// PostgreSQL ends the session (and with it Prisma's session-level advisory lock) once a limit passes.
export const MIGRATION_LIMITS = {
  lock_timeout: 10_000, // waiting behind the app's row locks: give up rather than queue every request behind us
  statement_timeout: 15 * 60_000, // one migration step; an index build on a big table may take minutes
  idle_in_transaction_session_timeout: 60_000,
  idle_session_timeout: 60_000, // a client that died without closing its socket
  client_connection_check_interval: 1_000, // a client that died mid-statement: stop the statement, drop the lock
};

/**
 * Applies the migrations through one connection of its own and closes it on every path, so the advisory
 * lock Prisma's schema engine takes (a session-level `pg_advisory_lock`) is released with the session,
 * even when a migration fails. One connection also keeps the lock, the migration and the unlock on the
 * same session: a pool of several would lock on one and unlock on another.
 */
export async function migrate(connectionString: string, options: { migrations?: MigrationList } = {}): Promise<string[]> {
  if (isPooledUrl(connectionString)) throw new Error(POOLED_URL_REFUSED);
  // pg sends the first three as startup parameters; the last two (PostgreSQL 14+) go through `options`.
  const { idle_session_timeout, client_connection_check_interval, ...limits } = MIGRATION_LIMITS;
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    application_name: "schoot-migrate",
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    ...limits,
    options: `-c idle_session_timeout=${idle_session_timeout} -c client_connection_check_interval=${client_connection_check_interval}`,
  });
  pool.on("error", () => {}); // a connection lost while idle: the next step fails and says so
  try {
    const engine = await openSchemaEngine(pool);
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: options.migrations ?? readMigrations(), filters: noFilters });
      return appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = directDatabaseUrl();
  if (!url) {
    console.error("Set DATABASE_URL_UNPOOLED or DATABASE_URL to the database's direct URL.");
    process.exit(1);
  }
  migrate(url).then(
    (names) => console.log(names.length ? `Applied ${names.length} migration(s): ${names.join(", ")}` : "Database schema is up to date."),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
