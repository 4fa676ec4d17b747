// `npm run mail:cron [-- --now 2026-12-07T08:00:00Z]`: one pass of the mail cron (lib/mail/cron.ts) against
// the configured database, as /api/cron/mail runs it: plans the reminders and digests due, sends what is due
// over SMTP_URL, prunes old messages, and prints the report as JSON. For a self-hosted instance's system cron
// (every 10 minutes, e.g. `*/10 * * * * cd /srv/schoot && npm run mail:cron`) and for the journeys, which
// pass --now to plan a given week's digests. Reads DATABASE_URL, SMTP_URL, APP_URL, AUTH_SECRET, MAIL_FROM
// from the environment (README, Configuration).
//
// lib/ modules import "server-only", whose package throws unless the "react-server" export condition is
// set, as Next sets it for server code: the npm script runs this file with `tsx --conditions=react-server`,
// which also gives React's server build (lib/access.ts's cache(): outside a request it just calls through,
// so every read here is fresh).
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
