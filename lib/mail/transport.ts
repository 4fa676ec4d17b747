import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

// One transport per instance, made on first use. Short timeouts: a provider that does not
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
  const transporter = nodemailer.createTransport(url, {
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
