import { expect, test, type Page } from "./support/test";
import ExcelJS from "exceljs";
import { hashPassword } from "../../lib/auth/password";
import { expectAccessible } from "./support/axe";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// Names, product titles and message bodies are whatever people type. Each of these would run a
// script or fire a handler if it ever reached the page as markup; everywhere it must stay text.
const HOSTILE = {
  customer: `<img src=x onerror="window.__xss='customer'">Evil Customer`,
  product: `<script>window.__xss='product'</script>Evil Lamp`,
  message: `<svg onload="window.__xss='message'"></svg><a href="javascript:window.__xss='link'">click me</a> ok`,
};
const PASSWORD = "inert html password";

async function hostileSession() {
  const db = e2eDb();
  const email = `inert-${Date.now()}@e2e.test`;
  const { rows: [vendor] } = await db.query<{ id: number }>("SELECT id FROM users WHERE email = 'vendor@demo.test'");
  const { rows: [customer] } = await db.query<{ id: number }>(
    "INSERT INTO users (name, email, role, password_hash, updated_at) VALUES ($1, $2, 'customer', $3, now()) RETURNING id",
    [HOSTILE.customer, email, await hashPassword(PASSWORD)],
  );
  const { rows: [product] } = await db.query<{ id: number }>("INSERT INTO products (name, vendor_id, updated_at) VALUES ($1, $2, now()) RETURNING id", [HOSTILE.product, vendor!.id]);
  const { rows: [order] } = await db.query<{ id: number }>("INSERT INTO orders (customer_id, vendor_id, total, updated_at) VALUES ($1, $2, 1, now()) RETURNING id", [customer!.id, vendor!.id]);
  const { rows: [session] } = await db.query<{ id: number }>(
    "INSERT INTO chat_sessions (product_id, customer_id, vendor_id, order_id, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id",
    [product!.id, customer!.id, vendor!.id, order!.id],
  );
  await db.query("INSERT INTO chat_messages (session_id, sender_id, body) VALUES ($1, $2, $3)", [session!.id, customer!.id, HOSTILE.message]);
  return { email, customerId: customer!.id, productId: product!.id, orderId: order!.id, sessionId: session!.id };
}

async function expectInert(page: Page, ...texts: string[]) {
  for (const text of texts) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await expect(page.locator("a[href^='javascript:']")).toHaveCount(0);
}

test("HTML and script in names, product titles and messages render as inert text on every page and in the exports", async ({ page, browser }) => {
  const fixture = await hostileSession();
  await signIn(page, "admin", "en");

  await page.goto("/chat-sessions?q=Evil");
  // COL-1 cuts the product to 30 characters, so its start shows as text
  await expectInert(page, "Evil Customer", "<script>window.__xss='product'");
  await page.locator(`tr[data-row-id="${fixture.sessionId}"]`).getByRole("button", { name: "View conversation" }).click();
  await expectInert(page, HOSTILE.message.slice(0, 40));
  await page.keyboard.press("Escape");

  for (const path of [`/chat-sessions/${fixture.sessionId}/edit`, `/users/${fixture.customerId}`, `/products/${fixture.productId}`, `/orders/${fixture.orderId}`, "/users?q=Evil", "/products?q=Evil", "/orders?q=Evil"]) {
    await page.goto(path);
    await expectInert(page, "Evil");
  }
  await page.goto(`/chat-sessions/${fixture.sessionId}/edit`);
  await expectInert(page, HOSTILE.message.slice(0, 40), HOSTILE.product);
  await expectAccessible(page);

  const csv = await page.request.get(`/chat-sessions/export?format=csv&ids=${fixture.sessionId}`);
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain(HOSTILE.product.replaceAll('"', '""'));
  expect(text).toContain(HOSTILE.customer.replaceAll('"', '""'));
  const xlsx = await page.request.get(`/chat-sessions/export?format=xlsx&ids=${fixture.sessionId}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await xlsx.body()) as unknown as ArrayBuffer);
  const values = workbook.worksheets[0]!.getRow(2).values as unknown[];
  expect(values).toContain(HOSTILE.product);
  expect(values).toContain(HOSTILE.customer);

  // and on the participant's side, the web chat
  const context = await browser.newContext();
  const customer = await context.newPage();
  await customer.goto("/sign-in");
  await customer.locator("#email").fill(fixture.email);
  await customer.locator("#password").fill(PASSWORD);
  await customer.locator("form:has(#email) button[type=submit]").click();
  await expect(customer).toHaveURL(/\/chat/);
  await expectInert(customer, "Evil Lamp");
  await customer.goto(`/chat/${fixture.sessionId}`);
  await expectInert(customer, HOSTILE.message.slice(0, 40));
  await context.close();
});
