// `npm run staff:import -- <school URN> <file>`, run as a person or a script runs it: the real command in a child
// process, against this run's database and local SMTP server (the environment the integration run gives it).
// Its stdin is a pipe, not a terminal: without --yes it shows the preview and applies nothing.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { makeOrganisation, makeUser, unique } = await import("./helpers");
const { waitForMailTo } = await import("./mail-helpers");

const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "staff-import-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

/** The npm script, with its stdin closed at once (a script's run, or a pipe). */
function staffImport(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "staff:import", "--", ...args], {
      cwd: root,
      env: { ...process.env, AUTH_SECRET: process.env.AUTH_SECRET ?? "integration-tests-secret-integration-tests-secret" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

function csvFile(lines: string[]): string {
  const file = path.join(dir, `${unique("staff")}.csv`);
  writeFileSync(file, `${lines.join("\r\n")}\r\n`);
  return file;
}

/** A URN no school has: a fixture's, or the one an unknown-URN run asks for. */
async function freeUrn(): Promise<string> {
  for (;;) {
    const urn = String(900_000 + Math.floor(Math.random() * 99_999));
    if (!(await db.organisation.findUnique({ where: { urn }, select: { id: true } }))) return urn;
  }
}

const membersOf = async (organisationId: string) =>
  (await db.membership.findMany({ where: { organisationId }, select: { role: true, user: { select: { email: true, name: true } } } }))
    .map((m) => ({ email: m.user.email, name: m.user.name, role: m.role }))
    .sort((a, b) => a.email.localeCompare(b.email));

describe("npm run staff:import", () => {
  let school: { id: string; name: string };
  let urn: string;
  let admin: { email: string };
  const newcomer = { name: "Ada Quillfeather", email: `${unique("ada")}@staff-list.example` };
  const second = { name: "Bram Oakenshield", email: `${unique("bram")}@staff-list.example` };

  beforeAll(async () => {
    urn = await freeUrn();
    school = await db.organisation.update({ where: { id: (await makeOrganisation()).id }, data: { urn }, select: { id: true, name: true } });
    admin = await makeUser(school.id, "ADMINISTRATOR");
  });

  const listWithBoth = () => csvFile(["name,email,role,start date", `${admin.email.split("@")[0]},${admin.email},Administrator,`, `${newcomer.name},${newcomer.email},Member,2026-09-01`, `${second.name},${second.email},,`]);

  it("with --dry-run prints the preview and changes nothing", async () => {
    const before = await membersOf(school.id);
    const run = await staffImport(urn, listWithBoth(), "--dry-run");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`for ${school.name} (URN ${urn})`);
    expect(run.stdout).toContain("Will be added: 2");
    expect(run.stdout).toContain(`${newcomer.name} <${newcomer.email}>, Member, starts 2026-09-01`);
    expect(run.stdout).toContain("Rows with problems: 0");
    expect(run.stdout).toContain("Dry run: nothing changed.");
    expect(await membersOf(school.id)).toEqual(before);
  });

  it("with no terminal and no --yes prints the preview and applies nothing", async () => {
    const before = await membersOf(school.id);
    const run = await staffImport(urn, listWithBoth());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Will be added: 2");
    expect(run.stderr).toContain("Not applied: run with --yes to apply.");
    expect(await membersOf(school.id)).toEqual(before);
  });

  it("with --yes applies the list, sends the welcome emails, and a second run changes nothing", async () => {
    const run = await staffImport(urn, listWithBoth(), "--yes");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Import complete");
    expect(run.stdout).toContain("Added: 2");
    expect(run.stdout).toMatch(/2 emails sent\./);
    expect(await membersOf(school.id)).toEqual(
      [
        { email: admin.email, name: expect.any(String), role: "ADMINISTRATOR" },
        { ...newcomer, role: "MEMBER" },
        { ...second, role: "MEMBER" },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
    await waitForMailTo(newcomer.email, new RegExp(school.name));
    const audit = await db.auditLog.count({ where: { organisationId: school.id, actorId: null } });
    expect(audit).toBeGreaterThan(0);

    const again = await staffImport(urn, listWithBoth(), "--yes");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Will be added: 0");
    expect(again.stdout).toContain("Changes: 0");
    expect(again.stdout).toContain("Nothing to change: the staff already match the list.");
    expect(await db.staffImport.count({ where: { organisationId: school.id, appliedAt: { not: null } } })).toBe(1);
  });

  it("removes people no longer on the list only with --remove-leavers", async () => {
    const listWithout = () => csvFile(["name,email,role,start date", `${admin.email.split("@")[0]},${admin.email},Administrator,`, `${newcomer.name},${newcomer.email},Member,`]);
    const kept = await staffImport(urn, listWithout(), "--yes");
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("No longer on the list: 1");
    expect(kept.stdout).toContain(`${second.name} <${second.email}>, Member`);
    expect(kept.stdout).toContain("The 1 person no longer on the list stays (--remove-leavers removes them).");
    expect(kept.stdout).toContain("Nothing else to change.");
    expect((await membersOf(school.id)).map((m) => m.email)).toContain(second.email);

    const removed = await staffImport(urn, listWithout(), "--yes", "--remove-leavers");
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("Removed: 1");
    expect((await membersOf(school.id)).map((m) => m.email)).not.toContain(second.email);
  });

  it("refuses a file with a bad row unless told to skip it, changing nothing", async () => {
    const third = `${unique("cass")}@staff-list.example`;
    const file = csvFile(["name,email,role,start date", `${admin.email.split("@")[0]},${admin.email},Administrator,`, `${newcomer.name},${newcomer.email},Member,`, `Cass Underhill,${third},,`, "Dot Nowhere,not-an-address,,"]);
    const before = await membersOf(school.id);
    const refused = await staffImport(urn, file, "--yes");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("Rows with problems: 1");
    expect(refused.stdout).toMatch(/line 5: .+/);
    expect(refused.stderr).toContain("Not applied: fix the 1 row with problems, or skip them with --skip-problems.");
    expect(await membersOf(school.id)).toEqual(before);

    const skipped = await staffImport(urn, file, "--yes", "--skip-problems");
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain("Rows skipped: 1");
    expect((await membersOf(school.id)).map((m) => m.email)).toContain(third);
  });

  it("answers an unknown URN with exit code 2", async () => {
    const missing = await freeUrn();
    const run = await staffImport(missing, listWithBoth(), "--dry-run");
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`No school has URN ${missing}.`);
  });

  it("answers wrong arguments and a missing file with exit code 2", async () => {
    expect((await staffImport(urn)).code).toBe(2);
    const missingFile = await staffImport(urn, path.join(dir, "nothing-here.csv"));
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain("no such file");
  });
});
