// Which sign-in providers this deployment has set up, from the environment alone (no database), so the proxy's
// Content-Security-Policy and lib/auth.ts read the same answer.
import type { SignInProvider } from "./generated/prisma/enums";

const GOOGLE_ISSUER = "https://accounts.google.com";

/** MICROSOFT needs the Entra ID app's id, secret and issuer (the tenant); GOOGLE its id and secret. */
export function configuredProviders(environment: NodeJS.ProcessEnv = process.env): SignInProvider[] {
  const set = (name: string) => Boolean(environment[name]?.trim());
  const configured: SignInProvider[] = [];
  if (set("AUTH_MICROSOFT_ENTRA_ID_ID") && set("AUTH_MICROSOFT_ENTRA_ID_SECRET") && set("AUTH_MICROSOFT_ENTRA_ID_ISSUER")) configured.push("MICROSOFT");
  if (set("AUTH_GOOGLE_ID") && set("AUTH_GOOGLE_SECRET")) configured.push("GOOGLE");
  return configured;
}

/**
 * Google's issuer. AUTH_GOOGLE_ISSUER exists for the project's local test provider only, so it counts only when it
 * is on this machine (127.0.0.1 or localhost): a value left over from a development .env cannot point a deployed
 * app's "Sign in with Google" at another issuer, which could then assert any address.
 */
export function googleIssuer(environment: NodeJS.ProcessEnv = process.env): string {
  const override = environment.AUTH_GOOGLE_ISSUER ? URL.parse(environment.AUTH_GOOGLE_ISSUER) : null;
  return override && (override.hostname === "127.0.0.1" || override.hostname === "localhost") ? override.href.replace(/\/$/, "") : GOOGLE_ISSUER;
}

/** The origins the configured providers' sign-in pages are at (for the sign-in page's form-action). */
export function providerOrigins(environment: NodeJS.ProcessEnv = process.env): string[] {
  const configured = configuredProviders(environment);
  const issuers = [
    configured.includes("MICROSOFT") ? environment.AUTH_MICROSOFT_ENTRA_ID_ISSUER : undefined,
    configured.includes("GOOGLE") ? googleIssuer(environment) : undefined,
  ];
  const origins = issuers.flatMap((issuer) => {
    const url = issuer ? URL.parse(issuer) : null;
    return url && /^https?:$/.test(url.protocol) ? [url.origin] : [];
  });
  return [...new Set(origins)];
}
