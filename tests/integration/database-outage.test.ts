import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { freePort, removeEmbeddedPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { startAppServer, type AppServer } from "../support/app-server";
import { catalogs } from "@/lib/i18n/catalogs";
import { signInOverHttp } from "../support/http-session";
import { TcpProxy } from "../support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let proxy: TcpProxy;
let app: AppServer;

beforeAll(async () => {
  database = await createTestDatabase("outage");
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 20, customers: 20, products: 10, vendors: 5, orders: 2 });
  const target = new URL(database.url);
  proxy = new TcpProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
  await proxy.open();
  const viaProxy = new URL(database.url);
  viaProxy.port = String(proxy.port);
  app = await startAppServer(viaProxy.toString());
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await proxy?.cut();
  await database?.drop();
});

describe("the database goes away while the app runs", () => {
  it("pages say the database is unavailable, then recover by themselves when it is back", async () => {
    const cookie = await signInOverHttp(app.url, "support@demo.test", DEMO_PASSWORD);
    const page = () => fetch(`${app.url}/chat-sessions`, { headers: { cookie: `${cookie}; locale=en` } });
    const customerCookie = await signInOverHttp(app.url, "customer@demo.test", DEMO_PASSWORD);
    const chatPage = () => fetch(`${app.url}/chat`, { headers: { cookie: customerCookie } });
    const issued = await fetch(`${app.url}/api/v1/tokens`, { method: "POST", body: JSON.stringify({ email: "customer@demo.test", password: DEMO_PASSWORD }) });
    const { token } = (await issued.json()) as { token: string };
    const apiSessions = () => fetch(`${app.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${token}` } });
    expect((await chatPage()).status).toBe(200);

    const before = await page();
    expect(before.status).toBe(200);
    expect(await before.text()).toContain("Chat Sessions");

    await proxy.cut();
    const during = await page();
    const duringText = await during.text();
    // The localized page, answered as what it is: 503, try again shortly, never cached.
    expect(during.status).toBe(503);
    expect(during.headers.get("retry-after")).toBe("5");
    expect(during.headers.get("cache-control")).toBe("no-store");
    expect(duringText).toContain("The database is unavailable right now");
    expect(duringText).not.toMatch(/at \w+ \(|node_modules/);
    // The participants' web chat says so too, in Arabic by default; the API in its error shape.
    const chatDuring = await chatPage();
    expect(chatDuring.status).toBe(503);
    expect(await chatDuring.text()).toContain(catalogs.common.ar.databaseUnavailable);
    // The sign-in page of someone signed in looks them up: it says so too, rather than an error page.
    const signInDuring = await fetch(`${app.url}/sign-in`, { headers: { cookie: `${cookie}; locale=en` } });
    expect(signInDuring.status).toBe(503);
    expect(await signInDuring.text()).toContain("The database is unavailable right now");
    const apiDuring = await apiSessions();
    expect(apiDuring.status).toBe(503);
    expect(await apiDuring.json()).toEqual({ error: { code: "unavailable", message: catalogs.api.ar.unavailable } });

    await proxy.open();
    let after = await page();
    for (let attempt = 0; attempt < 20 && !(await after.clone().text()).includes('data-testid="nav-unread-badge"'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await page();
    }
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('data-testid="nav-unread-badge"');
    expect((await chatPage()).status).toBe(200);
    expect((await apiSessions()).status).toBe(200);
  }, 60_000);
  it("the embedded PostgreSQL server itself stopped and started again: 503 while it is down, then the app recovers by itself", async () => {
    // Under a 0700 temporary folder: as root, the server's account cannot reach it (see dataFolder).
    const dataDir = join(mkdtempSync(join(tmpdir(), "outage-embedded-")), "postgres");
    let embedded = await startEmbeddedPostgres(dataDir);
    const port = embedded.port;
    let embeddedApp: AppServer | null = null;
    try {
      await prepareDatabase(embedded.url, { ...DEMO_SIZES, sessions: 5, customers: 5, products: 5, vendors: 2, orders: 1 });
      embeddedApp = await startAppServer(embedded.url);
      const cookie = await signInOverHttp(embeddedApp.url, "support@demo.test", DEMO_PASSWORD);
      const page = () => fetch(`${embeddedApp!.url}/chat-sessions`, { headers: { cookie: `${cookie}; locale=en` } });
      expect((await page()).status).toBe(200);

      await embedded.stop();
      const during = await page();
      expect(during.status).toBe(503);
      expect(await during.text()).toContain("The database is unavailable right now");

      embedded = await startEmbeddedPostgres(dataDir, { port });
      let after = await page();
      for (let attempt = 0; attempt < 40 && after.status !== 200; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        after = await page();
      }
      expect(after.status).toBe(200);
      expect(await after.text()).toContain('data-testid="nav-unread-badge"');
    } finally {
      await embeddedApp?.stop();
      await embedded.stop().catch(() => undefined);
      removeEmbeddedPostgres(dataDir);
      rmSync(dirname(dataDir), { recursive: true, force: true });
    }
  }, 120_000);
});
