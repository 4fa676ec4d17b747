import { describe, expect, it } from "vitest";
import { clientAddress, throttleKey } from "./client-address";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("takes the hop the host's proxy appended, not what the client wrote first", () => {
    // The review's finding: the first entry was believed, so a client reset its count by sending its own.
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("counts TRUSTED_PROXY_HOPS from the right", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(headers, { trustedProxyHops: 2 })).toBe("203.0.113.9");
    expect(clientAddress(headers, { trustedProxyHops: 1 })).toBe("10.0.0.2");
    expect(clientAddress(headers, { trustedProxyHops: 9 })).toBe("6.6.6.6");
  });

  it("on Vercel reads x-real-ip, which the platform sets", () => {
    expect(clientAddress(h({ "x-real-ip": "198.51.100.7", "x-forwarded-for": "1.1.1.1" }), { vercel: true })).toBe("198.51.100.7");
    expect(clientAddress(h({ "x-forwarded-for": "1.1.1.1, 198.51.100.7" }), { vercel: true })).toBe("198.51.100.7");
  });

  it("never returns what is not an address", () => {
    expect(clientAddress(h({}))).toBe("unknown");
    expect(clientAddress(h({ "x-forwarded-for": "x".repeat(500) }))).toBe("unknown");
    expect(clientAddress(h({ "x-forwarded-for": "<script>" }))).toBe("unknown");
  });

  it("keys a client so that rotating ports or IPv6 addresses does not make a new one", () => {
    expect(throttleKey("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(throttleKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(throttleKey("2001:DB8:aa:bb:1:2:3:4")).toBe("2001:db8:aa:bb::/64");
    expect(throttleKey("2001:db8:aa:bb::ffff")).toBe("2001:db8:aa:bb::/64");
    expect(throttleKey("[2001:db8:aa:bb::5]:443")).toBe("2001:db8:aa:bb::/64");
    expect(throttleKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(throttleKey("::1")).toBe("0:0:0:0::/64");
    expect(throttleKey("not-an-address")).toBeNull();
    expect(throttleKey("999.1.1.1")).toBeNull();
    expect(clientAddress(h({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8:0:0::/64");
  });
});
