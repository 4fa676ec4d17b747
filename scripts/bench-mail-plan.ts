// Run by `npm run bench:trust` as `node --import tsx --import ./scripts/server-only-loader.mjs
// scripts/bench-mail-plan.ts`: the mail cron's planning at the benchmark's scale, in a process of its own, on the
// bench database. Times planReminders and planDigests (lib/mail) for a Monday morning: the first pass, which
// writes every reminder and digest due, and a second, which finds them all planned (what every pass of the day
// after the first costs). Prints one JSON line.
import { db } from "../lib/db";
import { planDigests } from "../lib/mail/digests";
import { planReminders } from "../lib/mail/reminders";

// The next Monday, 08:00 in England (07:00 or 08:00 UTC, either is after the digests' 07:00).
const now = new Date();
now.setUTCDate(now.getUTCDate() + ((8 - now.getUTCDay()) % 7 || 7));
now.setUTCHours(8, 0, 0, 0);

async function timed(plan: (now: Date) => Promise<string[]>) {
  const t0 = performance.now();
  const ids = await plan(now);
  return { ms: performance.now() - t0, messages: ids.length };
}

const first = { reminders: await timed(planReminders), digests: await timed(planDigests) };
const second = { reminders: await timed(planReminders), digests: await timed(planDigests) };
const reminderRows = await db.reminderSent.count();
console.log(JSON.stringify({ now: now.toISOString(), first, second, reminderRows }));
await db.$disconnect();
