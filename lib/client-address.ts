import { isIP } from "node:net";

// The address a request came from, for the sign-in throttle. Only what the host's own proxy wrote counts:
// a client can put anything in X-Forwarded-For, but each trusted proxy appends the address it saw, so the
// entry `TRUSTED_PROXY_HOPS` from the right is the one the outermost trusted proxy saw (README, "Security").

export type ClientAddressOptions = {
  /** How many proxies of your own append to X-Forwarded-For in front of the app (at least 1). */
  trustedProxyHops?: number;
  /** On Vercel, which sets `x-real-ip` itself and overwrites X-Forwarded-For. */
  vercel?: boolean;
};

/** The 8 hextets of an IPv6 address ("2001:db8::1" → ["2001","db8","0",…,"1"]), or null. */
function hextets(address: string): string[] | null {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  if (address.includes("::") ? left.length + right.length > 7 : left.length !== 8) return null;
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...zeros, ...right].map((part) => part.replace(/^0+(?=.)/, ""));
}

/**
 * One key per client: the address without a port, an IPv4-mapped IPv6 address as IPv4, and an IPv6
 * address by its /64 prefix, since anyone with one IPv6 address has the 2^64 beside it to rotate through.
 */
export function throttleKey(raw: string | null | undefined): string | null {
  let value = raw?.trim().toLowerCase() ?? "";
  if (!value || value.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value); // "[2001:db8::1]:443"
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":")); // "203.0.113.9:51234"
  value = value.replace(/%.*$/, ""); // a zone ("fe80::1%eth0")
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1]!;
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  const parts = hextets(value);
  return parts ? `${parts.slice(0, 4).join(":")}::/64` : null;
}

export function clientAddress(headers: Headers, { trustedProxyHops = 1, vercel = false }: ClientAddressOptions = {}): string {
  if (vercel) {
    const realIp = throttleKey(headers.get("x-real-ip"));
    if (realIp) return realIp;
  }
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  const index = hops.length - Math.max(1, trustedProxyHops);
  return throttleKey(hops[Math.max(0, index)]) ?? "unknown";
}
