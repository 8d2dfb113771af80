import { expect, test, type Page } from "./support/test";
import { signIn, type DemoRole } from "./support/auth";
import { e2eDb } from "./support/db";

// #8 CSP without 'unsafe-inline' for scripts: every main page, as the role that uses it, loads and
// hydrates under a per-request nonce policy (scripts/serve.ts) with no CSP violation at all.

type Violations = { directive: string; blocked: string; sample: string }[];

async function watchViolations(page: Page): Promise<{ console: string[] }> {
  const seen = { console: [] as string[] };
  // Recorded in the page from its very first script on, across navigations.
  await page.addInitScript(() => {
    const list: { directive: string; blocked: string; sample: string }[] = [];
    (window as unknown as { __cspViolations: typeof list }).__cspViolations = list;
    document.addEventListener("securitypolicyviolation", (event) => {
      list.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) seen.console.push(message.text());
  });
  return seen;
}

async function expectCleanUnderStrictPolicy(page: Page, path: string, seen: { console: string[] }): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const policy = response!.headers()["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc, path).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'$/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  // Every script Next rendered carries this request's nonce, and the client booted (hydration ran).
  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length, path).toBeGreaterThan(0);
  expect(scripts.every((value) => value === nonce), `${path}: a script without the nonce`).toBe(true);
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version), { message: path }).toBe("string");
  await page.waitForLoadState("networkidle");
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: Violations }).__cspViolations);
  expect(violations, path).toEqual([]);
  expect(seen.console, path).toEqual([]);
}

test("signed out: the sign-in page runs under the nonce policy with no violation", async ({ page }) => {
  const seen = await watchViolations(page);
  await expectCleanUnderStrictPolicy(page, "/sign-in", seen);
  // Two requests, two nonces.
  const first = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  const second = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(first).not.toEqual(second);
});

const staffPages = async () => {
  const db = e2eDb();
  const one = async (sql: string) => (await db.query<{ id: number }>(sql)).rows[0]!.id;
  return [
    "/chat-sessions",
    "/chat-sessions?unread=1&sort=customer&dir=asc",
    "/chat-sessions/new",
    `/chat-sessions/${await one("SELECT id FROM chat_sessions WHERE message_count > 0 ORDER BY id LIMIT 1")}/edit`,
    "/users",
    `/users/${await one("SELECT id FROM users WHERE role = 'customer' ORDER BY id LIMIT 1")}`,
    `/users/${await one("SELECT id FROM users WHERE role = 'customer' ORDER BY id LIMIT 1")}/edit`,
    "/users/new",
    "/products",
    `/products/${await one("SELECT id FROM products ORDER BY id LIMIT 1")}`,
    "/orders",
    `/orders/${await one("SELECT id FROM orders ORDER BY id LIMIT 1")}`,
    "/audit",
    "/settings",
  ];
};

for (const [role, locale] of [["admin", "en"], ["support", "ar"]] as [DemoRole, "en" | "ar"][]) {
  test(`every panel page as ${role} (${locale}) runs under the nonce policy with no violation`, async ({ page }) => {
    const seen = await watchViolations(page);
    await signIn(page, role, locale);
    const pages = role === "admin" ? await staffPages() : (await staffPages()).filter((path) => !/\/(new|edit)$|\/settings|\/audit/.test(path));
    for (const path of pages) await expectCleanUnderStrictPolicy(page, path, seen);
  });
}

test("the web chat as a customer runs under the nonce policy with no violation", async ({ page }) => {
  const seen = await watchViolations(page);
  await signIn(page, "customer", "ar");
  const session = (await e2eDb().query<{ id: number }>(
    `SELECT s.id FROM chat_sessions s JOIN users u ON u.id = s.customer_id WHERE u.email = 'customer@demo.test' ORDER BY s.id LIMIT 1`,
  )).rows[0]!.id;
  for (const path of ["/chat", `/chat/${session}`, "/chat/notifications"]) await expectCleanUnderStrictPolicy(page, path, seen);
});
