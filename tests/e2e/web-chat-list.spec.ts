import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

const TEXT = {
  ar: { you: "أنت:", search: "ابحث في محادثاتي", noMatches: "لا توجد محادثات تطابق البحث.", send: "إرسال" },
  en: { you: "You:", search: "Search my conversations", noMatches: "No conversation matches the search.", send: "Send" },
} as const;

/**
 * The demo customer's sessions with the demo vendor. The demo data gives that pair none; another
 * spec may have started one on this worker's server. If none, one is started here, about one of
 * the vendor's products.
 */
async function fixture() {
  const db = e2eDb();
  const ofPair = `FROM users c, users v WHERE c.email = 'customer@demo.test' AND v.email = 'vendor@demo.test'`;
  await db.query(
    `INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at)
     SELECT (SELECT p.id FROM products p WHERE p.vendor_id = v.id ORDER BY p.id LIMIT 1), c.id, v.id, now() ${ofPair}
        AND NOT EXISTS (SELECT 1 FROM chat_sessions s WHERE s.customer_id = c.id AND s.vendor_id = v.id)`,
  );
  const { rows } = await db.query<{ id: number; customer_id: number; vendor_id: number; product_name: string; customer_name: string }>(
    `SELECT s.id, s.customer_id, s.vendor_id, s.product_name, s.customer_name FROM chat_sessions s
       JOIN users c ON c.id = s.customer_id JOIN users v ON v.id = s.vendor_id
      WHERE c.email = 'customer@demo.test' AND v.email = 'vendor@demo.test' ORDER BY s.id`,
  );
  return rows;
}

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`the web chat list marks unread conversations with their count, says "You:" before one's own last message, leads with the customer for vendors, and searches (${locale})`, async ({ browser }) => {
    const sessions = await fixture();
    expect(sessions.length).toBeGreaterThan(0);
    const first = sessions[0]!;
    const stamp = `${locale}-${Date.now()}`;
    await e2eDb().query("INSERT INTO chat_messages (session_id, sender_id, body) VALUES ($1, $2, $3), ($1, $2, $4)", [first.id, first.vendor_id, `vendor one ${stamp}`, `vendor two ${stamp}`]);

    const customerContext = await browser.newContext();
    const customer = await customerContext.newPage();
    await signIn(customer, "customer", locale);
    await customer.goto("/chat");
    const row = customer.locator(`a[data-session-id="${first.id}"]`);
    await expect(row).toHaveAttribute("data-unread", "true");
    await expect(row.getByTestId("unread-marker")).toBeVisible();
    await expect(row.getByTestId("last-preview")).toHaveText(`vendor two ${stamp}`);
    await expect(row).not.toContainText(TEXT[locale].you);
    await expect(row.locator("[data-testid=session-lead]")).toHaveText(first.product_name);
    await expectAccessible(customer);

    // Own message last: "You:" before it, and Enter sends (Shift+Enter is a new line).
    await row.click();
    const box = customer.locator("#chat-body");
    await box.fill(`mine ${stamp}`);
    await box.press("Shift+Enter");
    await expect(box).toHaveValue(`mine ${stamp}\n`);
    await box.press("Enter");
    await expect(customer.getByTestId("chat-messages").locator("li[data-message-id]").last()).toContainText(`mine ${stamp}`);
    await expect(box).toHaveValue("");
    await customer.goto("/chat");
    await expect(row).toHaveAttribute("data-unread", "false");
    await expect(row).toContainText(TEXT[locale].you);

    // Search by product name; a term that matches nothing says so.
    await customer.getByLabel(TEXT[locale].search).fill(first.product_name.slice(0, 8));
    await customer.getByLabel(TEXT[locale].search).press("Enter");
    await expect(customer.locator(`a[data-session-id="${first.id}"]`)).toBeVisible();
    await customer.getByLabel(TEXT[locale].search).fill("no such conversation zzz");
    await customer.getByLabel(TEXT[locale].search).press("Enter");
    await expect(customer.getByText(TEXT[locale].noMatches)).toBeVisible();
    await customerContext.close();

    // The vendor sees the customer's name first.
    const vendorContext = await browser.newContext();
    const vendor = await vendorContext.newPage();
    await signIn(vendor, "vendor", locale);
    await vendor.goto("/chat");
    await expect(vendor.locator(`a[data-session-id="${first.id}"]`).getByTestId("session-lead")).toHaveText(first.customer_name);
    await vendorContext.close();
  });
}
