import { expect, test, type Page } from "./support/test";
import ExcelJS from "exceljs";
import { hashPassword } from "../../lib/auth/password";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { chooseOption } from "./support/combobox";
import { e2eDb } from "./support/db";
import { openRowMenu } from "./support/row-menu";
import { staffTitle } from "./support/titles";

/** A session of its own between a fresh customer and an existing product's vendor, and an order of that pair. */
async function sessionWithOrder(tag: string) {
  const db = e2eDb();
  const { rows: [product] } = await db.query<{ id: number; name: string; vendor_id: number }>("SELECT id, name, vendor_id FROM products ORDER BY id LIMIT 1");
  const { rows: [customer] } = await db.query<{ id: number; name: string }>(
    "INSERT INTO users (name, email, role, updated_at) VALUES ($1, $2, 'customer', now()) RETURNING id, name",
    [`Buyer ${tag}`, `buyer-${tag}-${Date.now()}@e2e.test`],
  );
  const { rows: [order] } = await db.query<{ id: number }>("INSERT INTO orders (customer_id, vendor_id, total, updated_at) VALUES ($1, $2, 42, now()) RETURNING id", [customer!.id, product!.vendor_id]);
  const { rows: [session] } = await db.query<{ id: number }>(
    "INSERT INTO chat_sessions (product_id, customer_id, vendor_id, order_id, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id",
    [product!.id, customer!.id, product!.vendor_id, order!.id],
  );
  return { product: product!, customer: customer!, orderId: order!.id, sessionId: session!.id };
}

const sessionRows = (page: Page) => page.locator("tbody tr[data-row-id]");

for (const locale of ["ar", "en"] as TestLocale[]) {
  const text =
    locale === "ar"
      ? { products: "المنتجات", filters: "التصفية", withUnread: "التي لها رسائل غير مقروءة", productSessions: "المحادثات حول هذا المنتج", productColumn: "المنتج" }
      : { products: "Products", filters: "Filters", withUnread: "With unread messages", productSessions: "Conversations about this product", productColumn: "Product" };

  test(`Products: list with vendor and sessions, filtered in the URL; a product page shows its sessions in the sessions table (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    await page.getByRole("navigation").first().getByRole("link", { name: text.products }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.products);
    await page.getByRole("button", { name: text.filters, exact: true }).click();
    await page.getByRole("switch", { name: text.withUnread }).check();
    await expect(page).toHaveURL(/withUnread=1/);
    await expectAccessible(page);
    // the engine's table: a tick, then product, vendor, price, sessions…
    const first = page.locator("tbody tr").first();
    const name = ((await first.locator("td:nth-child(2)").textContent()) ?? "").trim();
    const sessions = Number(await first.locator("td:nth-child(5)").textContent());
    await first.locator("td:nth-child(2)").getByRole("link").click();
    await expect(page).toHaveURL(/\/products\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expect(page.getByRole("heading", { level: 2, name: text.productSessions })).toBeVisible();
    // the sessions table, scoped to this product: its sessions, and no product column to repeat it
    await expect(sessionRows(page)).toHaveCount(Math.min(sessions, 25));
    await expect(page.locator("thead th").filter({ hasText: text.productColumn })).toHaveCount(0);
    await expectAccessible(page);
  });
}

test("REL-2 a session row leads to its product and its order; the order page lists the session, and the list filters by order (en)", async ({ page }) => {
  const fixture = await sessionWithOrder("links");
  await signIn(page, "support", "en");
  await page.goto(`/chat-sessions?customer=${fixture.customer.id}`);
  await expect(sessionRows(page)).toHaveCount(1);
  // The order is one of the row's folded actions.
  await (await openRowMenu(sessionRows(page).first(), "Actions for session")).getByRole("menuitem", { name: `Open order #${fixture.orderId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${fixture.orderId}$`));
  await expect(page).toHaveTitle(staffTitle(`Order ${fixture.orderId} · Marketplace Admin`));
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page).first()).toHaveAttribute("data-row-id", String(fixture.sessionId));
  await expectAccessible(page);
  await sessionRows(page).first().locator("td:nth-child(2) a").click();
  await expect(page).toHaveURL(new RegExp(`/products/${fixture.product.id}$`));
  await expect(page).toHaveTitle(staffTitle(`Product: ${fixture.product.name} · Marketplace Admin`));
  expect((await page.goto("/orders/2147483647"))!.status()).toBe(404);
  await expect(page).toHaveTitle(staffTitle("Page not found · Marketplace Admin"));

  await page.goto("/chat-sessions");
  await page.getByRole("button", { name: "Filters" }).click();
  await chooseOption(page, "filter-order", `#${fixture.orderId}`);
  await expect(page).toHaveURL(new RegExp(`order=${fixture.orderId}`));
  await expect(page.getByTestId("filter-chips")).toContainText(`#${fixture.orderId}`);
  await expect(sessionRows(page)).toHaveCount(1);
});

