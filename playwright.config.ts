import { defineConfig, devices } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/e2e.ts), which builds the app, starts a throwaway database
// with the demo data and finds a Chromium. Journeys share that data, so they run one at a time.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const isRoot = process.getuid?.() === 0;
const NO_JAVASCRIPT_SPEC = /no-javascript\.spec\.ts$/;
// Raw HTTP with no browser: one project is enough.
const HOSTILE_INPUT_SPEC = /hostile-input\.spec\.ts$/;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH,
  args: [
    ...(isRoot ? ["--no-sandbox"] : []),
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: "desktop", testIgnore: NO_JAVASCRIPT_SPEC, use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions } },
    { name: "phone", testIgnore: [NO_JAVASCRIPT_SPEC, HOSTILE_INPUT_SPEC], use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, launchOptions } },
    // Every form must work before (or without) JavaScript: this project runs its own journeys with scripts off.
    { name: "no-javascript", testMatch: NO_JAVASCRIPT_SPEC, use: { ...devices["Desktop Chrome"], channel: undefined, javaScriptEnabled: false, launchOptions } },
  ],
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
