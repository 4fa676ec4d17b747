import "server-only";
import { deliverMail, pruneOutbox, type DeliveryReport } from "./outbox";

export type CronReport = { planned: Record<string, number>; delivery: DeliveryReport; pruned: number };

/**
 * One pass of the mail cron (/api/cron/mail, and `npm run mail:cron`): plans what is due at `now` (each plan
 * is idempotent, keyed in the database, so two passes at once plan it once), then sends what is due, then
 * removes old messages. `deadline` keeps a pass inside a serverless function's time limit.
 */
export async function runMailCron(now: Date, options: { deadline?: number } = {}): Promise<CronReport> {
  const planned: Record<string, number> = {};
  // Reminders and digests are planned here (lib/mail/reminders.ts, lib/mail/digests.ts).
  const delivery = await deliverMail({ deadline: options.deadline });
  const pruned = await pruneOutbox(now);
  return { planned, delivery, pruned };
}
