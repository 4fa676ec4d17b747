// lib/access.ts is the only place the progress rule lives. This test reads the source tree and fails when a
// progress page, export or transparency page skips it, or when another file re-implements the rule.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

const files = [...sourceFiles("app"), ...sourceFiles("lib"), ...sourceFiles("components")];
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("lib/access.ts is the single choke point", () => {
  // Every page or route under a school's progress, a trust's overview, or the transparency page.
  const guarded = files.filter((f) => /^app\/.*(progress\/\[schoolId\]|overview\/\[trustId\]|who-can-see)(\/.*)?\/(page\.tsx|route\.ts)$/.test(f));

  it("finds the pages and routes it guards", () => {
    expect(guarded).toEqual(expect.arrayContaining([
      "app/(app)/workplace/who-can-see/page.tsx",
      "app/(app)/courses/progress/[schoolId]/page.tsx",
      "app/(app)/courses/progress/[schoolId]/export/route.ts",
      "app/(app)/courses/overview/[trustId]/page.tsx",
      "app/(app)/courses/overview/[trustId]/export/route.ts",
    ]));
  });

  it.each(guarded)("%s asks lib/access.ts", (file) => {
    expect(read(file)).toMatch(/from "@\/lib\/access"/);
  });

  it("names a role only in the permission table and the labels: everything else asks can() or rolesWith()", () => {
    const offenders = files.filter((file) => !["lib/permissions.ts", "lib/labels.ts"].includes(file) && /["'](ADMINISTRATOR|MEMBER)["']/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it("makes scope objects only in lib/access.ts: no other source file casts to one", () => {
    const offenders = files.filter((file) => file !== "lib/access.ts" && /\bas\s+(unknown\s+as\s+)?(SchoolProgressScope|TrustOverviewScope|MemberScope|PermittedScope)\b/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it("no other file combines trust designations, roles and progress data", () => {
    const offenders = files.filter((file) => {
      if (file === "lib/access.ts") return false;
      const text = read(file);
      return /ACADEMIES/.test(text) && /ADMINISTRATOR/.test(text) && /[Ee]nrolment|LessonCompletion/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
