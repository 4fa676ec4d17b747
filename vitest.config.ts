import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // lib/ modules import "server-only" to stay out of client bundles; tests run them on the server side.
      "server-only": path.join(root, "scripts/empty-module.ts"),
    },
  },
  test: {
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve; Vite can,
    // so it is bundled into the tests instead. Domain modules reach it through lib/action.ts (the error classes).
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          // Files share one database: run them one at a time, each test resetting what it uses.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
