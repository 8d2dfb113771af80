import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

for (const locale of ["ar", "en"] as TestLocale[]) {
  const text = locale === "ar" ? { users: "المستخدمون", orders: "الطلبات", vendor: "بائع", filters: "التصفية", role: "الدور" } : { users: "Users", orders: "Orders", vendor: "Vendor", filters: "Filters", role: "Role" };
  test(`REL-1 users and REL-2 orders from the sidebar, filtered through the URL (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    await page.getByRole("navigation").first().getByRole("link", { name: text.users }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.users);
    await page.getByRole("button", { name: text.filters, exact: true }).click();
    await page.getByLabel(text.role, { exact: true }).selectOption("vendor");
    await expect(page).toHaveURL(/role=vendor/);
    // the engine's table: a tick, then name, email, role…
    await expect(page.locator("tbody td:nth-child(4)").first()).toHaveText(text.vendor);
    for (const cell of await page.locator("tbody td:nth-child(4)").all()) await expect(cell).toHaveText(text.vendor);
    await expectAccessible(page);
    await page.locator("tbody a").first().click();
    await expect(page).toHaveURL(/\/users\/\d+$/);
    await expectAccessible(page);

    await page.getByRole("navigation").first().getByRole("link", { name: text.orders }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.orders);
    await expect(page.locator("tbody tr").first()).toBeVisible();
    await expectAccessible(page);
    await page.locator("tbody a").first().click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    await expectAccessible(page);
  });
}

test("the audit log shows destructive, bulk and settings actions to admins only, filterable by action", async ({ page, browser }) => {
  await e2eDb().query(
    `INSERT INTO audit_log (actor_id, action, target_type, target_id, details)
     SELECT id, 'messages.delete', 'chatMessage', '999999', '{"probe":"audit-e2e"}' FROM users WHERE email = 'admin@demo.test'`,
  );
  await signIn(page, "admin", "en");
  await page.goto("/audit?action=settings.mobileChat");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expect(page.getByText("audit-e2e")).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/audit?action=messages.delete");
  await expect(page.locator("tbody tr").filter({ hasText: "audit-e2e" })).toHaveCount(1);
  const context = await browser.newContext();
  const support = await context.newPage();
  await signIn(support, "support", "en");
  expect((await support.goto("/audit"))?.status()).toBe(403);
  await expect(support.getByTestId("forbidden")).toBeVisible();
  await context.close();
});

test("REL-1 a session row's customer and vendor lead to their user pages", async ({ page }) => {
  await signIn(page, "support", "en");
  await page.goto("/chat-sessions");
  // The tabs' counts arrive from the page's scripts: it is hydrated, so a click is the link's own
  // (a click on a page still hydrating was once lost: no navigation).
  await expect(page.getByTestId("queue-tabs").locator("[data-count]").first()).toBeVisible();
  const customer = page.locator("tbody tr[data-row-id]").first().locator("td:nth-child(3) a");
  const name = (await customer.textContent()) ?? "";
  await customer.click();
  await expect(page).toHaveURL(/\/users\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`User: ${name}`);
});
