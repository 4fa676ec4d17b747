// `npm run lighthouse`: Lighthouse 12 (mobile preset, simulated throttling) on the system Chromium, against a
// production build with the demo data, signed in as lead@northstar.example. Prints the performance score of
// the Trust overview and of a school's progress page. A measuring script, not part of CI.
//   npm run lighthouse [-- --no-build]
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import { chromium } from "@playwright/test";
import { findChromium, NO_CHROMIUM } from "./chromium";
import { freePort, startEmbeddedDatabase } from "./embedded-db";
import { migrate } from "./migrate";

const chromePath = findChromium();
if (!chromePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const chromeFlags = ["--headless=new", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", ...(process.getuid?.() === 0 ? ["--no-sandbox"] : [])];

const database = await startEmbeddedDatabase({ throwaway: true });
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
let server: ReturnType<typeof spawn> | undefined;
try {
  await migrate(database.url);
  const { seedIfEmpty } = await import("../prisma/seed");
  await seedIfEmpty(database.url);
  if (!process.argv.includes("--no-build")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/sign-in`)).ok) break; } catch { /* not up yet */ }
    if (i > 120) throw new Error("next start did not answer");
    await new Promise((r) => setTimeout(r, 500));
  }

  // Sign in through the real form once, and hand the session cookie to Lighthouse.
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags.filter((f) => f !== "--headless=new") });
  const page = await browser.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("lead@northstar.example");
  await page.getByLabel("Password").fill("schoot-demo-2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/workplace/);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const ids = await client.query<{ name: string; id: string }>(`SELECT name, id FROM "Organisation" WHERE name IN ('Northstar Academy Trust', 'Riverside Primary Academy')`);
  await client.end();
  const idOf = (name: string) => ids.rows.find((r) => r.name === name)!.id;
  const pages = [
    ["Trust overview", `${base}/courses/overview/${idOf("Northstar Academy Trust")}`],
    ["School progress", `${base}/courses/progress/${idOf("Riverside Primary Academy")}`],
  ] as const;

  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    for (const [label, url] of pages) {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (lhr.finalDisplayedUrl.includes("/sign-in") || lhr.runtimeError) throw new Error(`${label}: ${lhr.runtimeError?.message ?? "landed on the sign-in page"}`);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? "n/a";
      console.log(
        `${label}: performance ${Math.round((lhr.categories.performance?.score ?? 0) * 100)} ` +
          `(FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}) ${new URL(url).pathname}`,
      );
    }
  } finally {
    chrome.kill();
  }
} finally {
  if (server?.pid) try { process.kill(-server.pid, "SIGTERM"); } catch { /* already gone */ }
  await database.stop();
}
