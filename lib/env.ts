import "server-only";
import { z } from "zod";

// All configuration is read and validated here, once, on first use (not at import, so `next build`
// can collect pages without a database). A bad value fails loudly with the variable's name.
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
    /** Proxies of your own in front of the app that append to X-Forwarded-For (lib/client-address.ts). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1, "TRUSTED_PROXY_HOPS counts proxies of yours in front of the app: at least 1").max(10).default(1),
    /** Set by Vercel ("1"): the client address is then read from x-real-ip. */
    VERCEL: z.string().optional(),
    // Timeouts on the way to the database, so a lost database answers in about a second instead of hanging
    // every request until the host gives up (README: "Configuration").
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
    // Longer than a streamed CSV export waits between batches for a slow download (lib/db-cursor.ts).
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    DATABASE_POOL_WAIT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    DATABASE_POOL_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (generate one with `openssl rand -base64 32`)"),
    // Email (lib/mail). Unset, nothing is sent: messages wait in the outbox with the reason, and go once it is set.
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL, like smtps://user:password@smtp.example.com:465").optional(),
    MAIL_FROM: z.string().min(3).max(200).default("Schoot <no-reply@schoot.example>"),
    /** The app's own address, for the one link in every email: https://schoot.example.org, no trailing path. */
    APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be the app's http(s):// address, like https://schoot.example.org" }).optional(),
    /** The bearer token Vercel Cron sends to /api/cron/mail. Unset, the route refuses every call. */
    CRON_SECRET: z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),
    /** Set only by the project's own scripts when they run the local SMTP server: /dev/mailbox?key=<this>. */
    SCHOOT_LOCAL_MAILBOX: z.string().min(16).optional(),
    MAIL_CAPTURE_DIR: z.string().optional(),
  })
  // Reset and confirmation links must not travel in clear: http only for this machine (local runs, the tests).
  .refine((e) => e.NODE_ENV !== "production" || !e.APP_URL || e.APP_URL.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/.test(e.APP_URL), {
    path: ["APP_URL"],
    message: "APP_URL must be https:// in production (http:// only for localhost)",
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  cached = readEnv(process.env);
  return cached;
}

/** The configuration from these variables, or an error naming every bad one. */
export function readEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}\nSee the configuration table in README.md.`);
  }
  return parsed.data;
}
