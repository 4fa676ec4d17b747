import "server-only";
import { randomUUID } from "node:crypto";
import type { SendMailOptions, Transporter } from "nodemailer";
import { findSchoolProgressScope, findTrustOverview } from "../access";
import { db, type Tx } from "../db";
import { env } from "../env";
import type { MailKind, MailStatus } from "../generated/prisma/enums";
import { Prisma } from "../generated/prisma/client";
import { errorFields, logEvent } from "../log";
import { renderHtml, renderText } from "./message";
import { seal, unseal } from "./seal";
import { insertRows } from "../db-bulk";
import { KINDS_WITH_OPTIONAL_SECRET, KINDS_WITH_SECRET, LIST_OF, renderMessage, type Payloads } from "./templates";
import { appUrl, mailTransport } from "./transport";
import { unsubscribeUrl } from "./unsubscribe";

// The outbox (README, Email). A message is a row written in the same transaction as the change that causes it,
// so a change that rolls back sends nothing and a change that commits cannot lose its message. It is sent after
// the response (sendSoon, Next's after()) and by the cron (/api/cron/mail), whichever claims it first: a claim
// is one UPDATE … FOR UPDATE SKIP LOCKED, so two senders never hold the same row. A sender that dies after the
// SMTP server took a message but before marking it sent leaves it SENDING until its claim lapses; it is then sent
// again (at-least-once at that one point, which no SMTP client can close). Its Message-ID is the row's id, so a
// receiving server can tell the copies apart.

/** How long a claim lasts: longer than the slowest send of a batch with the transport's timeouts. */
export const CLAIM_MS = 5 * 60_000;
/** After this many attempts a message is given up (FAILED). Backoff between them: 1, 5, 15, 60, 180, 360, 720 minutes. */
export const MAX_ATTEMPTS = 8;
const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360, 720];

export function retryDelayMs(attempts: number): number {
  return BACKOFF_MINUTES[Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1]! * 60_000;
}

export type OutboxInput<K extends MailKind = MailKind> = {
  kind: K;
  to: string;
  payload: Payloads[K];
  /** The link's token, for the kinds that carry one: sealed here, erased once sent. */
  secret?: string;
  userId?: string | null;
  organisationId?: string | null;
  invitationId?: string | null;
};

function outboxRow<K extends MailKind>(message: OutboxInput<K>) {
  const needsSecret = (KINDS_WITH_SECRET as readonly MailKind[]).includes(message.kind);
  const mayHaveSecret = needsSecret || (KINDS_WITH_OPTIONAL_SECRET as readonly MailKind[]).includes(message.kind);
  if ((needsSecret && !message.secret) || (!mayHaveSecret && message.secret)) {
    throw new Error(`A ${message.kind} message ${needsSecret ? "needs" : "takes no"} link token.`);
  }
  return {
    id: randomUUID(),
    kind: message.kind,
    to: message.to,
    userId: message.userId ?? null,
    organisationId: message.organisationId ?? null,
    invitationId: message.invitationId ?? null,
    payload: message.payload as Prisma.InputJsonValue,
    secret: message.secret ? seal(message.secret) : null,
  };
}

/** Writes a message in the caller's transaction; returns its id, for sendSoon once the transaction commits. */
export async function enqueueMail<K extends MailKind>(tx: Tx, message: OutboxInput<K>): Promise<string> {
  const row = outboxRow(message);
  await tx.outboxMessage.create({ data: row, select: { id: true } });
  return row.id;
}

/** Many messages in one statement (a staff list's welcomes and invitations); returns their ids. */
export async function enqueueMails(tx: Tx, messages: OutboxInput[]): Promise<string[]> {
  const rows = messages.map(outboxRow);
  await insertRows(
    tx, "OutboxMessage",
    [
      { name: "id", type: "uuid" }, { name: "kind", type: '"MailKind"' }, { name: "to", type: "text" }, { name: "userId", type: "uuid" },
      { name: "organisationId", type: "uuid" }, { name: "invitationId", type: "uuid" }, { name: "payload", type: "jsonb" }, { name: "secret", type: "text" },
    ],
    rows.map((r) => [r.id, r.kind, r.to, r.userId, r.organisationId, r.invitationId, r.payload, r.secret]),
  );
  return rows.map((r) => r.id);
}

type Claimed = {
  id: string; kind: MailKind; to: string; userId: string | null; organisationId: string | null; payload: unknown; secret: string | null; attempts: number;
};

