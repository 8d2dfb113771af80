import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { startAppServer, type AppServer } from "../support/app-server";
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
  app = await startAppServer(viaProxy.toString(), { DATABASE_POOL_MAX: String(database.poolMax) });
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

    const before = await page();
    expect(before.status).toBe(200);
    expect(await before.text()).toContain("Chat Sessions");

    await proxy.cut();
    const during = await page();
    const duringText = await during.text();
    expect(duringText).toContain("The database is unavailable right now");
    expect(duringText).not.toMatch(/at \w+ \(|node_modules/);

    await proxy.open();
    let after = await page();
    for (let attempt = 0; attempt < 20 && !(await after.clone().text()).includes('data-testid="nav-unread-badge"'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await page();
    }
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('data-testid="nav-unread-badge"');
  }, 60_000);
});
