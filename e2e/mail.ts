// What the app sent, read from the local SMTP server's folder (scripts/e2e.ts starts it; MAIL_CAPTURE_DIR).
import { mailboxFiles, waitForMail, type ReceivedMail } from "../lib/mail/mailbox";

function dir(): string {
  const value = process.env.MAIL_CAPTURE_DIR;
  if (!value) throw new Error("MAIL_CAPTURE_DIR is not set: run the journeys with `npm run test:e2e`.");
  return value;
}

/** How many messages have arrived so far: pass it to `receivedMail` to wait only for newer ones. */
export function mailCount(): number {
  return mailboxFiles(dir()).length;
}

/** Waits for an email to `to` whose subject matches, newer than `after` messages. */
export function receivedMail(to: string, subject: RegExp, after = 0, timeoutMs = 15_000): Promise<ReceivedMail> {
  return waitForMail(dir(), to, subject, { after, timeoutMs });
}

/** The one link a message holds (every message has exactly one). */
export function onlyLink(mail: ReceivedMail): string {
  if (mail.links.length !== 1) throw new Error(`Expected one link in "${mail.subject}", found ${mail.links.length}.`);
  return mail.links[0]!;
}
