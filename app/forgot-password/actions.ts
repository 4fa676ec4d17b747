"use server";

import { visitorAction } from "@/lib/action";
import { clientIp } from "@/lib/auth";
import { writeAndSendAfterResponse } from "@/lib/mail/send-soon";
import { forgotPasswordInput, requestPasswordReset } from "@/lib/password-reset";

/**
 * Anyone may ask for a reset link to any address. The answer is the same whether the address has an account,
 * and whether it was sent or held back by the hourly cap: only the mailbox's owner learns which. The work runs
 * after the response, so the answer takes as long either way.
 */
export const requestPasswordResetAction = visitorAction(forgotPasswordInput, async function askForResetLink({ email }) {
  const ip = await clientIp(); // read now: the request's headers are gone once the response is
  writeAndSendAfterResponse("password_reset.request_failed", () => requestPasswordReset(email, ip));
  return { ok: true, result: { email } };
});
