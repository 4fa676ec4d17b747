// Integration tests read what was really sent over SMTP to the local server that `scripts/with-db.ts` started
// for this run (MAIL_CAPTURE_DIR), and send the outbox themselves (what sendSoon and the cron do in the app).
import { db } from "@/lib/db";
import { deliverMail } from "@/lib/mail/outbox";
import { mailboxFiles, readMailbox, waitForMail, type ReceivedMail } from "@/lib/mail/mailbox";

export function mailDir(): string {
  const value = process.env.MAIL_CAPTURE_DIR;
  if (!value) throw new Error("MAIL_CAPTURE_DIR is not set: run integration tests with `npm run test:integration`.");
  return value;
}

export const mailCount = () => mailboxFiles(mailDir()).length;

/** Sends the given outbox messages now (or every due one), as the app's after() would. */
export function sendNow(ids?: string[]) {
  return deliverMail(ids ? { ids } : {});
}

/** Every message received for an address, newest first. */
export function mailTo(address: string): Promise<ReceivedMail[]> {
  return readMailbox(mailDir(), { to: address });
}

export function waitForMailTo(address: string, subject: RegExp, after = 0): Promise<ReceivedMail> {
  return waitForMail(mailDir(), address, subject, { after });
}

/** The outbox rows written for an address, oldest first. */
/** The address's outbox rows, oldest first; rows written in one transaction share a time, so then by kind (MailKind's order). */
export function outboxFor(address: string) {
  return db.outboxMessage.findMany({ where: { to: address }, orderBy: [{ createdAt: "asc" }, { kind: "asc" }] });
}
