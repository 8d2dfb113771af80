import { expect, test, type Page } from "./support/test";
import { expectAccessible } from "./support/axe";
import { setLocale, signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// Issue 19: queue tabs with live counts, a saved and shared view, the unread total in the tab
// title, and triage mode by keyboard — each checked in Arabic and English with axe.

const WORDS = {
  ar: { save: "حفظ العرض", name: "اسم العرض", share: "مشاركة مع كل الموظفين", confirm: "حفظ", vendorTab: "بانتظار البائع", start: "بدء الفرز", done: "لا توجد جلسات أخرى" },
  en: { save: "Save view", name: "View name", share: "Share with all staff", confirm: "Save", vendorTab: "Awaiting vendor", start: "Start triage", done: "No more sessions" },
} as const;

// Each test runs two locales with axe on a shared 2-core machine: more than the default minute when it is busy.
test.describe.configure({ timeout: 150_000 });

const tabCount = (page: Page, name: string) => page.getByTestId("queue-tabs").getByRole("link", { name: new RegExp(name) }).locator("[data-count]");

test("a shared saved view is a tab whose count moves live when a customer writes through the API; the tab title carries the unread total (ar, en)", async ({ page, request }) => {
  // One of the demo customer's sessions, answered last by its vendor (so it awaits the customer):
  // the customer's message through the API moves it into the "awaiting vendor" view.
  const { rows } = await e2eDb().query<{ id: number; customerId: number }>(
    `WITH target AS (SELECT s.id, s.customer_id, s.vendor_id FROM chat_sessions s JOIN users u ON u.id = s.customer_id
                      WHERE u.email = 'customer@demo.test' ORDER BY s.id LIMIT 1),
          answer AS (INSERT INTO chat_messages (session_id, sender_id, body) SELECT id, vendor_id, 'e2e: yes, in stock' FROM target)
     SELECT id, customer_id AS "customerId" FROM target`,
  );
  const target = rows[0]!;
  const viewName = `e2e vendor queue ${Date.now()}`;
  await signIn(page, "support", "ar");
  await page.goto(`/chat-sessions?customer=${target.customerId}&awaiting=vendor`);
  await page.getByRole("button", { name: WORDS.ar.save }).click();
  await page.getByLabel(WORDS.ar.name).fill(viewName);
  await page.getByLabel(WORDS.ar.share).check();
  await page.getByRole("dialog").getByRole("button", { name: WORDS.ar.confirm, exact: true }).click();
  const count = tabCount(page, viewName);
  await expect(count).toHaveAttribute("data-count", /^\d+$/);
  const before = Number(await count.getAttribute("data-count"));
  await expect(page).toHaveTitle(/^\(\d[\d,]*\) /);
  const titleBefore = await page.title();
  await expectAccessible(page);

  const issued = await request.post("/api/v1/tokens", { data: { email: "customer@demo.test", password: "demo-password" } });
  const { token } = (await issued.json()) as { token: string };
  const sent = await request.post(`/api/v1/sessions/${target.id}/messages`, { headers: { authorization: `Bearer ${token}` }, data: { body: "e2e: still available?" } });
  expect(sent.status()).toBe(201);
  await expect(count).toHaveAttribute("data-count", String(before + 1), { timeout: 15_000 });
  await expect.poll(() => page.title(), { timeout: 15_000 }).not.toBe(titleBefore);
  await expect(page.getByTestId("unread-title-announcement")).not.toBeEmpty();

  // Another staff member sees the shared view as a tab, in English.
  await page.context().clearCookies();
  await signIn(page, "qa", "en");
  await setLocale(page, "en");
  await page.goto("/chat-sessions");
  await expect(tabCount(page, viewName)).toHaveAttribute("data-count", String(before + 1));
  await expect(page.getByTestId("queue-tabs").getByRole("link", { name: new RegExp(`^${WORDS.en.vendorTab}`) }).first()).toBeVisible();
  await expectAccessible(page);
});

test("triage mode walks a small queue by keyboard: mark read and next, skip, back to the list with its filters (ar, en)", async ({ page }) => {
  // A customer with two to four sessions awaiting the vendor: a small queue.
  const { rows } = await e2eDb().query<{ customerId: number; n: number }>(
    `SELECT customer_id AS "customerId", count(*)::int AS n FROM chat_sessions WHERE awaiting = 'vendor'
      GROUP BY 1 HAVING count(*) BETWEEN 2 AND 4 ORDER BY 1 LIMIT 1`,
  );
  const { customerId, n } = rows[0]!;
  const listUrl = `/chat-sessions?customer=${customerId}&awaiting=vendor`;
  for (const locale of ["ar", "en"] as const) {
    await signIn(page, "support", locale);
    await page.goto(listUrl);
    await page.getByRole("link", { name: WORDS[locale].start }).click();
    const position = page.getByTestId("triage-position");
    await expect(position).toHaveText(locale === "ar" ? `1 من ${n}` : `1 of ${n}`);
    await expect(page.getByTestId("triage-conversation").locator("li").first()).toBeVisible();
    await expectAccessible(page);
    // e: mark read and next (locale ar only, so the English pass finds the same queue), s: skip.
    for (let at = 2; at <= n; at += 1) {
      await page.locator("body").press(locale === "ar" && at === 2 ? "e" : "s");
      await expect(position).toHaveText(locale === "ar" ? `${at} من ${n}` : `${at} of ${n}`);
    }
    await page.locator("body").press("r");
    await expect(page.locator("#message-body")).toBeFocused();
    await page.locator("#message-body").press("Escape");
    await page.locator("body").press("Escape");
    await expect(page).toHaveURL(new RegExp(`/chat-sessions\\?customer=${customerId}&awaiting=vendor$`));
    await page.context().clearCookies();
  }
  // Every hold was let go on the way out.
  const holds = await e2eDb().query("SELECT 1 FROM session_holds");
  expect(holds.rowCount).toBe(0);
});
