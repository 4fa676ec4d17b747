// `npm run mail:cron [-- --now 2026-12-07T08:00:00Z]`: one pass of the mail cron (lib/mail/cron.ts) against
// the configured database, as /api/cron/mail runs it: plans the reminders and digests due, sends what is due
// over SMTP_URL, prunes old messages, and prints the report as JSON. For a self-hosted instance's system cron
// (every 10 minutes, e.g. `*/10 * * * * cd /srv/schoot && npm run mail:cron`) and for the journeys, which
// pass --now to plan a given week's digests. Reads DATABASE_URL, SMTP_URL, APP_URL, AUTH_SECRET, MAIL_FROM
// from the environment (README, Configuration).
//
// lib/ modules import "server-only", whose package throws outside a React Server Components build. Running
// under `tsx --conditions=react-server` was tried and fails: lib/access.ts imports next/navigation, which
// then meets React's server build and stops at createContext. So the npm script loads this file with
// `tsx --import ./scripts/server-only-loader.mjs`, the loader the benchmark uses, which resolves "server-only"
// to an empty module (as vitest's alias does) and leaves React's ordinary build, whose cache() outside a
// request simply calls through: every read of a pass is fresh.
import { runMailCron } from "../lib/mail/cron";

function parseNow(argv: string[]): Date {
  const i = argv.indexOf("--now");
  if (i === -1) return new Date();
  const value = argv[i + 1];
  const now = value ? new Date(value) : new Date(NaN);
  if (Number.isNaN(now.getTime())) {
    console.error(`--now needs a moment, like 2026-12-07T08:00:00Z (got ${value ?? "nothing"}).`);
    process.exit(2);
  }
  return now;
}

const now = parseNow(process.argv.slice(2));
try {
  const report = await runMailCron(now);
  console.log(JSON.stringify({ now: now.toISOString(), ...report }));
  process.exit(report.failed?.length ? 1 : 0);
} catch (error) {
  console.error("The mail cron failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