test("REL-2 the session form unlinks and links an order of the same customer and vendor (ar)", async ({ page }) => {
  const fixture = await sessionWithOrder("form");
  await signIn(page, "admin", "ar");
  await page.goto(`/chat-sessions/${fixture.sessionId}/edit`);
  await expect(page.locator("#orderId")).toHaveValue(new RegExp(`#${fixture.orderId}`));
  await page.getByRole("button", { name: "مسح الاختيار: الطلب (اختياري)" }).click();
  await page.getByRole("button", { name: "حفظ", exact: true }).click();
  await expect(page.getByText("تم حفظ التغييرات")).toBeVisible();
  await page.goto(`/orders/${fixture.orderId}`);
  await expect(sessionRows(page)).toHaveCount(0);

  await page.goto(`/chat-sessions/${fixture.sessionId}/edit`);
  // the dropdown offers the orders of this customer and vendor only
  await page.locator("#orderId").click();
  // (the order box's own list: the page has other options, e.g. the assignee picker's)
  const orders = page.getByRole("listbox").getByRole("option");
  await expect(orders).toHaveCount(1);
  await orders.first().click();
  await page.getByRole("button", { name: "حفظ", exact: true }).click();
  await expect(page.getByText("تم حفظ التغييرات")).toBeVisible();
  await page.goto(`/orders/${fixture.orderId}`);
  await expect(sessionRows(page)).toHaveCount(1);
});