/** Takes up to `limit` messages that are due (or whose sender's claim lapsed), for this sender alone. */
async function claim(limit: number, now: Date, ids?: string[]): Promise<Claimed[]> {
  const only = ids ? Prisma.sql`AND id = ANY(${ids}::uuid[])` : Prisma.empty;
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" AS m
       SET status = 'SENDING', "lockedUntil" = ${new Date(now.getTime() + CLAIM_MS)}, attempts = m.attempts + 1
     WHERE m.id IN (
       SELECT id FROM "OutboxMessage"
        WHERE ((status = 'PENDING' AND "nextAttemptAt" <= ${now}) OR (status = 'SENDING' AND "lockedUntil" < ${now})) ${only}
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.kind, m."to", m."userId", m."organisationId", m.payload, m.secret, m.attempts`;
}

async function settle(id: string, attempts: number, data: { status: MailStatus; lastError?: string | null; sentAt?: Date; nextAttemptAt?: Date; secret?: null }) {
  // Only while this sender's claim holds (same attempt): a sender whose claim lapsed does not overwrite the next one's.
  await db.outboxMessage.updateMany({ where: { id, status: "SENDING", attempts }, data: { lockedUntil: null, ...data } });
}

/**
 * Why a message should not go any more, or null: the person is gone, has turned that list off, or (a digest,
 * which a retry may send hours after it was written) may no longer see what it summarises, by the access rule
 * as it stands now.
 */
async function cancelReason(message: Claimed): Promise<string | null> {
  const list = LIST_OF[message.kind];
  if (!list || !message.userId) return null;
  const person = await db.user.findUnique({ where: { id: message.userId }, select: { email: true, emailReminders: true, emailDigest: true } });
  if (!person) return "The person no longer has an account.";
  if (person.email !== message.to) return "The person's address has changed since it was written.";
  if (list === "reminders" && !person.emailReminders) return "The person has turned reminders off.";
  if (list === "digest" && !person.emailDigest) return "The person has turned the weekly digest off.";
  if (message.kind === "SCHOOL_DIGEST" && !(message.organisationId && (await findSchoolProgressScope(message.userId, message.organisationId)))) {
    return "The person may no longer see this school's progress.";
  }
  if (message.kind === "TRUST_DIGEST" && !(message.organisationId && (await findTrustOverview(message.userId, message.organisationId)))) {
    return "The person may no longer see this trust's overview.";
  }
  return null;
}

function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; message?: string };
  return (e.response ?? e.message ?? String(error)).slice(0, 500);
}

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number; cancelled: number };

/**
 * Sends what is due: the given messages (after a change, from sendSoon) or any (the cron), in batches of
 * `batch`, until none is left, `deadline` passes or `max` were claimed. `transport` replaces SMTP_URL's (tests
 * point it at a second local server that refuses).
 */
export async function deliverMail(options: { ids?: string[]; now?: () => Date; batch?: number; max?: number; deadline?: number; transport?: Transporter } = {}): Promise<DeliveryReport> {
  const clock = options.now ?? (() => new Date());
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 };
  const max = options.max ?? 500;
  while (report.claimed < max && (!options.deadline || Date.now() < options.deadline)) {
    const batch = await claim(Math.min(options.batch ?? 20, max - report.claimed), clock(), options.ids);
    if (!batch.length) break;
    report.claimed += batch.length;
    for (const message of batch) await deliverOne(message, clock(), report, options.transport);
  }
  return report;
}

async function deliverOne(message: Claimed, now: Date, report: DeliveryReport, transport?: Transporter) {
  try {
    const cancelled = await cancelReason(message);
    if (cancelled) {
      await settle(message.id, message.attempts, { status: "CANCELLED", lastError: cancelled, secret: null });
      report.cancelled++;
      return;
    }
    const base = appUrl();
    const secret = message.secret ? unseal(message.secret) : null;
    const content = renderMessage(message.kind, message.payload as never, secret, base);
    const list = LIST_OF[message.kind];
    const mail: SendMailOptions = {
      from: env().MAIL_FROM,
      to: message.to,
      subject: content.subject,
      text: renderText(content),
      html: renderHtml(content),
      messageId: `<${message.id}@schoot.mail>`,
      headers: { "X-Schoot-Kind": message.kind },
    };
    if (list && message.userId) {
      // RFC 8058: one click in the mail client POSTs "List-Unsubscribe=One-Click" to this URL.
      mail.list = { unsubscribe: unsubscribeUrl(base, message.userId, list) };
      mail.headers = { ...(mail.headers as Record<string, string>), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
    }
    // Renew the claim just before sending: a batch slowed by a provider may outlive its claim, and another sender
    // may have taken this message since; then it is theirs, and this sender leaves it alone.
    const { count: stillOurs } = await db.outboxMessage.updateMany({
      where: { id: message.id, status: "SENDING", attempts: message.attempts },
      data: { lockedUntil: new Date(Date.now() + CLAIM_MS) },
    });
    if (stillOurs === 0) return;
    await (transport ?? mailTransport()).sendMail(mail);
    await settle(message.id, message.attempts, { status: "SENT", sentAt: new Date(), lastError: null, secret: null });
    report.sent++;
  } catch (error) {
    const permanent = isPermanent(error) || message.attempts >= MAX_ATTEMPTS;
    await settle(message.id, message.attempts, permanent
      ? { status: "FAILED", lastError: describe(error), secret: null }
      : { status: "PENDING", lastError: describe(error), nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)) });
    if (permanent) report.failed++;
    else report.retrying++;
    logEvent(permanent ? "error" : "warn", permanent ? "mail.failed" : "mail.retrying", { messageId: message.id, kind: message.kind, attempts: message.attempts, ...errorFields(error) });
  }
}

/** Sent and given-up messages are kept 90 days (what an Administrator or support may ask about), then removed. */
export async function pruneOutbox(now: Date): Promise<number> {
  const { count } = await db.outboxMessage.deleteMany({
    where: { status: { in: ["SENT", "FAILED", "CANCELLED"] }, createdAt: { lt: new Date(now.getTime() - 90 * 24 * 60 * 60_000) } },
  });
  return count;
}
