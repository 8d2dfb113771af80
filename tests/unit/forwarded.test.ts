import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { believeForwardedHeaders, clientAddressOf, trustedProxiesFrom } from "@/lib/http/forwarded";

const proxies = trustedProxiesFrom("127.0.0.1, 10.0.0.0/8, fd00::/8");

describe("the client's address (the sign-in throttle's per-address key)", () => {
  it("is the socket's when no proxy is declared, whatever X-Forwarded-For says (rotating it changes nothing)", () => {
    for (const forwarded of ["198.51.100.1", "198.51.100.2, 10.0.0.1", undefined]) {
      expect(clientAddressOf("203.0.113.9", forwarded, null)).toBe("203.0.113.9");
    }
    expect(clientAddressOf("::ffff:203.0.113.9", "1.2.3.4", null)).toBe("203.0.113.9");
  });
  it("behind declared proxies, is the right-most X-Forwarded-For entry that is not one of them", () => {
    // the client wrote 6.6.6.6 itself; the edge proxy appended the address it saw, 198.51.100.7; an inner proxy 10.0.0.2
    expect(clientAddressOf("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", proxies)).toBe("198.51.100.7");
    expect(clientAddressOf("::ffff:127.0.0.1", ["6.6.6.6", "198.51.100.7"], proxies)).toBe("198.51.100.7");
    expect(clientAddressOf("fd00::5", "2001:db8::1", proxies)).toBe("2001:db8::1");
    // a peer that is not a declared proxy is the client, whatever it forwards
    expect(clientAddressOf("203.0.113.9", "198.51.100.7", proxies)).toBe("203.0.113.9");
    // a proxy with nothing forwarded is all there is to go by
    expect(clientAddressOf("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
  });
  it("refuses a TRUSTED_PROXIES entry that is not an address or a range, and reads an empty one as none", () => {
    expect(() => trustedProxiesFrom("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxiesFrom("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(trustedProxiesFrom(" , ")).toBeNull();
  });
});

describe("forwarded headers as the app sees them", () => {
  it("drops a client's X-Forwarded-Host, -Proto and -Port, and sets X-Forwarded-For to the client's address alone", () => {
    const headers: IncomingHttpHeaders = { host: "panel:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-port": "443", "x-forwarded-for": "1.2.3.4" };
    expect(believeForwardedHeaders(headers, "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(headers).toEqual({ host: "panel:3000", "x-forwarded-for": "203.0.113.9" });
  });
  it("keeps a declared proxy's, one value each (the right-most)", () => {
    const headers: IncomingHttpHeaders = { host: "app:3000", "x-forwarded-host": "evil.example, admin.example", "x-forwarded-proto": "http,https", "x-forwarded-for": "6.6.6.6, 198.51.100.7" };
    expect(believeForwardedHeaders(headers, "10.0.0.2", proxies)).toBe("198.51.100.7");
    expect(headers).toEqual({ host: "app:3000", "x-forwarded-host": "admin.example", "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.7" });
  });
});
