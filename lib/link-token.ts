import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

// The single-use tokens in emailed links (an invitation, an address confirmation, a password reset): 32 random
// bytes, base64url. Only a token's SHA-256 is stored, so a copy of the database holds no usable link.

/** Anything but 43 base64url characters cannot be one of ours. */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
