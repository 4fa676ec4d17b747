import "server-only";
import { after } from "next/server";
import { logError } from "../log";
import { deliverMail } from "./outbox";

/**
 * Sends the given outbox messages once the response has gone (Next's after(): on Vercel the function stays
 * alive for it). Call it after the transaction that wrote them committed. Whatever fails here is retried by the
 * cron: the rows are the truth, this only saves the wait.
 */
export function sendSoon(ids: readonly string[]): void {
  if (!ids.length) return;
  after(async () => {
    try {
      await deliverMail({ ids: [...ids] });
    } catch (error) {
      logError("mail.send_soon_failed", error, { messages: ids.length });
    }
  });
}
