// The local SMTP server that `npm run dev`, `npm start` on the embedded database and the tests use when
// SMTP_URL is unset: a real SMTP server (the smtp-server package, Nodemailer's own) on 127.0.0.1 that keeps
// every message it receives as an .eml file in a folder. The app sends to it exactly as it would to a provider;
// /dev/mailbox and the tests read the folder (lib/mail/mailbox.ts). Never started for a deployed app: only the
// project's scripts start it, and the app has no fallback of its own.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type LocalMailServer = { url: string; port: number; dir: string; stop: () => Promise<void> };

export type LocalMailOptions = {
  dir: string;
  port?: number;
  /** For tests of failures: answer a message with this SMTP error instead of keeping it. */
  refuse?: () => { code: number; message: string } | null;
};

/**
 * What the app needs to send to this server (and /dev/mailbox to open, with a fresh key): for the scripts that
 * start it. APP_URL and CRON_SECRET are kept when already set.
 */
export function localMailEnv(server: LocalMailServer, env: Record<string, string | undefined>, appUrl: string): Record<string, string> {
  return {
    SMTP_URL: server.url,
    MAIL_CAPTURE_DIR: server.dir,
    // The mailbox page's key: `next dev` listens on every interface, and the page holds reset and confirmation
    // links, so someone else on the network must not be able to read it.
    SCHOOT_LOCAL_MAILBOX: randomBytes(18).toString("base64url"),
    APP_URL: env.APP_URL ?? appUrl,
    CRON_SECRET: env.CRON_SECRET ?? randomBytes(24).toString("base64url"),
  };
}

export async function startLocalMailServer(options: LocalMailOptions): Promise<LocalMailServer> {
  mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disableReverseLookup: true, // a loopback client: no DNS lookup of its address
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Schoot local mail (development only)",
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refusal = options.refuse?.();
        if (refusal) {
          const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          callback(error);
          return;
        }
        // Sortable by arrival: milliseconds, then a random part for two in the same millisecond.
        const name = `${Date.now().toString().padStart(15, "0")}-${randomUUID()}.eml`;
        writeFileSync(path.join(options.dir, name), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    dir: options.dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
