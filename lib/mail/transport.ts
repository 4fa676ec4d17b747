import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { env } from "../env";

// One pooled transport per instance, made on first use. Short timeouts: a provider that does not
// answer fails this attempt in seconds (the message is retried later), instead of Nodemailer's two minutes.
let cached: { url: string; transporter: Transporter } | null = null;

export class MailNotConfigured extends Error {
  constructor(what: string) {
    super(`Email is not configured: ${what} is not set (README, Configuration).`);
  }
}

export function mailTransport(): Transporter {
  const url = env().SMTP_URL;
  if (!url) throw new MailNotConfigured("SMTP_URL");
  if (cached?.url === url) return cached.transporter;
  cached?.transporter.close();
  // Pooled: a cron pass sends its batch over one or two connections instead of a TLS handshake per message.
  // (Nodemailer reads nothing but the URL from an object that has one: the URL's settings are spread instead.)
  const transporter = nodemailer.createTransport({
    ...parseConnectionUrl(url),
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  cached = { url, transporter };
  return transporter;
}

/** The app's own address for links; every message needs it. */
export function appUrl(): string {
  const url = env().APP_URL;
  if (!url) throw new MailNotConfigured("APP_URL");
  return url.replace(/\/+$/, "");
}
