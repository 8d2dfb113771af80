import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import { startAppServers, type AppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { chunkedBody, declaredBody } from "../support/oversize-body";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// What scripts/serve.ts does before the app, against the built app: two instances on one
// database, one as deployed with no proxy in front, one told its proxy is on loopback
// (TRUSTED_PROXIES), so the test's own requests stand for the proxy's.
let database: TestDatabase;
let direct: AppServer;
let proxied: AppServer;

beforeAll(async () => {
  database = await createTestDatabase("edge");
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 5, customers: 5, products: 3, vendors: 2, orders: 1, messagesPerSession: 2 });
  ensurePrismaClient();
  ensureNextBuild();
  const pool = { DATABASE_POOL_MAX: "5" };
  [direct, proxied] = (await startAppServers(database.url, [pool, { ...pool, TRUSTED_PROXIES: "127.0.0.1, ::1" }])) as [AppServer, AppServer];
}, 300_000);
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
  await database?.drop();
});

/** The language switch's server action, as the sign-in page's form names it for use before JavaScript loads. */
async function languageAction(app: AppServer): Promise<string> {
  const page = await (await fetch(`${app.url}/sign-in`)).text();
  const id = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(page)?.[1];
  expect(id, "the sign-in page's language form").toBeDefined();
  return id!;
}

/** That form posted as a browser without JavaScript would, in either encoding; with another Origin if asked. */
function postLanguageForm(app: AppServer, action: string, encoding: "urlencoded" | "multipart", headers: Record<string, string>) {
  const fields = { [action]: "", locale: "en" };
  const body = encoding === "urlencoded" ? new URLSearchParams(fields) : Object.entries(fields).reduce((form, [key, value]) => (form.append(key, value), form), new FormData());
  return fetch(`${app.url}/sign-in`, { method: "POST", redirect: "manual", headers: { cookie: "locale=en", ...headers }, body });
}
const setsLocale = (response: Response) => response.headers.getSetCookie().some((cookie) => cookie.startsWith("locale=en"));

describe("a server action posted from another origin", () => {
  it("as a form with no Next-Action header (urlencoded or multipart) is refused with the localized 403, not Next's 500; from the panel's own origin it is let through", async () => {
    const action = await languageAction(direct);
    const own = new URL(direct.url).origin;
    for (const encoding of ["urlencoded", "multipart"] as const) {
      const forged = await postLanguageForm(direct, action, encoding, { origin: "https://evil.example" });
      expect([forged.status, await forged.text(), setsLocale(forged)], encoding).toEqual([403, "You are not allowed to do that.", false]);
      const genuine = await postLanguageForm(direct, action, encoding, { origin: own });
      expect(genuine.status, encoding).toBeLessThan(400);
      // Next 16 runs a multipart form's action, and renders the page for an urlencoded one (no action)
      expect(setsLocale(genuine), encoding).toBe(encoding === "multipart");
    }
    expect(direct.output()).not.toContain("Invalid Server Actions request");
  });

  it("naming the attacker's host in X-Forwarded-Host passes only where a proxy is declared and the request comes from it", async () => {
    const headers = { origin: "https://panel.example", "x-forwarded-host": "panel.example" };
    const refused = await postLanguageForm(direct, await languageAction(direct), "multipart", headers);
    expect([refused.status, setsLocale(refused)]).toEqual([403, false]);
    const believed = await postLanguageForm(proxied, await languageAction(proxied), "multipart", headers);
    expect(believed.status).toBeLessThan(400);
    expect(setsLocale(believed)).toBe(true);
  });
});

