import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type ClientConfig, type PoolConfig } from "pg";
import { isPooledUrl } from "./database-url";
import { PrismaClient } from "./generated/prisma/client";
import { env, type Env } from "./env";
import { logError } from "./log";

/**
 * A connection attempt gives up after `ms`: a database that does not answer fails the request in about a
 * second. (The pool's own connectionTimeoutMillis also bounds the wait for a free connection under load,
 * which must be longer, so the two limits are set apart: this one on each client.)
 */
function clientWithConnectTimeout(ms: number): typeof pg.Client {
  return class extends pg.Client {
    constructor(config?: string | ClientConfig) {
      super({ ...(typeof config === "string" ? { connectionString: config } : config), connectionTimeoutMillis: ms });
    }
  };
}

/**
 * The pool's limits. On a direct URL PostgreSQL itself cancels a statement that runs too long and ends a
 * transaction left open (a crashed request must not hold its row locks). A transaction-mode pooler refuses
 * those settings at connection, so there they belong on the role (`ALTER ROLE … SET statement_timeout`,
 * README) and on the pooler.
 */
export function poolConfig(settings: Env = env()): PoolConfig {
  const serverLimits = isPooledUrl(settings.DATABASE_URL)
    ? {}
    : {
        statement_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS,
        idle_in_transaction_session_timeout: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      };
  return {
    connectionString: settings.DATABASE_URL,
    max: settings.DATABASE_POOL_MAX,
    Client: clientWithConnectTimeout(settings.DATABASE_CONNECT_TIMEOUT_MS),
    connectionTimeoutMillis: settings.DATABASE_POOL_WAIT_TIMEOUT_MS,
    idleTimeoutMillis: settings.DATABASE_POOL_IDLE_TIMEOUT_MS,
    keepAlive: true,
    application_name: "schoot-app",
    ...serverLimits,
  };
}

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg(new pg.Pool(poolConfig()), {
      // An idle connection dropped by a restarting database: one line, and the pool opens a new one on demand.
      onPoolError: (error) => logError("db.connection-lost", error),
    }),
    // Errors say what failed in one line, without the pretty-printed query and code frame.
    errorFormat: "minimal",
    // The password hash never leaves lib/ by accident: only the sign-in check asks for it explicitly.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

// One client per process; the globalThis slot survives hot reload in development.
const globalForDb = globalThis as unknown as { schootDb?: Db };

function client(): Db {
  globalForDb.schootDb ??= createClient();
  return globalForDb.schootDb;
}

// Created on first use rather than at import, so building the app needs no configuration.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** The client inside an interactive transaction (what `db.$transaction(async (tx) => …)` passes). */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
