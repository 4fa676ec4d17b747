import "server-only";
import { env } from "../env";
import { sameSecret } from "../same-secret";
import { MAIL_LISTS, signedUnsubscribeQuery, unsubscribeSignature, type MailList } from "./unsubscribe-link";

// One-click unsubscribe (RFC 8058): the link in a reminder's or a digest's List-Unsubscribe header carries the
// person, the list and an HMAC of both under a key derived from AUTH_SECRET, so it needs no session and no
// stored token, and nobody can make one for someone else.

export { MAIL_LISTS, type MailList };

export function unsubscribeQuery(userId: string, list: MailList): string {
  return signedUnsubscribeQuery(env().AUTH_SECRET, userId, list);
}

/** The header's URL: POSTed by the mail client (RFC 8058), or opened in a browser (a page with a button). */
export function unsubscribeUrl(appUrl: string, userId: string, list: MailList): string {
  return `${appUrl}/api/unsubscribe?${unsubscribeQuery(userId, list)}`;
}

/** The person and list a link names, or null when it is not one we made. */
export function readUnsubscribe(params: { u?: string | null; l?: string | null; t?: string | null }): { userId: string; list: MailList } | null {
  const { u, l, t } = params;
  if (!u || !l || !t || !(MAIL_LISTS as readonly string[]).includes(l) || !/^[0-9a-f-]{36}$/.test(u)) return null;
  if (!sameSecret(t, unsubscribeSignature(env().AUTH_SECRET, u, l as MailList))) return null;
  return { userId: u, list: l as MailList };
}
