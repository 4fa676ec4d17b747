import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env";

// A link's token waits in the outbox only until the message is sent, and sealed meanwhile: a copy of the
// database holds no usable link (the tables themselves keep only hashes). The key is derived from AUTH_SECRET,
// so a rotated secret leaves pending links unreadable, and those messages fail with a reason.

function key(): Buffer {
  return createHash("sha256").update(`schoot outbox secret v1\0${env().AUTH_SECRET}`).digest();
}

/** AES-256-GCM: iv.tag.ciphertext, base64url. */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

export class UnreadableSecret extends Error {
  constructor() {
    super("The message's link could not be read (AUTH_SECRET changed since it was written).");
  }
}

export function unseal(sealed: string): string {
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body) throw new UnreadableSecret();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecret();
  }
}
