import { describe, expect, it } from "vitest";
import { crossOriginRefusal, isCrossOriginServerAction } from "@/lib/http/server-action-origin";

const action = { "next-action": "7f3a", host: "panel.example:3000" };

describe("#8 server actions from another origin", () => {
  it("refuses a server action whose Origin is another host, a forwarded host's mismatch, or garbage", () => {
    expect(isCrossOriginServerAction("POST", { ...action, origin: "https://evil.example" })).toBe(true);
    expect(isCrossOriginServerAction("POST", { ...action, origin: "null" })).toBe(true);
    expect(isCrossOriginServerAction("POST", { ...action, origin: "http://panel.example:3000", "x-forwarded-host": "other.example" })).toBe(true);
  });
  it("lets the panel's own actions, plain posts and pages through", () => {
    expect(isCrossOriginServerAction("POST", { ...action, origin: "http://panel.example:3000" })).toBe(false);
    expect(isCrossOriginServerAction("POST", { ...action, origin: "https://admin.example", "x-forwarded-host": "admin.example" })).toBe(false);
    expect(isCrossOriginServerAction("POST", { host: "panel.example:3000", origin: "https://evil.example" })).toBe(false);
    expect(isCrossOriginServerAction("GET", { ...action, origin: "https://evil.example" })).toBe(false);
  });
  it("says so in the user's language", () => {
    expect(crossOriginRefusal({ cookie: "theme=dark; locale=en" })).toBe("You are not allowed to do that.");
    expect(crossOriginRefusal({})).toBe("ليست لديك صلاحية للقيام بذلك.");
  });
});