describe("the per-address sign-in throttle (both sign-ins) and X-Forwarded-For", () => {
  const ADDRESS_LIMIT = 30;
  const signIn = (app: AppServer, email: string, password: string, forwardedFor?: string) =>
    fetch(`${app.url}/api/v1/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
      body: JSON.stringify({ email, password }),
    });
  const failures = (app: AppServer, forwardedFor: (i: number) => string) =>
    Promise.all(Array.from({ length: ADDRESS_LIMIT }, (_, i) => signIn(app, `guess-${randomUUID()}@test.local`, "guess", forwardedFor(i)).then((r) => r.status)));

  it("behind a declared proxy, each client is its X-Forwarded-For address: one client is locked out, another is not", async () => {
    expect(await failures(proxied, () => "203.0.113.50")).toEqual(Array(ADDRESS_LIMIT).fill(401));
    expect((await signIn(proxied, "customer@demo.test", DEMO_PASSWORD, "203.0.113.50")).status).toBe(429);
    expect((await signIn(proxied, "customer@demo.test", DEMO_PASSWORD, "6.6.6.6, 203.0.113.51")).status).toBe(201);
    // the panel's sign-in (next-auth) keeps the same per-address lock
    await expect(signInOverHttp(proxied.url, "support@demo.test", DEMO_PASSWORD, { "x-forwarded-for": "203.0.113.50" })).rejects.toThrow(/sign-in failed/);
    expect(await signInOverHttp(proxied.url, "support@demo.test", DEMO_PASSWORD, { "x-forwarded-for": "203.0.113.51" })).toContain("session-token");
  });

  it("with no proxy declared, rotating X-Forwarded-For does not escape the limit: the socket's address is locked", async () => {
    expect(await failures(direct, (i) => `198.51.100.${i}`)).toEqual(Array(ADDRESS_LIMIT).fill(401));
    expect((await signIn(direct, "customer@demo.test", DEMO_PASSWORD, "198.51.100.200")).status).toBe(429);
  });
});

/** Declares a body, asks whether to send it (Expect: 100-continue), sends it only if told to; what came back. */
function askToSend(url: string, length: number): Promise<{ continued: boolean; status: number }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const request = httpRequest(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(length), expect: "100-continue" } });
    request.on("continue", () => {
      continued = true;
      request.end("a".repeat(length));
    });
    request.on("response", (response) => {
      response.resume().on("end", () => resolve({ continued, status: response.statusCode! }));
      request.destroy();
    });
    request.on("error", (error) => (continued ? undefined : reject(error)));
  });
}

describe("request bodies over the limit get 413 before the app reads them", () => {
  it("a declared length over it, and a chunked body with no length, on next-auth's sign-in, a server action and a route handler", async () => {
    const action = await languageAction(direct);
    const targets: { path: string; headers: Record<string, string>; text: string; limit: number }[] = [
      { path: "/api/auth/callback/credentials", headers: { "content-type": "application/x-www-form-urlencoded", cookie: "locale=en" }, text: "The request body is too large.", limit: 16 * 1024 },
      { path: "/sign-in", headers: { "content-type": "text/plain;charset=UTF-8", "next-action": action.replace("$ACTION_ID_", ""), origin: new URL(direct.url).origin, cookie: "locale=en" }, text: "The request body is too large.", limit: 128 * 1024 },
      { path: "/api/v1/tokens?lang=en", headers: { "content-type": "application/json" }, text: JSON.stringify({ error: { code: "too_large", message: "The request body is too large." } }), limit: 16 * 1024 },
    ];
    for (const { path, headers, text, limit } of targets) {
      expect(await declaredBody(`${direct.url}${path}`, 100 * 1024 * 1024, headers), path).toMatchObject({ status: 413, text });
      const streamed = await fetch(`${direct.url}${path}`, chunkedBody(limit + 64 * 1024, { headers }));
      expect([streamed.status, await streamed.text()], path).toEqual([413, text]);
    }
    // a client that asks before sending (Expect: 100-continue) is told 413 instead of "go on"; within the limit, "go on"
    expect(await askToSend(`${direct.url}/api/auth/callback/credentials`, 100 * 1024 * 1024)).toEqual({ continued: false, status: 413 });
    // (next-auth's own answer to a post without its CSRF token: a redirect)
    expect(await askToSend(`${direct.url}/api/auth/callback/credentials`, 1024)).toEqual({ continued: true, status: 302 });
    // and the server goes on answering, having logged no failure: the app never saw these requests
    expect((await fetch(`${direct.url}/api/auth/csrf`)).status).toBe(200);
    expect(direct.output()).not.toMatch(/error/i);
  });
});
