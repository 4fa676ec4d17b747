// `npm run staff:import -- <school URN> <file> [--dry-run] [--yes] [--remove-leavers] [--skip-problems]`:
// the My School staff list import for a trust's central team, against the configured database (DATABASE_URL,
// and AUTH_SECRET; SMTP_URL, APP_URL and MAIL_FROM to send the emails now, README "Configuration"). It prints
// the same preview as the web page, asks before removing leavers, skipping bad rows and applying, then applies
// it in one transaction, audited as the command line (lib/staff-import), and sends the emails it queued.
//
//   --dry-run        print the preview and stop
//   --yes            apply without asking (a script's run; without it, a run with no terminal applies nothing)
//   --remove-leavers remove the people no longer on the list without asking
//   --skip-problems  skip the rows with problems without asking
//
// Exit codes: 0 applied (or a dry run's preview); 1 not applied (a problem in the file, a refused answer, no
// --yes without a terminal, the staff changed meanwhile); 2 wrong arguments, an unreadable file, an unknown URN.
// Loaded with `tsx --import ./scripts/server-only-loader.mjs`, as mail:cron is (that script says why).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { env } from "../lib/env";
import { ActionError, NotFoundError } from "../lib/errors";
import { roleLabels } from "../lib/labels";
import { deliverMail } from "../lib/mail/outbox";
import { applyForSchool, changesAnything, planForSchool, type ImportPlan, type ImportSummary } from "../lib/staff-import";

