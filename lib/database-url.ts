// Which PostgreSQL URL is a pooler's. Shared by the app (lib/db.ts) and the migration script, so both
// read one definition. No "server-only" import: scripts run it outside Next.

/**
 * True for a URL that goes through a transaction-mode pooler (PgBouncer, Neon's `-pooler` host,
 * Supabase's port 6543). Such a pooler hands each transaction to whichever server connection is free,
 * so a session-level lock or setting outlives the client that took it, and it refuses startup
 * parameters it does not know (statement_timeout and the like).
 */
export function isPooledUrl(connectionString: string): boolean {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return false;
  }
  return url.searchParams.get("pgbouncer") === "true" || /-pooler(\.|$)/.test(url.hostname) || url.port === "6543";
}

/** The URL migrations and seeding use: the direct one where the host provides both (Neon's and Vercel's name). */
export function directDatabaseUrl(environment: Record<string, string | undefined> = process.env): string | undefined {
  return environment.DATABASE_URL_UNPOOLED || environment.DATABASE_URL;
}
