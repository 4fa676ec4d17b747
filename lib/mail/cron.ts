import "server-only";
import { logError } from "../log";
import { planDigests } from "./digests";
import { deliverMail, pruneOutbox, type DeliveryReport } from "./outbox";
import { planReminders } from "./reminders";

export type CronReport = { planned: Record<string, number>; delivery: DeliveryReport; pruned: number; failed?: string[] };

/**
 * One pass of the mail cron (/api/cron/mail, and `npm run mail:cron`): plans what is due at `now` (each plan
 * is idempotent, keyed in the database, so two passes at once plan it once), then sends what is due, then
 * removes old messages. `deadline` keeps a pass inside a serverless function's time limit. A plan that fails
 * is logged and named in the report; sending goes on (invitations and resets must not wait for a digest).
 */
export async function runMailCron(now: Date, options: { deadline?: number } = {}): Promise<CronReport> {
  const planned: Record<string, number> = {};
  const failed: string[] = [];
  // Digests first: they are fewer, and a pass that reaches its limit sends them before the day's reminders.
  for (const [name, plan] of [["digests", planDigests], ["reminders", planReminders]] as const) {
    try {
      planned[name] = (await plan(now)).length;
    } catch (error) {
      failed.push(name);
      logError(`mail.plan_${name}_failed`, error);
    }
  }
  const delivery = await deliverMail({ deadline: options.deadline });
  const pruned = await pruneOutbox(now);
  return { planned, delivery, pruned, ...(failed.length ? { failed } : {}) };
}
