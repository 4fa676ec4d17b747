import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

const base = { DATABASE_URL: "postgresql://app@db/app", AUTH_SECRET: "x".repeat(32) };

describe("email configuration", () => {
  it("wants links over https in production, http only for this machine", () => {
    expect(() => readEnv({ ...base, NODE_ENV: "production", APP_URL: "http://schoot.example.org" })).toThrow(/APP_URL must be https:\/\/ in production/);
    expect(readEnv({ ...base, NODE_ENV: "production", APP_URL: "https://schoot.example.org" }).APP_URL).toBe("https://schoot.example.org");
    expect(readEnv({ ...base, NODE_ENV: "production", APP_URL: "http://127.0.0.1:3100" }).APP_URL).toBe("http://127.0.0.1:3100");
    expect(readEnv({ ...base, NODE_ENV: "production", APP_URL: "http://localhost:3000" }).APP_URL).toBe("http://localhost:3000");
    expect(() => readEnv({ ...base, NODE_ENV: "production", APP_URL: "http://localhost.evil.example" })).toThrow(/APP_URL/);
    expect(readEnv({ ...base, NODE_ENV: "development", APP_URL: "http://192.168.1.20:3000" }).APP_URL).toBe("http://192.168.1.20:3000");
  });

  it("names a bad SMTP_URL or a short CRON_SECRET", () => {
    expect(() => readEnv({ ...base, SMTP_URL: "postgres://x" })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => readEnv({ ...base, CRON_SECRET: "short" })).toThrow(/CRON_SECRET must be at least 16 characters/);
    expect(readEnv(base).MAIL_FROM).toBe("Schoot <no-reply@schoot.example>");
  });
});
