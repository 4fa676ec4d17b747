import "server-only";
import { db } from "../db";
import { logError } from "../log";
import { enrolRequired } from "../requirements/assign";
import { pruneSignInAttempts } from "../sign-in";
import { planDigests } from "./digests";
import { deliverMail, pruneOutbox, type DeliveryReport } from "./outbox";
import { planReminders } from "./reminders";

export type CronReport = { planned: Record<string, number>; delivery: DeliveryReport; pruned: number; housekeeping: Record<string, number>; failed?: string[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What no request does on its own: forget sign-in attempts the throttle no longer reads, remove address
 * confirmations and reset links a month after they expired, staff lists uploaded and not applied, and enrol anyone whose required training is not on
 * their My Courses yet (the enrolment after a change is its own statement, and its failure is only logged).
 */
async function housekeeping(now: Date): Promise<Record<string, number>> {
  const expiredBefore = new Date(now.getTime() - 30 * DAY_MS);
  return {
    signInAttempts: await pruneSignInAttempts(now),
    emailVerifications: (await db.emailVerification.deleteMany({ where: { expiresAt: { lt: expiredBefore } } })).count,
    passwordResets: (await db.passwordReset.deleteMany({ where: { expiresAt: { lt: expiredBefore } } })).count,
    // An uploaded staff list holds names and addresses: gone once its preview lapses, or a month after it was
    // applied (the audit log keeps what it did).
    staffImports: (await db.staffImport.deleteMany({ where: { OR: [{ appliedAt: null, expiresAt: { lt: now } }, { appliedAt: { lt: expiredBefore } }] } })).count,
    enrolled: await enrolRequired({ everyone: true }),
  };
}

/**
 * One pass of the mail cron (/api/cron/mail, and `npm run mail:cron`): plans what is due at `now` (each plan
 * is idempotent, keyed in the database, so two passes at once plan it once), then sends what is due, then
 * removes old messages and does the housekeeping below. `deadline` keeps a pass inside a serverless function's time limit. A plan that fails
 * is logged and named in the report; sending goes on (invitations and resets must not wait for a digest).
 */
export async function runMailCron(now: Date, options: { deadline?: number } = {}): Promise<CronReport> {
  const planned: Record<string, number> = {};
  const failed: string[] = [];
  // Digests first: they are fewer, and a pass that reaches its limit sends them before the day's reminders.
  for (const [name, plan] of [["digests", planDigests], ["reminders", planReminders]] as const) {
    try {
      // Planning stops 15 s before the pass's deadline, leaving time to send; the next pass plans the rest.
      planned[name] = (await plan(now, { deadline: options.deadline ? options.deadline - 15_000 : undefined })).length;
    } catch (error) {
      failed.push(name);
      logError(`mail.plan_${name}_failed`, error);
    }
  }
  const delivery = await deliverMail({ deadline: options.deadline });
  const pruned = await pruneOutbox(now);
  let kept: Record<string, number> = {};
  try {
    kept = await housekeeping(now);
  } catch (error) {
    failed.push("housekeeping");
    logError("mail.housekeeping_failed", error);
  }
  return { planned, delivery, pruned, housekeeping: kept, ...(failed.length ? { failed } : {}) };
}
