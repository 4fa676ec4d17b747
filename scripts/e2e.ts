// `npm run test:e2e`: the Playwright suite against a production build (`next build`, then `next start`)
// on its own throwaway PostgreSQL with the demo data. Extra arguments go to `playwright test`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { findChromium, NO_CHROMIUM } from "./chromium";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startEmbeddedDatabase, type Database } from "./embedded-db";
import { localMailEnv, startLocalMailServer, type LocalMailServer } from "./local-mail";
import { startLocalOidc, type LocalOidc } from "./local-oidc";
import { migrate } from "./migrate";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}

let database: Database | null = null;
let mail: LocalMailServer | null = null;
let oidc: LocalOidc | null = null;
const mailDir = mkdtempSync(path.join(tmpdir(), "schoot-e2e-mail-"));
let code = 1;
try {
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: chromiumPath, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1" };
  if (!process.env.E2E_DATABASE_URL) {
    database = await startEmbeddedDatabase({ throwaway: true });
    env.DATABASE_URL = database.url;
  } else {
    env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  }
  await migrate(env.DATABASE_URL!);
  const { seedIfEmpty } = await import("../prisma/seed");
  await seedIfEmpty(env.DATABASE_URL!);

  if (!process.argv.includes("--no-build")) {
    code = await run("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
    if (code !== 0) throw new Error("next build failed");
  }
  env.E2E_PORT = String(await freePort());
  // The app sends over real SMTP to the project's local server; the journeys read what arrived (e2e/mail.ts).
  mail = await startLocalMailServer({ dir: mailDir });
  Object.assign(env, localMailEnv(mail, {}, `http://127.0.0.1:${env.E2E_PORT}`));
  // "Sign in with Microsoft" and "Sign in with Google" go to the project's local OpenID Connect provider.
  oidc = await startLocalOidc({ appUrl: `http://127.0.0.1:${env.E2E_PORT}` });
  Object.assign(env, oidc.env);
  code = await run("npx", ["playwright", "test", ...process.argv.slice(2).filter((a) => a !== "--no-build")], env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  code ||= 1;
} finally {
  await oidc?.stop();
  await mail?.stop();
  rmSync(mailDir, { recursive: true, force: true });
  await database?.stop();
}
process.exit(code);
