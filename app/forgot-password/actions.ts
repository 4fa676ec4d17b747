"use server";

import { visitorAction } from "@/lib/action";
import { clientIp } from "@/lib/auth";
import { sendSoon } from "@/lib/mail/send-soon";
import { forgotPasswordInput, requestPasswordReset } from "@/lib/password-reset";

/**
 * Anyone may ask for a reset link to any address. The answer is the same whether the address has an account,
 * and whether it was sent or held back by the hourly cap: only the mailbox's owner learns which.
 */
export const requestPasswordResetAction = visitorAction(forgotPasswordInput, async function askForResetLink({ email }) {
  const ids = await requestPasswordReset(email, await clientIp());
  sendSoon(ids);
  return { ok: true, result: { email } };
});
