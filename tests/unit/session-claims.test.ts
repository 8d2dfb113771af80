import { encode, type JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// getSessionClaims reads next-auth's cookie itself (one decryption) instead of getServerSession
// (which also re-encrypts it for a Set-Cookie a page cannot send). It must read exactly what
// getServerSession read: the cookie of the right name, chunks included, and nothing else.

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })) }),
}));
// React's cache() only memoizes inside a request; in a test each call reads the cookie afresh.
vi.mock("react", async (original) => ({ ...(await original<typeof import("react")>()), cache: <T>(fn: T) => fn }));

const SECRET = "a secret of the test";
const claims: JWT = { userId: 7, role: "support", sid: "5f0c3a1e-sid", epoch: 3 };

beforeEach(() => {
  jar.clear();
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  vi.stubEnv("NEXTAUTH_URL", "http://127.0.0.1:3000");
});
afterEach(() => vi.unstubAllEnvs());

async function read() {
  const { getSessionClaims } = await import("@/lib/auth/current-user");
  return getSessionClaims();
}

describe("getSessionClaims", () => {
  it("reads the user, session id and epoch from next-auth's session cookie", async () => {
    jar.set("next-auth.session-token", await encode({ token: claims, secret: SECRET }));
    expect(await read()).toEqual({ userId: 7, sid: "5f0c3a1e-sid", epoch: 3 });
  });

  it("reads the __Secure- cookie when the site is served over https, and only that one", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://admin.example.com");
    const token = await encode({ token: claims, secret: SECRET });
    jar.set("next-auth.session-token", token);
    expect(await read()).toBeNull();
    jar.set("__Secure-next-auth.session-token", token);
    expect(await read()).toEqual({ userId: 7, sid: "5f0c3a1e-sid", epoch: 3 });
  });

  it("joins a cookie next-auth split into chunks", async () => {
    const token = await encode({ token: claims, secret: SECRET });
    const middle = Math.floor(token.length / 2);
    jar.set("next-auth.session-token.0", token.slice(0, middle));
    jar.set("next-auth.session-token.1", token.slice(middle));
    expect(await read()).toEqual({ userId: 7, sid: "5f0c3a1e-sid", epoch: 3 });
  });

  it("refuses a cookie sealed with another secret, an expired one, garbage, and a token from before sessions could end", async () => {
    jar.set("next-auth.session-token", await encode({ token: claims, secret: "another secret" }));
    expect(await read()).toBeNull();
    jar.set("next-auth.session-token", await encode({ token: claims, secret: SECRET, maxAge: -60 }));
    expect(await read()).toBeNull();
    jar.set("next-auth.session-token", "not a token");
    expect(await read()).toBeNull();
    jar.set("next-auth.session-token", await encode({ token: { userId: 7, role: "support" } as JWT, secret: SECRET }));
    expect(await read()).toBeNull();
  });

  it("is signed out with no cookie", async () => {
    expect(await read()).toBeNull();
  });
});
