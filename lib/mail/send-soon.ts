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
  if (ids.length) writeAndSendAfterResponse("mail.send_soon_failed", async () => ids);
}

/**
 * Runs `work` (which writes messages and returns their ids) after the response has gone, then sends them. For
 * requests whose answer must be the same, in words and in time, whatever the work finds: asking for a reset
 * link or an address confirmation must not tell, by taking longer, that an address has an account.
 */
export function writeAndSendAfterResponse(event: string, work: () => Promise<readonly string[]>): void {
  after(async () => {
    try {
      const ids = await work();
      if (ids.length) await deliverMail({ ids: [...ids] });
    } catch (error) {
      logError(event, error);
    }
  });
}
