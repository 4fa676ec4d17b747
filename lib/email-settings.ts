import "server-only";
import { z } from "zod";
import { writeAudit } from "./audit";
import { db } from "./db";
import { NotFoundError } from "./errors";
import type { MailList } from "./mail/unsubscribe";

/*
 * Which of the emails that can be turned off a person gets (reminders, the weekly digest). Invitations, address
 * confirmations and password resets always go. The outbox reads these settings when it sends (lib/mail/outbox.ts,
 * cancelReason), so a message already written for someone who turns its list off is cancelled, not sent.
 * Both ways of changing them, the Account page and the one-click link in a message, change only the one person's
 * row and write the audit row in the same transaction.
 */

export type EmailSettings = { reminders: boolean; digest: boolean };

/** The words for each list, where a person reads what they are turning off. */
export const LIST_WORDS: Record<MailList, string> = {
  reminders: "reminders about your required training",
  digest: "the weekly digest",
};

// A checkbox sends "on" when ticked and nothing when not: absent means off.
const checkbox = z.literal("on", { error: "Tick the box or leave it empty" }).optional().transform((value) => value === "on");

export const emailSettingsInput = z.object({ reminders: checkbox, digest: checkbox });

export async function getEmailSettings(userId: string): Promise<EmailSettings | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailReminders: true, emailDigest: true } });
  return user ? { reminders: user.emailReminders, digest: user.emailDigest } : null;
}

/**
 * The person sets their own choices (the id is the session's, never the form's). The row is locked while it is
 * read and written, so the audit row's "before" is what the change replaced. Nothing changed, nothing audited.
 */
export async function changeEmailSettings(userId: string, settings: EmailSettings): Promise<EmailSettings> {
  // Only the two choices, whatever else the caller's object holds (it lands in the audit log as it is).
  const after: EmailSettings = { reminders: settings.reminders, digest: settings.digest };
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ emailReminders: boolean; emailDigest: boolean }[]>`
      SELECT "emailReminders", "emailDigest" FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    if (!row) throw new NotFoundError();
    const before: EmailSettings = { reminders: row.emailReminders, digest: row.emailDigest };
    if (before.reminders === after.reminders && before.digest === after.digest) return after;
    await tx.user.update({ where: { id: userId }, data: { emailReminders: after.reminders, emailDigest: after.digest }, select: { id: true } });
    await writeAudit(tx, { actorId: userId, action: "user.email_settings_changed", targetType: "User", targetId: userId, before, after });
    return after;
  });
}

/**
 * One-click unsubscribe, for the person a verified link names (lib/mail/unsubscribe.ts readUnsubscribe).
 * Idempotent: the list is turned off only if it is on (one conditional UPDATE, so two clicks at once write one
 * audit row). Answers false when the person no longer has an account.
 */
export async function unsubscribe(userId: string, list: MailList): Promise<boolean> {
  const column = list === "reminders" ? "emailReminders" : "emailDigest";
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, [column]: true }, data: { [column]: false } });
    if (count) {
      await writeAudit(tx, { actorId: userId, action: "user.unsubscribed", targetType: "User", targetId: userId, after: { list } });
      return true;
    }
    return (await tx.user.count({ where: { id: userId } })) > 0;
  });
}
