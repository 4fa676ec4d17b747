// `npm test`: every check, in order, stopping at the first failure. Non-interactive; exit code 0 only if all pass.
import { spawnSync } from "node:child_process";

const steps: [string, string[]][] = [
  ["Typecheck", ["npx", "tsc", "--noEmit"]],
  ["Lint", ["npx", "eslint", "--max-warnings", "0", "."]],
  ["Unit tests", ["npx", "vitest", "run", "--project", "unit"]],
  ["Integration tests (throwaway PostgreSQL)", ["npx", "tsx", "scripts/with-db.ts", "--throwaway", "--migrate", "--", "sh", "-c", "npx tsx scripts/new-migration.ts --check && npx vitest run --project integration"]],
  ["End-to-end tests (production build, Chromium)", ["npx", "tsx", "scripts/e2e.ts"]],
];
/** Set for the steps after "Typecheck" passed: the end-to-end build need not check the same sources again. */
const after: Record<string, Record<string, string>> = { "End-to-end tests (production build, Chromium)": { SCHOOT_TYPES_CHECKED: "1" } };

const timings: string[] = [];
const started = Date.now();
for (const [name, [command, ...args]] of steps) {
  console.log(`\n━━ ${name}`);
  const stepStarted = Date.now();
  const result = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, CI: process.env.CI ?? "true", ...after[name] } });
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  timings.push(`  ${result.status === 0 ? "✓" : "✗"} ${name} (${seconds} s)`);
  if (result.status !== 0) {
    console.error(`\n${timings.join("\n")}\n\n${name} failed.`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${timings.join("\n")}\n\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
