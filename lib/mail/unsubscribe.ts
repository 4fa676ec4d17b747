import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";

// One-click unsubscribe (RFC 8058): the link in a reminder's or a digest's List-Unsubscribe header carries the
// person, the list and an HMAC of both under a key derived from AUTH_SECRET, so it needs no session and no
// stored token, and nobody can make one for someone else.

export const MAIL_LISTS = ["reminders", "digest"] as const;
export type MailList = (typeof MAIL_LISTS)[number];

function signature(userId: string, list: MailList): string {
  const key = createHmac("sha256", env().AUTH_SECRET).update("schoot unsubscribe v1").digest();
  return createHmac("sha256", key).update(`${userId}\0${list}`).digest("base64url");
}

export function unsubscribeQuery(userId: string, list: MailList): string {
  return new URLSearchParams({ u: userId, l: list, t: signature(userId, list) }).toString();
}

/** The header's URL: POSTed by the mail client (RFC 8058), or opened in a browser (a page with a button). */
export function unsubscribeUrl(appUrl: string, userId: string, list: MailList): string {
  return `${appUrl}/api/unsubscribe?${unsubscribeQuery(userId, list)}`;
}

/** The person and list a link names, or null when it is not one we made. */
export function readUnsubscribe(params: { u?: string | null; l?: string | null; t?: string | null }): { userId: string; list: MailList } | null {
  const { u, l, t } = params;
  if (!u || !l || !t || !(MAIL_LISTS as readonly string[]).includes(l) || !/^[0-9a-f-]{36}$/.test(u)) return null;
  const expected = Buffer.from(signature(u, l as MailList));
  const given = Buffer.from(t);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId: u, list: l as MailList };
}
