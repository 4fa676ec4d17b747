// Dependencies point one way: app → components → lib (../shared/style.md). The rule lives in eslint.config.mjs;
// this proves it fires, for every climbing import spelled either way, and stays quiet for the allowed ones.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const eslint = new ESLint({ cwd: root });

async function climbs(file: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { thing } from "${specifier}";\nexport const value = thing;\n`, { filePath: path.join(root, file) });
  return result!.messages.some((message) => message.ruleId === "no-restricted-imports");
}

describe("imports only point downwards", () => {
  it.each([
    ["lib/probe.ts", "@/components/field"],
    ["lib/probe.ts", "@/app/(app)/courses/page"],
    ["lib/probe.ts", "../components/field"],
    ["lib/progress/probe.ts", "../../app/page"],
    ["components/probe.tsx", "@/app/page"],
    ["components/probe.tsx", "../app/(app)/layout"],
  ])("%s may not import %s", async (file, specifier) => {
    expect(await climbs(file, specifier)).toBe(true);
  }, 30_000);

  it.each([
    ["lib/probe.ts", "./db"],
    ["lib/progress/probe.ts", "../access"],
    ["components/probe.tsx", "@/lib/format"],
    ["app/probe.tsx", "@/components/field"],
    ["app/(app)/probe.tsx", "@/lib/access"],
  ])("%s may import %s", async (file, specifier) => {
    expect(await climbs(file, specifier)).toBe(false);
  }, 30_000);
});
