// The address a request came from, for the sign-in throttle. Only what the host's own proxy wrote counts:
// a client can put anything in X-Forwarded-For, but each trusted proxy appends the address it saw, so the
// entry `TRUSTED_PROXY_HOPS` from the right is the one the outermost trusted proxy saw (README, "Security").

export type ClientAddressOptions = {
  /** How many proxies of your own append to X-Forwarded-For in front of the app. */
  trustedProxyHops?: number;
  /** On Vercel, which sets `x-real-ip` itself and overwrites X-Forwarded-For. */
  vercel?: boolean;
};

const MAX_LENGTH = 64; // an IPv6 address with a zone is well under this

function clean(value: string | undefined | null): string | null {
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length > MAX_LENGTH || !/^[0-9A-Za-z.:%_-]+$/.test(trimmed)) return null;
  return trimmed.toLowerCase();
}

export function clientAddress(headers: Headers, { trustedProxyHops = 1, vercel = false }: ClientAddressOptions = {}): string {
  if (vercel) {
    const realIp = clean(headers.get("x-real-ip"));
    if (realIp) return realIp;
  }
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  // With no hop of our own to trust, the nearest one is still the best we have (see the README's warning).
  const index = hops.length - Math.max(1, trustedProxyHops);
  return clean(hops[Math.max(0, index)]) ?? "unknown";
}
