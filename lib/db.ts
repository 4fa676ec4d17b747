import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

function createClient() {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }),
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
