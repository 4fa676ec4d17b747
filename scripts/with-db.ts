// Runs a command with DATABASE_URL pointing at a real PostgreSQL.
//   tsx scripts/with-db.ts [--throwaway] [--migrate] [--prepare] [--direct] -- <command...>
// DATABASE_URL (or DATABASE_URL_UNPOOLED) set: that database is used as it is. Unset: an embedded PostgreSQL is
// started (.data/postgres, or a throwaway cluster) and stopped when the command ends or on Ctrl-C.
// --direct gives the command the direct URL (DATABASE_URL_UNPOOLED when set): migrations and seeding use it.
// --migrate applies prisma/migrations (on the direct URL). --prepare is an instance's start (`npm run dev`,
// `npm start`): it migrates and seeds only an embedded database it started itself, and never touches a
// configured one (migrating that is the release step, `npm run db:migrate`), then prints where it serves.
// `next dev` and --throwaway runs (the integration tests) with neither Microsoft nor Google configured also get
// the local test provider (scripts/local-oidc.ts) standing in for both.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { directDatabaseUrl } from "../lib/database-url";
import { startEmbeddedDatabase, type Database } from "./embedded-db";
import { localMailEnv, startLocalMailServer, type LocalMailServer } from "./local-mail";
import { startLocalOidc, type LocalOidc } from "./local-oidc";
import { migrate, POOLED_URL_REFUSED } from "./migrate";

const separator = process.argv.indexOf("--");
const flags = new Set(process.argv.slice(2, separator === -1 ? undefined : separator));
const command = separator === -1 ? [] : process.argv.slice(separator + 1);
if (!command.length) {
  console.error("Usage: tsx scripts/with-db.ts [--throwaway] [--migrate] [--prepare] [--direct] -- <command...>");
  process.exit(2);
}

// A local development secret, generated once and kept in the git-ignored .data folder.
function localAuthSecret(): string {
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

let database: Database | null = null;
const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
if (!env.DATABASE_URL && !env.DATABASE_URL_UNPOOLED) {
  database = await startEmbeddedDatabase({ throwaway: flags.has("--throwaway") });
  env.DATABASE_URL = database.url;
  if (!env.AUTH_SECRET) env.AUTH_SECRET = localAuthSecret();
} else if (flags.has("--direct")) {
  env.DATABASE_URL = directDatabaseUrl(env);
}

// Email: with no SMTP_URL, a local SMTP server of the project's own keeps what the app sends (in .data/mail, or a
// throwaway folder), for /dev/mailbox and the tests, when the database is the embedded one or the command is
// `next dev`. A configured database with no SMTP_URL (a production-like start) gets none: nothing is sent there
// until SMTP_URL is set, and the outbox says why.
let mail: LocalMailServer | null = null;
let throwawayMailDir: string | null = null;
const port = env.PORT ?? "3000";
if (!env.SMTP_URL && (database || command.includes("dev"))) {
  const dir = flags.has("--throwaway") ? (throwawayMailDir = mkdtempSync(path.join(tmpdir(), "schoot-mail-"))) : path.resolve(".data/mail");
  mail = await startLocalMailServer({ dir });
  Object.assign(env, localMailEnv(mail, env, `http://localhost:${port}`));
}

// "Sign in with Microsoft" and "Sign in with Google" against a provider on this machine: only over the embedded
// database (it lets anyone claim any address), never over a provider that is configured.
let oidc: LocalOidc | null = null;
if (database && (command.includes("dev") || flags.has("--throwaway")) && !env.AUTH_MICROSOFT_ENTRA_ID_ID && !env.AUTH_GOOGLE_ID) {
  oidc = await startLocalOidc({ appUrl: `http://localhost:${port}` });
  Object.assign(env, oidc.env);
}

async function stopDatabase() {
  if (oidc) await oidc.stop().catch(() => {});
  if (mail) await mail.stop().catch(() => {});
  if (throwawayMailDir) rmSync(throwawayMailDir, { recursive: true, force: true });
  if (database) await database.stop().catch((error) => console.error("Could not stop PostgreSQL:", error));
}

try {
  if (flags.has("--migrate") || (flags.has("--prepare") && database)) {
    const applied = await migrate(directDatabaseUrl(env)!);
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  }
  if (flags.has("--prepare")) {
    if (database) {
      // Demo accounts share a published password: only the local embedded database gets them unasked.
      const { seedIfEmpty } = await import("../prisma/seed");
      if (await seedIfEmpty(env.DATABASE_URL!)) console.log("Seeded the demo data.");
    } else {
      console.log("Using the configured database as it is: migrations are the release step (`npm run db:migrate`).");
    }
    const demo = database ? "  Demo sign-ins (password schoot-demo-2026):\n    lead@northstar.example   MAT lead\n    head@riverside.example   school Administrator\n" : "";
    const mailbox = mail ? `  Email goes to the local mailbox: http://localhost:${port}/dev/mailbox?key=${env.SCHOOT_LOCAL_MAILBOX}\n` : "";
    const providers = oidc ? `  Sign in with Microsoft or Google goes to a local test provider (${oidc.issuer}): any address, verified or not.\n` : "";
    console.log(`\n  Schoot trust progress: http://localhost:${port}\n${demo}${mailbox}${providers}`);
  }
} catch (error) {
  console.error(error instanceof Error && error.message === POOLED_URL_REFUSED ? error.message : error);
  await stopDatabase();
  process.exit(1);
}

// What Vercel Cron does in production: call the mail cron every minute (reminders, digests, retries).
if (flags.has("--prepare") && mail) {
  const tick = setInterval(() => {
    fetch(`http://127.0.0.1:${port}/api/cron/mail`, { headers: { authorization: `Bearer ${env.CRON_SECRET}` } }).catch(() => {});
  }, 60_000);
  tick.unref();
}

const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env, shell: process.platform === "win32" });
let exiting = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    child.kill(signal);
  });
}
child.on("exit", async (code, signal) => {
  await stopDatabase();
  process.exit(code ?? (signal ? 1 : 0));
});
