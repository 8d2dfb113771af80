import { describe, expect, it } from "vitest";
import { believeForwardedHeaders, trustedProxiesFrom } from "@/lib/http/forwarded";
import { crossOriginRefusal, isCrossOriginServerAction } from "@/lib/http/server-action-origin";

const action = { "next-action": "7f3a", host: "panel.example:3000" };
const urlencoded = { "content-type": "application/x-www-form-urlencoded", host: "panel.example:3000" };
const multipart = { "content-type": "multipart/form-data; boundary=----WebKitFormBoundaryx7", host: "panel.example:3000" };

describe("server actions from another origin", () => {
  it("refuses a server action whose Origin is another host, a forwarded host's mismatch, or garbage", () => {
    expect(isCrossOriginServerAction("POST", "/chat-sessions", { ...action, origin: "https://evil.example" })).toBe(true);
    expect(isCrossOriginServerAction("POST", "/chat-sessions", { ...action, origin: "null" })).toBe(true);
    expect(isCrossOriginServerAction("POST", "/chat-sessions", { ...action, origin: "http://panel.example:3000", "x-forwarded-host": "other.example" })).toBe(true);
  });
  it("refuses a form's POST to a page from another origin, urlencoded or multipart, with no Next-Action header (the action is named in the body)", () => {
    for (const form of [urlencoded, multipart, { ...urlencoded, "content-type": "Application/X-WWW-Form-Urlencoded; charset=UTF-8" }]) {
      expect(isCrossOriginServerAction("POST", "/chat-sessions/7/edit", { ...form, origin: "https://evil.example" })).toBe(true);
      expect(isCrossOriginServerAction("POST", "/", { ...form, origin: "null" })).toBe(true);
      expect(isCrossOriginServerAction("POST", "/chat-sessions/7/edit", { ...form, origin: "http://panel.example:3000" })).toBe(false);
    }
  });
  it("lets the panel's own actions, plain posts, forms without an Origin, route handlers' forms and pages through", () => {
    expect(isCrossOriginServerAction("POST", "/chat-sessions", { ...action, origin: "http://panel.example:3000" })).toBe(false);
    expect(isCrossOriginServerAction("POST", "/chat-sessions", { ...action, origin: "https://admin.example", "x-forwarded-host": "admin.example" })).toBe(false);
    expect(isCrossOriginServerAction("POST", "/chat-sessions", { host: "panel.example:3000", origin: "https://evil.example", "content-type": "application/json" })).toBe(false);
    expect(isCrossOriginServerAction("POST", "/chat-sessions", urlencoded)).toBe(false);
    expect(isCrossOriginServerAction("POST", "/api/auth/callback/credentials", { ...urlencoded, origin: "https://evil.example" })).toBe(false);
    expect(isCrossOriginServerAction("GET", "/chat-sessions", { ...action, origin: "https://evil.example" })).toBe(false);
    expect(isCrossOriginServerAction("GET", "/chat-sessions", { ...multipart, origin: "https://evil.example" })).toBe(false);
  });
  it("says so in the user's language", () => {
    expect(crossOriginRefusal({ cookie: "theme=dark; locale=en" })).toBe("You are not allowed to do that.");
    expect(crossOriginRefusal({})).toBe("ليست لديك صلاحية للقيام بذلك.");
  });
});

describe("the origin check believes X-Forwarded-Host only from a trusted proxy (TRUSTED_PROXIES)", () => {
  /** As scripts/serve.ts does: the forwarded headers are weighed first, then the origin is checked. */
  const refused = (headers: Record<string, string>, peer: string, setting: string | undefined) => {
    const copy = { ...headers };
    believeForwardedHeaders(copy, peer, trustedProxiesFrom(setting));
    return isCrossOriginServerAction("POST", "/chat-sessions", copy);
  };
  const forged = { ...action, origin: "http://evil.example", "x-forwarded-host": "evil.example" };
  const proxied = { ...action, host: "app.internal:3000", origin: "https://admin.example", "x-forwarded-host": "admin.example" };

  it("with no proxy declared, a client's X-Forwarded-Host naming its own origin does not pass; the socket's Host decides", () => {
    expect(refused(forged, "203.0.113.9", undefined)).toBe(true);
    expect(refused({ ...action, origin: "http://panel.example:3000", "x-forwarded-host": "evil.example" }, "203.0.113.9", undefined)).toBe(false);
    // the proxy's honest request is refused too, until the deployment declares it
    expect(refused(proxied, "10.0.0.2", undefined)).toBe(true);
  });
  it("with a proxy declared, its X-Forwarded-Host is believed (its right-most value); a client reaching the app past it is not", () => {
    expect(refused(proxied, "10.0.0.2", "10.0.0.0/8")).toBe(false);
    expect(refused({ ...proxied, "x-forwarded-host": "evil.example, admin.example" }, "::ffff:10.0.0.2", "10.0.0.0/8")).toBe(false);
    expect(refused(forged, "203.0.113.9", "10.0.0.0/8")).toBe(true);
  });
});