const USAGE = "Usage: npm run staff:import -- <school URN> <file.csv> [--dry-run] [--yes] [--remove-leavers] [--skip-problems]";
const FLAGS = ["--dry-run", "--yes", "--remove-leavers", "--skip-problems"] as const;
type Flag = (typeof FLAGS)[number];

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function parseArguments(argv: string[]): { urn: string; file: string; flags: Set<Flag> } {
  const flags = new Set<Flag>();
  const positional: string[] = [];
  for (const arg of argv) {
    if ((FLAGS as readonly string[]).includes(arg)) flags.add(arg as Flag);
    else if (arg.startsWith("--")) fail(`Unknown option ${arg}.\n${USAGE}`, 2);
    else positional.push(arg);
  }
  if (positional.length !== 2) fail(USAGE, 2);
  return { urn: positional[0]!.trim(), file: positional[1]!, flags };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const person = (name: string, email: string) => (name ? `${name} <${email}>` : email);

/** The web page's preview, as text: counts per group, then each person per group, then the bad rows by line. */
function previewText(plan: ImportPlan): string {
  const added = plan.joiners;
  const lines: string[] = [];
  const group = (heading: string, rows: string[]) => {
    if (!rows.length) return;
    lines.push("", `${heading} (${rows.length})`, ...rows.map((row) => `  ${row}`));
  };
  lines.push(
    `Will be added: ${added.length}`,
    `Changes: ${plan.changes.length}`,
    `No longer on the list: ${plan.leavers.length}`,
    `Rows with problems: ${plan.problems.length}`,
    `Unchanged: ${plan.unchanged}${plan.alreadyInvited ? ` (and ${plan.alreadyInvited} already invited)` : ""}`,
  );
  const joiner = (j: ImportPlan["joiners"][number]) =>
    `line ${j.line}: ${person(j.name, j.email)}, ${roleLabels[j.role]}${j.startDate ? `, starts ${j.startDate}` : ""}${j.roleNote ? ` (the list says Administrator: ${j.roleNote})` : ""}`;
  group("Will be added: a new account each, with a welcome email (anyone who has a Schoot account is invited instead, and joins on accepting)", added.map(joiner));
  group(
    "Changes",
    plan.changes.map((c) => {
      const parts = [
        c.name ? `name ${c.name.from} → ${c.name.to}` : null,
        c.nameKeptBecause ? `name kept: ${c.nameKeptBecause}` : null,
        c.role ? `role ${roleLabels[c.role.from]} → ${roleLabels[c.role.to]}` : null,
        c.roleKeptBecause ? `role kept: they have not signed in yet (make them an Administrator once they have)` : null,
      ].filter(Boolean);
      return `line ${c.line}: ${c.email}: ${parts.join("; ")}`;
    }),
  );
  group(
    "No longer on the list",
    plan.leavers.map((l) => `${person(l.name, l.email)}, ${roleLabels[l.role]}${l.keptBecause ? ` (stays: ${l.keptBecause})` : ""}`),
  );
  group(
    "Rows with problems",
    plan.problems.map((p) => `${p.line === 0 ? "the whole file" : `line ${p.line}`}: ${p.reason}${p.email && !p.reason.includes(p.email) ? ` (${p.email})` : ""}`),
  );
  return lines.join("\n");
}

function summaryText(summary: ImportSummary): string {
  return [
    "Import complete",
    `  Added: ${summary.added}`,
    `  Invited: ${summary.invited}`,
    `  Renamed: ${summary.renamed}`,
    `  Role changed: ${summary.roleChanged}`,
    `  Removed: ${summary.removed}`,
    `  Rows skipped: ${summary.skipped}`,
  ].join("\n");
}

// One reader of lines for the whole run, which buffers them: answers typed (or pasted) ahead are kept for the
// questions they answer, where a question asked of readline would miss a line that came before it.
let answers: AsyncIterator<string> | null = null;

/** Asks on the terminal; anything but y or yes is no, and so is the end of input (Ctrl+D). */
async function ask(question: string): Promise<boolean> {
  answers ??= createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  process.stdout.write(`${question} [y/N] `);
  const answer = await answers.next();
  if (answer.done) process.stdout.write("\n");
  return !answer.done && /^\s*y(es)?\s*$/i.test(answer.value);
}

/** Sends the queued emails once now when this machine can send; otherwise the mail cron sends them. */
async function sendQueued(ids: string[]): Promise<string> {
  if (!ids.length) return "No emails to send.";
  const settings = env();
  if (!settings.SMTP_URL || !settings.APP_URL) {
    return `${plural(ids.length, "email")} queued: ${!settings.SMTP_URL ? "SMTP_URL" : "APP_URL"} is not set here, so they go on the next mail cron run.`;
  }
  const report = await deliverMail({ ids });
  const left = ids.length - report.sent - report.cancelled;
  return `${plural(report.sent, "email")} sent.${left > 0 ? ` ${plural(left, "email")} not sent yet: the mail cron tries again.` : ""}`;
}

async function main(): Promise<number> {
  const { urn, file, flags } = parseArguments(process.argv.slice(2));
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`, 2);
  }

  let planned: Awaited<ReturnType<typeof planForSchool>>;
  try {
    planned = await planForSchool(urn, bytes, path.basename(file));
  } catch (error) {
    if (error instanceof NotFoundError) fail(`No school has URN ${urn}.`, 2);
    throw error;
  }
  if ("fileProblem" in planned) fail(`${path.basename(file)} cannot be imported: ${planned.fileProblem}`, 1);

  const { plan, organisationName, organisationId, importId } = planned;
  console.log(`Staff list ${path.basename(file)} for ${organisationName} (URN ${urn})\n`);
  console.log(previewText(plan));
  console.log("");
  if (flags.has("--dry-run")) {
    console.log("Dry run: nothing changed.");
    return 0;
  }

  const interactive = process.stdin.isTTY === true;
  if (!interactive && !flags.has("--yes")) {
    console.error("Not applied: run with --yes to apply.");
    return 1;
  }
  const removable = plan.leavers.filter((l) => !l.keptBecause).length;
  const removeLeavers =
    removable > 0 && (flags.has("--remove-leavers") || (interactive && (await ask(`Remove the ${plural(removable, "person", "people")} no longer on the list?`))));
  if (removable > 0 && !removeLeavers) console.log(`The ${plural(removable, "person", "people")} no longer on the list ${removable === 1 ? "stays" : "stay"}${interactive ? "" : " (--remove-leavers removes them)"}.`);
  const problems = plan.problems.length;
  if (problems > 0) {
    const skip = flags.has("--skip-problems") || (interactive && (await ask(`Skip the ${plural(problems, "row")} with problems?`)));
    if (!skip) {
      console.error(`Not applied: fix the ${plural(problems, "row")} with problems, or skip them${interactive ? "" : " with --skip-problems"}.`);
      return 1;
    }
  }
  // The same list twice: the second run has nothing to do, and says so rather than record an empty import.
  if (!changesAnything({ ...plan, leavers: removeLeavers ? plan.leavers : [] })) {
    console.log(removable && !removeLeavers ? "Nothing else to change." : "Nothing to change: the staff already match the list.");
    return 0;
  }
  if (!flags.has("--yes") && !(await ask(`Apply these changes to ${organisationName}?`))) {
    console.error("Not applied.");
    return 1;
  }

  let applied: Awaited<ReturnType<typeof applyForSchool>>;
  try {
    applied = await applyForSchool({ organisationId, importId, fingerprint: plan.fingerprint, removeLeavers, skipProblems: problems > 0 });
  } catch (error) {
    // The staff changed since the preview (someone changed them on My School meanwhile, say): a new run previews again.
    if (error instanceof ActionError) fail(`Not applied: ${error.message}\nRun the command again to read the new preview.`, 1);
    throw error;
  }
  console.log(summaryText(applied.summary));
  console.log(await sendQueued(applied.outboxIds));
  return 0;
}

try {
  process.exit(await main());
} catch (error) {
  console.error("The staff list import failed:", error instanceof Error ? error.message : error);
  process.exit(1);
}
