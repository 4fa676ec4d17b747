import { createHmac } from "node:crypto";

// The one-click unsubscribe link's signature, with the secret passed in: no "server-only" and no env(), so the
// journeys (Playwright's process, which holds the run's AUTH_SECRET) can build the link a reminder carries.
// The app itself goes through lib/mail/unsubscribe.ts, which supplies AUTH_SECRET.

export const MAIL_LISTS = ["reminders", "digest"] as const;
export type MailList = (typeof MAIL_LISTS)[number];

export function unsubscribeSignature(secret: string, userId: string, list: MailList): string {
  const key = createHmac("sha256", secret).update("schoot unsubscribe v1").digest();
  return createHmac("sha256", key).update(`${userId}\0${list}`).digest("base64url");
}

/** The query of the link: the person, the list, and the signature of both. */
export function signedUnsubscribeQuery(secret: string, userId: string, list: MailList): string {
  return new URLSearchParams({ u: userId, l: list, t: unsubscribeSignature(secret, userId, list) }).toString();
}
