import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, nonceOf } from "@/lib/http/content-security-policy";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("Content-Security-Policy", () => {
  it("with a nonce, script-src allows that nonce and 'strict-dynamic', never 'unsafe-inline' nor 'unsafe-eval'", () => {
    const policy = contentSecurityPolicy("abc+/09==");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc+/09==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(nonceOf(policy)).toBe("abc+/09==");
  });

  it("without one (plain next start), script-src falls back to 'unsafe-inline'; the rest is the same", () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    expect(nonceOf(policy)).toBeUndefined();
    const rest = (p: string) => p.split("; ").filter((d) => !d.startsWith("script-src"));
    expect(rest(policy)).toEqual(rest(contentSecurityPolicy("x")));
    expect(rest(policy)).toContain("frame-ancestors 'none'");
    expect(rest(policy)).toContain("object-src 'none'");
  });

  it("finds no nonce in a missing or foreign header", () => {
    expect(nonceOf(null)).toBeUndefined();
    expect(nonceOf("default-src 'self'")).toBeUndefined();
  });
});
