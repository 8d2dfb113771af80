import { expect, test, type Browser, type Page } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type DemoRole, type TestLocale } from "./support/auth";
import { chooseOption } from "./support/combobox";
import { e2eDb } from "./support/db";

async function participant(browser: Browser, role: DemoRole, locale: TestLocale, viewport = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, role, locale);
  return page;
}

async function productOfDemoVendor(): Promise<string> {
  const { rows } = await e2eDb().query<{ name: string }>(
    "SELECT p.name FROM products p JOIN users u ON u.id = p.vendor_id WHERE u.email = 'vendor@demo.test' LIMIT 1",
  );
  if (rows[0]) return rows[0].name;
  // The demo vendor owns no product yet: give it one.
  const { rows: created } = await e2eDb().query<{ name: string }>(
    "INSERT INTO products (name, vendor_id, updated_at) SELECT 'Demo Vendor Lamp', id, now() FROM users WHERE email = 'vendor@demo.test' RETURNING name",
  );
  return created[0]!.name;
}

test("FLOW-1 the customer asks, the vendor is notified live and replies, the customer is notified, read receipts appear", async ({ browser }) => {
  const product = await productOfDemoVendor();
  const customer = await participant(browser, "customer", "ar");
  const vendor = await participant(browser, "vendor", "en");
  await expect(customer).toHaveURL(/\/chat$/);
  await expectAccessible(customer);

  const bell = vendor.getByTestId("notification-bell");
  const notifiedBefore = Number(await bell.getAttribute("data-count"));
  await chooseOption(customer, "ask-product", product);
  await customer.getByRole("button", { name: "ابدأ المحادثة" }).click();
  await expect(customer).toHaveURL(/\/chat\/\d+$/);
  const sessionPath = new URL(customer.url()).pathname;
  await customer.locator("#chat-body").fill("السلام عليكم، هل المنتج متوفر؟");
  await customer.getByRole("button", { name: "إرسال" }).click();
  await expect(customer.getByTestId("chat-messages").locator("li[data-message-id]").last()).toContainText("هل المنتج متوفر؟");

  // The vendor's bell counts the new notification without reloading.
  await expect(bell).toHaveAttribute("data-count", String(notifiedBefore + 1));
  await vendor.goto("/chat/notifications");
  await expect(vendor.getByTestId("notifications")).toContainText("هل المنتج متوفر؟");
  await vendor.getByTestId("notifications").getByRole("link").first().click();
  await expect(vendor).toHaveURL(new RegExp(`${sessionPath}$`));
  // Seeing it marks it read: the customer sees the receipt live.
  await expect(customer.getByTestId("read-receipt").last()).toBeVisible();
  await expectAccessible(vendor);

  await vendor.locator("#chat-body").fill("Yes, it is in stock.");
  await vendor.getByRole("button", { name: "Send" }).click();
  await expect(customer.getByTestId("chat-messages")).toContainText("Yes, it is in stock.");
  await customer.goto("/chat");
  await expect(customer.getByTestId("my-sessions")).toContainText(product.slice(0, 10));
  // The vendor's name and English reply, previewed in the Arabic list, keep their own direction, each cut at its own end.
  await expect(customer.getByTestId("my-sessions").getByTestId("last-preview").filter({ hasText: "Yes, it is in stock." })).toHaveAttribute("dir", "auto");
  await expect(customer.getByTestId("my-sessions").locator("li").first()).toContainText(/مع \u2068[^\u2069]+\u2069/);
  await customer.context().close();
  await vendor.context().close();
});

test.afterEach(async () => {
  // Whatever happened above, the next tests find chat switched on.
  await e2eDb().query("UPDATE settings SET value = 'true' WHERE key = 'mobileChatEnabled'");
});

test("SET-1 an admin turns chat off and on; participants are told, the panel keeps working", async ({ browser, page }) => {
  // Other specs write audit entries of their own (the audit log's sentences): only this test's count here.
  const before = await e2eDb().query<{ last: number }>("SELECT coalesce(max(id), 0) AS last FROM audit_log");
  await signIn(page, "admin", "ar");
  await page.getByRole("link", { name: "إعدادات النظام" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("إعدادات النظام");
  const toggle = page.getByRole("switch", { name: /تفعيل الدردشة في تطبيق الهاتف/ });
  await expect(toggle).toBeChecked();
  await expect(toggle).toHaveAccessibleDescription(/عند الإيقاف تُرفض طلبات الدردشة/);
  await expectAccessible(page);
  // Switching chat off asks first and says what happens; "cancel" leaves it on.
  await toggle.click();
  const ask = page.getByRole("dialog", { name: "إيقاف الدردشة للجميع؟" });
  await expect(ask).toContainText("لا تُحذف أي رسالة");
  await expectAccessible(page);
  await ask.getByRole("button", { name: "إلغاء" }).click();
  await expect(toggle).toBeChecked();
  await toggle.click();
  await ask.getByRole("button", { name: "إيقاف الدردشة" }).click();
  await expect(page.getByText("تم حفظ الإعدادات")).toBeVisible();
  await expect(toggle).not.toBeChecked();

  const customer = await participant(browser, "customer", "en");
  await expect(customer.getByRole("status")).toContainText("Chat is turned off");
  const config = await customer.request.get("/api/v1/config");
  expect(await config.json()).toMatchObject({ mobileChatEnabled: false });
  // The app signs in (tokens still work) but its chat endpoints are refused with a clear code.
  const signedIn = await customer.request.post("/api/v1/tokens", { data: { email: "customer@demo.test", password: "demo-password" } });
  const { token } = (await signedIn.json()) as { token: string };
  const refused = await customer.request.get("/api/v1/sessions?lang=en", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: { code: "chat_disabled", message: "Chat is turned off in the app for now." } });
  await page.goto("/chat-sessions");
  await expect(page.locator("tbody tr").first()).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("switch").check();
  await expect(page.getByText("تم حفظ الإعدادات")).toBeVisible();
  await customer.reload();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("My conversations");
  const { rows } = await e2eDb().query("SELECT details FROM audit_log WHERE action = 'settings.mobileChat' AND id > $1 ORDER BY id", [before.rows[0]!.last]);
  expect(rows.map((row) => row.details)).toEqual([{ enabled: false }, { enabled: true }]);
  await customer.context().close();
});