test("REL-1 an admin creates a user, resets their password (they sign in with it) and deletes them (en)", async ({ page, browser }) => {
  const email = `new-agent-${Date.now()}@e2e.test`;
  await signIn(page, "admin", "en");
  await page.goto("/users");
  await page.getByRole("link", { name: "New user" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New user");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByText("Enter the name.")).toBeVisible();
  await expect(page.getByText("The password must have at least 12 characters.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Nadia Agent");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("support");
  await page.getByLabel("Password").fill("first password 1");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByText("User created")).toBeVisible();

  await page.goto(`/users?q=Nadia`);
  await page.getByRole("link", { name: "Nadia Agent" }).click();
  await expect(page).toHaveTitle(staffTitle("User: Nadia Agent · Marketplace Admin"));
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveTitle(staffTitle("Edit user: Nadia Agent · Marketplace Admin"));
  await page.getByLabel("New password").fill("second password 2");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();

  const context = await browser.newContext();
  const agent = await context.newPage();
  await agent.goto("/sign-in");
  await agent.locator("#email").fill(email);
  await agent.locator("#password").fill("second password 2");
  await agent.locator("form:has(#email) button[type=submit]").click();
  await expect(agent).toHaveURL(/\/$/);
  await context.close();

  await page.getByRole("button", { name: "Delete user" }).click();
  await page.getByTestId("confirm-action").click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByText("User deleted")).toBeVisible();
  const { rows } = await e2eDb().query("SELECT 1 FROM users WHERE email = $1", [email]);
  expect(rows).toHaveLength(0);
});

test("an admin signs a user out everywhere: the browser they were signed in with goes to sign-in (ar)", async ({ page, browser }) => {
  const email = `signed-out-${Date.now()}@e2e.test`;
  const password = "a password of the test";
  const { rows: [user] } = await e2eDb().query<{ id: number }>("INSERT INTO users (name, email, password_hash, role, updated_at) VALUES ('سلمى الدعم', $1, $2, 'support', now()) RETURNING id", [email, await hashPassword(password)]);
  const context = await browser.newContext();
  const agent = await context.newPage();
  await agent.goto("/sign-in");
  await agent.locator("#email").fill(email);
  await agent.locator("#password").fill(password);
  await agent.locator("form:has(#email) button[type=submit]").click();
  await expect(agent).not.toHaveURL(/\/sign-in/);

  await signIn(page, "admin", "ar");
  await page.goto(`/users/${user!.id}`);
  await page.getByRole("button", { name: "تسجيل الخروج من كل الأجهزة" }).click();
  await expect(page.getByRole("dialog")).toContainText("ستنتهي كل جلسات «سلمى الدعم»");
  await expectAccessible(page);
  await page.getByTestId("confirm-action").click();
  await expect(page.getByText("سُجِّل خروج المستخدم من كل مكان")).toBeVisible();

  await agent.reload();
  await expect(agent).toHaveURL(/\/sign-in/);
  await context.close();
});

test("an admin signs the users a search matches out everywhere from the list's bulk bar, confirmed with their count (ar)", async ({ page }) => {
  const tag = `bulkout${Date.now()}`;
  const db = e2eDb();
  const { rows: matched } = await db.query<{ id: number }>(
    "INSERT INTO users (name, email, role, updated_at) VALUES ($1, $2, 'customer', now()), ($3, $4, 'vendor', now()) RETURNING id",
    [`${tag} one`, `${tag}-1@e2e.test`, `${tag} two`, `${tag}-2@e2e.test`],
  );
  const { rows: [untouched] } = await db.query<{ id: number }>("INSERT INTO users (name, email, role, updated_at) VALUES ('Not in the search', $1, 'customer', now()) RETURNING id", [`${tag}-3@e2e.test`]);
  await signIn(page, "admin", "ar");
  await page.goto(`/users?q=${tag}`);
  await page.getByRole("checkbox", { name: "تحديد كل الصفوف في هذه الصفحة" }).check();
  await page.getByRole("button", { name: "تسجيل الخروج من كل مكان" }).click();
  await expect(page.getByRole("dialog")).toContainText("ستنتهي كل جلسات مستخدمَين اثنين");
  await expectAccessible(page);
  await page.getByTestId("confirm-action").click();
  await expect(page.getByText("سُجِّل خروج مستخدمَين من كل مكان")).toBeVisible();
  const { rows } = await db.query<{ id: number; session_epoch: number }>("SELECT id, session_epoch FROM users WHERE id = ANY($1) ORDER BY id", [[...matched.map((user) => user.id), untouched!.id]]);
  expect(rows.map((row) => row.session_epoch > 0)).toEqual([true, true, false]);
});

test("REL-1 deleting a customer who has sessions is refused with how many (ar)", async ({ page }) => {
  const { rows: [customer] } = await e2eDb().query<{ id: number; sessions: number }>(
    "SELECT customer_id AS id, count(*)::int AS sessions FROM chat_sessions GROUP BY customer_id HAVING count(*) > 2 ORDER BY customer_id LIMIT 1",
  );
  await signIn(page, "admin", "ar");
  await page.goto(`/users/${customer!.id}`);
  await page.getByRole("button", { name: "حذف المستخدم" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "لا يمكن حذف" })).toContainText(`${customer!.sessions}`);
  await expect(page.getByTestId("confirm-action")).toHaveCount(0);
  const { rows } = await e2eDb().query("SELECT 1 FROM users WHERE id = $1", [customer!.id]);
  expect(rows).toHaveLength(1);
});

test("support and QA see users but cannot manage them", async ({ page }) => {
  await signIn(page, "support", "en");
  await page.goto("/users");
  await expect(page.getByRole("link", { name: "New user" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Select every row on this page" }).check();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
  expect((await page.goto("/users/new"))?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page).toHaveTitle(staffTitle("No access · Marketplace Admin"));
});

test("a resource list exports the whole filtered view as Excel; QA, who may not export, sees no export (en)", async ({ page, browser }) => {
  await signIn(page, "support", "en");
  await page.goto("/orders?status=paid");
  // the engine's bulk bar: every row of the filtered view, not only the page shown
  await page.getByRole("checkbox", { name: "Select every row on this page" }).check();
  const selectAll = page.getByRole("button", { name: /Select all \S+ matching rows/ });
  if (await selectAll.count()) await selectAll.click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const { rows } = await e2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM orders WHERE status = 'paid'");
  expect(workbook.worksheets[0]!.rowCount).toBe(1 + rows[0]!.n);
  for (let row = 2; row <= workbook.worksheets[0]!.rowCount; row += 1) expect(workbook.worksheets[0]!.getRow(row).getCell(4).value).toBe("Paid");

  const context = await browser.newContext();
  const qa = await context.newPage();
  await signIn(qa, "qa", "en");
  await qa.goto("/orders");
  await qa.getByRole("checkbox", { name: "Select every row on this page" }).check();
  await expect(qa.getByText("rows selected")).toBeVisible();
  await expect(qa.getByRole("button", { name: "Export Excel" })).toHaveCount(0);
  expect((await qa.request.get("/orders/export?format=csv")).status()).toBe(403);
  await context.close();
});
