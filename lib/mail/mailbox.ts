// Reads the local SMTP server's folder (scripts/local-mail.ts): for /dev/mailbox and for the tests, which read
// what was really sent over SMTP. No "server-only": Playwright's and vitest's processes import it too.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

export type ReceivedMail = {
  /** The file's name without .eml: its place in the folder, newest last. */
  id: string;
  to: string;
  from: string;
  subject: string;
  date: Date | null;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** Every http(s) link in the HTML version, in order. */
  links: string[];
};

const LINK = /href="(https?:\/\/[^"]+)"/g;
const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

export function mailboxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(".eml")).sort();
}

export async function readMail(dir: string, file: string): Promise<ReceivedMail> {
  const parsed = await simpleParser(readFileSync(path.join(dir, file)));
  const html = typeof parsed.html === "string" ? parsed.html : "";
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(", ") : parsed.to?.text ?? "";
  return {
    id: file.replace(/\.eml$/, ""),
    to,
    from: parsed.from?.text ?? "",
    subject: parsed.subject ?? "",
    date: parsed.date ?? null,
    text: parsed.text ?? "",
    html,
    headers,
    links: [...html.matchAll(LINK)].map((m) => m[1]!.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]!)),
  };
}

/** Every message in the folder, newest first; `to` keeps those sent to one address. */
export async function readMailbox(dir: string, options: { to?: string; limit?: number } = {}): Promise<ReceivedMail[]> {
  const files = mailboxFiles(dir).reverse();
  const out: ReceivedMail[] = [];
  for (const file of files) {
    const mail = await readMail(dir, file);
    if (options.to && !mail.to.toLowerCase().includes(options.to.toLowerCase())) continue;
    out.push(mail);
    if (options.limit && out.length >= options.limit) break;
  }
  return out;
}

/** Waits (polling) for a message to `to` whose subject matches, received after `since` files were there. */
export async function waitForMail(dir: string, to: string, subject: RegExp, options: { timeoutMs?: number; after?: number } = {}): Promise<ReceivedMail> {
  const until = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const files = mailboxFiles(dir).slice(options.after ?? 0).reverse();
    for (const file of files) {
      const mail = await readMail(dir, file);
      if (mail.to.toLowerCase().includes(to.toLowerCase()) && subject.test(mail.subject)) return mail;
    }
    if (Date.now() > until) throw new Error(`No email to ${to} matching ${subject} arrived in ${options.timeoutMs ?? 10_000} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
