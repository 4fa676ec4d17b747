import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a value given by a client equals a secret, in time that tells nothing about either: both are hashed
 * first, so their lengths do not matter either (a bearer token, a key, a link's signature).
 */
export function sameSecret(given: string, secret: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
