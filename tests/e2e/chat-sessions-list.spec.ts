import { expect, test } from "./support/test";
import { readFileSync } from "node:fs";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { chooseOption } from "./support/combobox";
import { e2eDb, trueUnreadTotal } from "./support/db";
import { openRowMenu } from "./support/row-menu";

const TEXT = {
  ar: { title: "الجلسات الحوارية", product: "المنتج", customer: "العميل", vendor: "البائع", messages: "عدد الرسائل", unread: "الرسائل غير المقروءة", last: "آخر رسالة", created: "تاريخ الإنشاء", columns: "الأعمدة", filters: "التصفية", unreadFilter: "يحتوي على رسائل غير مقروءة", recentFilter: "النشاط الحديث (آخر 7 أيام)", noMatches: "لا توجد جلسات تطابق البحث أو الفلاتر.", clear: "مسح الفلاتر", ago: "منذ", nextPage: "الصفحة التالية", previousPage: "الصفحة السابقة", secondPage: /^11–20 من/, conversation: "المحادثة:", delete: "حذف", more: "إجراءات الجلسة", cancel: "إلغاء", deleteBody: (n: number) => `و${n} ${n <= 10 ? "رسائل" : "رسالة"} نهائيًا` },
  en: { title: "Chat Sessions", product: "Product", customer: "Customer", vendor: "Vendor", messages: "Messages", unread: "Unread", last: "Last message", created: "Created at", columns: "Columns", filters: "Filters", unreadFilter: "Has unread messages", recentFilter: "Recent activity (last 7 days)", noMatches: "No sessions match the search or filters.", clear: "Clear filters", ago: "ago", nextPage: "Next page", previousPage: "Previous page", secondPage: /^11–20 of/, conversation: "Conversation:", delete: "Delete", more: "Actions for session", cancel: "Cancel", deleteBody: (n: number) => `its ${n} messages will be deleted for good` },
} as const;

const rows = (page: import("@playwright/test").Page) => page.locator("tbody tr[data-row-id]");

for (const locale of ["ar", "en"] as TestLocale[]) {
  const text = TEXT[locale];
  test(`LIST-1 COL-1..8 SORT-1 the list, its columns and badges (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    await page.goto("/chat-sessions");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
    const headers = page.locator("thead th");
    for (const header of [text.product, text.customer, text.vendor, text.messages, text.unread, text.last]) await expect(headers.filter({ hasText: header })).toHaveCount(1);
    await expect(headers.filter({ hasText: text.created })).toHaveCount(0);
    await expect(rows(page)).toHaveCount(25);
    // SORT-1: the newest activity first.
    const { rows: newest } = await e2eDb().query<{ id: number }>("SELECT id FROM chat_sessions ORDER BY last_message_at DESC, id DESC LIMIT 1");
    await expect(rows(page).first()).toHaveAttribute("data-row-id", String(newest[0]!.id));
    const lastMessage = rows(page).first().locator("time").first();
    await expect(lastMessage).toContainText(text.ago);
    // ... and its exact time on hover, in the page's language.
    await lastMessage.hover();
    await expect(lastMessage).toHaveAttribute("title", locale === "ar" ? /[\u0600-\u06FF].*\d{4}/ : /[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    // The row actions' icons are drawn (app/icons.css): 16 px, a mask in the text's colour.
    const icon = rows(page).first().locator(".row-actions [data-icon]").first();
    expect(await icon.evaluate((element) => ({ mask: getComputedStyle(element).maskImage.startsWith('url("data:image/svg+xml'), size: element.getBoundingClientRect().width }))).toEqual({ mask: true, size: 16 });
    // COL-4 blue; COL-5 yellow above zero, green at zero.
    const firstRow = rows(page).first();
    await expect(firstRow.locator("[data-tone]").first()).toHaveAttribute("data-tone", "blue");
    const unreadTone = await firstRow.locator("[data-tone]").nth(1).getAttribute("data-tone");
    const unreadCount = Number(await firstRow.locator("[data-tone]").nth(1).textContent());
    expect(unreadTone).toBe(unreadCount > 0 ? "yellow" : "green");
    // COL-1: at most 30 characters, the full name on hover.
    const products = await rows(page).locator("td:nth-child(2) a").allTextContents();
    expect(products).toHaveLength(25);
    for (const shown of products) expect(Array.from(shown.replace(/…$/, "")).length).toBeLessThanOrEqual(30);
    await page.goto("/chat-sessions?q=Pro+Max+Edition");
    const longName = rows(page).first().locator("td:nth-child(2) a");
    await expect(longName).toHaveText("Noise Cancelling Wireless Head…");
    await longName.hover();
    await expect(longName).toHaveAttribute("title", /^Noise Cancelling Wireless Headphones Pro Max Edition \d+$/);
    // COL-7: shown on request, remembered in the URL.
    await page.getByText(text.columns).click();
    await page.getByLabel(text.created).check();
    await expect(page).toHaveURL(/cols=createdAt/);
    await page.reload();
    await expect(page.locator("thead th").filter({ hasText: text.created })).toHaveCount(1);
    // ... and remembered for this user when the URL does not say.
    await page.goto("/chat-sessions");
    await expect(page.locator("thead th").filter({ hasText: text.created })).toHaveCount(1);
    // The wide table scrolls inside its frame; the page itself never scrolls sideways (phone width).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page);
  });

  test(`SEARCH-1 FLT-4 FLT-5 search and filters live in the URL, as removable chips (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    await page.goto("/chat-sessions");
    await page.locator("#session-search").fill("احمد");
    await expect(page).toHaveURL(/q=/);
    await expect(rows(page).first().locator("mark").first()).toBeVisible();
    const markText = await rows(page).first().locator("mark").first().textContent();
    expect(["احمد", "أحمد", "إحمد", "آحمد"]).toContain(markText);
    await page.getByRole("button", { name: text.filters, exact: true }).click();
    await page.getByRole("switch", { name: text.unreadFilter }).check();
    await expect(page).toHaveURL(/unread=1/);
    await page.getByRole("switch", { name: text.recentFilter }).check();
    await expect(page).toHaveURL(/recent=1/);
    await expect(page.getByTestId("filter-chips").locator("li")).toHaveCount(2);
    for (const count of await rows(page).locator("[data-tone]").nth(1).all()) await expect(count).toHaveAttribute("data-tone", "yellow");
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(page.locator("#session-search")).toHaveValue("احمد");
    await page.getByTestId("filter-chips").getByRole("button").first().click();
    await expect(page).not.toHaveURL(/unread=1/);
    await page.goBack();
    await expect(page).toHaveURL(/unread=1/);
    await expectAccessible(page);
  });
}

test("SEARCH-1 what is typed before the page's scripts have started is kept, and searched", async ({ page }) => {
  await signIn(page, "support", "en");
  // The page's scripts are held back until the first letters are in the server-rendered box.
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/chat-sessions", { waitUntil: "domcontentloaded" });
  const box = page.locator("#session-search");
  await box.pressSequentially("اح");
  await expect(box).toHaveValue("اح");
  releaseScripts();
  await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version)).toBe("string");
  await box.pressSequentially("مد", { delay: 50 });
  await expect(page).toHaveURL(/q=%D8%A7%D8%AD%D9%85%D8%AF/);
  await expect(box).toHaveValue("احمد");
});

test("SEARCH-1 a slow answer for an earlier term never overwrites what was typed since", async ({ page }) => {
  await signIn(page, "support", "en");
  await page.goto("/chat-sessions");
  // Every page the router fetches takes 1.5 s to come back.
  await page.route(/\/chat-sessions\?/, async (route) => {
    if (route.request().headers().rsc) await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const box = page.locator("#session-search");
  await box.pressSequentially("اح");
  await page.waitForTimeout(500);
  await box.pressSequentially("مد", { delay: 100 });
  // Watch the box while both answers come back: it never shows an older term again.
  const seen = await page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>("#session-search")!;
    const values = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      values.add(input.value);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [...values];
  });
  expect(seen).toEqual(["احمد"]);
  await expect(page).toHaveURL(/q=%D8%A7%D8%AD%D9%85%D8%AF/);
  await expect(box).toHaveValue("احمد");
  await expect(rows(page).first().locator("mark").first()).toBeVisible();
});

test("FLT-1 FLT-2 FLT-3 searchable dropdowns filter by customer, vendor and product, and keep their label on reload", async ({ page }) => {
  await signIn(page, "admin", "en");
  const { rows: pick } = await e2eDb().query<{ customer_name: string; vendor_name: string; product_name: string; customer_id: number }>(
    "SELECT customer_name, vendor_name, product_name, customer_id FROM chat_sessions ORDER BY id LIMIT 1",
  );
  const session = pick[0]!;
  await page.goto("/chat-sessions");
  await page.getByRole("button", { name: "Filters", exact: true }).click();
  await chooseOption(page, "filter-customer", session.customer_name);
  await expect(page).toHaveURL(new RegExp(`customer=${session.customer_id}`));
  await expect(page.getByTestId("filter-chips")).toContainText(session.customer_name);
  for (const cell of await rows(page).locator("td:nth-child(3)").all()) await expect(cell).toHaveText(session.customer_name);
  await chooseOption(page, "filter-vendor", session.vendor_name);
  await expect(page).toHaveURL(/vendor=/);
  await chooseOption(page, "filter-product", session.product_name.slice(0, 12));
  await expect(page).toHaveURL(/product=/);
  await page.reload();
  await expect(page.getByTestId("filter-chips").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("filter-chips")).toContainText(session.customer_name);
});

test("filters that match nothing say so and offer to clear them; bad query strings fall back with a notice", async ({ page }) => {
  await signIn(page, "support", "ar");
  await page.goto("/chat-sessions?q=%D8%B2%D8%B2%D8%B2%D8%B2%D8%B2%D8%B2");
  await expect(page.getByTestId("list-empty")).toContainText(TEXT.ar.noMatches);
  // Nothing to page through: no "0–0 of 0" and no dead page buttons.
  await expect(page.getByRole("navigation", { name: "التنقل بين الصفحات" })).toHaveCount(0);
  await page.getByRole("button", { name: TEXT.ar.clear }).click();
  await expect(rows(page)).toHaveCount(25);
  const response = await page.goto(`/chat-sessions?sort=nope&dir=up&page=-1&size=1000000000&customer=abc&vendor=999999&after=%%%&q=${"x".repeat(10_000)}`);
  expect(response!.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText("تم تعديل بعض خيارات العرض");
});

for (const locale of ["ar", "en"] as TestLocale[]) {
  const text = TEXT[locale];
  test(`keyset pages go forward and back; j/k move between rows and Enter opens ROW-1's conversation (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    await page.goto("/chat-sessions?size=10");
    const firstPage = await rows(page).first().getAttribute("data-row-id");
    await page.getByRole("button", { name: text.nextPage }).click();
    await expect(page).toHaveURL(/after=/);
    await expect(page.getByText(text.secondPage)).toBeVisible();
    await expect(rows(page).first()).not.toHaveAttribute("data-row-id", firstPage!);
    await page.getByRole("button", { name: text.previousPage }).click();
    await expect(rows(page).first()).toHaveAttribute("data-row-id", firstPage!);

    // Nothing focused: j starts at the first row.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("j");
    await expect(rows(page).first()).toBeFocused();
    await page.keyboard.press("j");
    await expect(rows(page).nth(1)).toBeFocused();
    await page.keyboard.press("k");
    await expect(rows(page).first()).toBeFocused();
    await page.keyboard.press("x");
    await expect(rows(page).first().getByRole("checkbox")).toBeChecked();
    await page.keyboard.press("x");
    await expect(rows(page).first().getByRole("checkbox")).not.toBeChecked();
    // The row actions are reachable by Tab from the row.
    await page.keyboard.press("Tab");
    await expect(rows(page).first().getByRole("checkbox")).toBeFocused();
    await rows(page).first().focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("heading")).toContainText(text.conversation);
    // MSG-2 in the modal: each message says which participant of this session sent it.
    await expect(dialog.locator("li[data-side]").first()).toBeVisible();
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize()!;
    expect(Math.abs(box!.x + box!.width / 2 - viewport.width / 2)).toBeLessThan(20);
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  test(`ROW-4 deletes a session after a confirmation that says how many messages go; support sees no delete (${locale})`, async ({ page, browser }) => {
    const { rows: target } = await e2eDb().query<{ id: number; message_count: number; product_name: string }>(
      "SELECT id, message_count, product_name FROM chat_sessions WHERE message_count > 10 ORDER BY last_message_at DESC LIMIT 1",
    );
    const session = target[0]!;
    await signIn(page, "admin", locale);
    await page.goto("/chat-sessions");
    const row = page.locator(`tr[data-row-id="${session.id}"]`);
    // Delete is folded into the row's actions menu.
    await (await openRowMenu(row, text.more)).getByRole("menuitem", { name: text.delete }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(text.deleteBody(session.message_count));
    await expect(dialog).toContainText(session.product_name);
    await expectAccessible(page);
    await dialog.getByRole("button", { name: text.cancel }).click();
    await expect(row).toBeVisible();
    await (await openRowMenu(row, text.more)).getByRole("menuitem", { name: text.delete }).click();
    await page.getByTestId("confirm-action").click();
    await expect(row).toHaveCount(0);
    const { rows: left } = await e2eDb().query("SELECT 1 FROM chat_messages WHERE session_id = $1", [session.id]);
    expect(left).toHaveLength(0);

    const context = await browser.newContext();
    const supportPage = await context.newPage();
    await signIn(supportPage, "support", locale);
    await supportPage.goto("/chat-sessions");
    const supportMenu = await openRowMenu(rows(supportPage).first(), text.more);
    await expect(supportMenu.getByRole("menuitem").first()).toBeVisible();
    await expect(supportMenu.getByRole("menuitem", { name: text.delete })).toHaveCount(0);
    await context.close();
  });
}

test("BULK select all N matching acts on the filtered set: the export holds every matching session, not just the page", async ({ page }) => {
  const { rows: counted } = await e2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM chat_sessions WHERE unread_count > 0");
  const matching = counted[0]!.n;
  // The list counts up to 1,000 and says "1,000+" past that (COUNT_CAP).
  const label = matching > 1000 ? "1,000+" : matching.toLocaleString("en-US");
  await signIn(page, "support", "en");
  await page.goto("/chat-sessions?unread=1&size=10");
  await page.getByRole("checkbox", { name: "Select every session on this page" }).check();
  await expect(page.getByText("10 sessions selected")).toBeVisible();
  await page.getByRole("button", { name: `Select all ${label} matching sessions` }).click();
  await expect(page.getByText(`All ${label} matching sessions are selected`)).toBeVisible();
  await expect(rows(page).first().getByRole("checkbox")).toBeDisabled();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await downloadPromise).path())!, "utf8");
  expect(csv.trim().split("\r\n").length - 1).toBe(matching);
});

test("BULK-2 past the count cap: deleting all matching sessions says their exact number and asks for it to be typed", async ({ page }) => {
  await signIn(page, "admin", "en");
  await page.goto("/chat-sessions?size=10");
  await page.getByRole("checkbox", { name: "Select every session on this page" }).check();
  await page.getByRole("button", { name: "Select all 1,000+ matching sessions" }).click();
  await page.getByRole("button", { name: "Delete selected" }).click();
  const dialog = page.getByRole("dialog");
  const { rows: counted } = await e2eDb().query<{ sessions: number; messages: number }>("SELECT count(*)::int AS sessions, sum(message_count)::int AS messages FROM chat_sessions");
  const { sessions, messages } = counted[0]!;
  expect(sessions).toBeGreaterThan(1000);
  await expect(dialog).toContainText(`${sessions.toLocaleString("en-US")} sessions and all their messages will be deleted for good`);
  await expect(dialog).toContainText(`Messages that go with them: ${messages.toLocaleString("en-US")}.`);
  const confirm = page.getByTestId("confirm-action");
  await expect(confirm).toBeDisabled();
  const typed = dialog.getByLabel(`To confirm, type ${sessions}`);
  await typed.fill("1000");
  await expect(confirm).toBeDisabled();
  await typed.fill(String(sessions));
  await expect(confirm).toBeEnabled();
  await expectAccessible(page);
  // Not pressed: the other tests need these sessions.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("BULK-1 marks the selected sessions read and the NAV-2 badge follows; BULK-3 exports them; BULK-2 deletes them", async ({ page }) => {
  await signIn(page, "admin", "en");
  await page.goto("/chat-sessions?unread=1");
  const picked = [await rows(page).nth(0).getAttribute("data-row-id"), await rows(page).nth(1).getAttribute("data-row-id")].map(Number);
  await rows(page).nth(0).getByRole("checkbox").check();
  await rows(page).nth(1).getByRole("checkbox").check();
  await expect(page.getByText("2 sessions selected")).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^chat-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFID,Product,Customer,Vendor,Messages,Unread")).toBe(true);
  expect(csv.trim().split("\r\n").slice(1).map((line: string) => Number(line.split(",")[0])).sort()).toEqual([...picked].sort());

  const { rows: expected } = await e2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages WHERE read_at IS NULL AND session_id = ANY($1::int[])", [picked]);
  await page.getByRole("button", { name: "Mark all messages read" }).click();
  await expect(page.getByText(expected[0]!.n === 1 ? "1 message marked read" : `${expected[0]!.n} messages marked read`)).toBeVisible();
  await expect(page.getByTestId("nav-unread-badge").first()).toHaveAttribute("data-count", String(await trueUnreadTotal()));

  await page.goto("/chat-sessions");
  await page.locator(`tr[data-row-id="${picked[0]}"]`).getByRole("checkbox").check();
  await page.locator(`tr[data-row-id="${picked[1]}"]`).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete selected" }).click();
  await expect(page.getByRole("dialog")).toContainText("2 sessions and all their messages will be deleted for good");
  const { rows: doomed } = await e2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages WHERE session_id = ANY($1::int[])", [picked]);
  await expect(page.getByRole("dialog")).toContainText(`Messages that go with them: ${doomed[0]!.n.toLocaleString("en-US")}.`);
  await page.getByTestId("confirm-action").click();
  await expect(page.getByText("2 sessions and their messages deleted")).toBeVisible();
  const { rows: remaining } = await e2eDb().query("SELECT id FROM chat_sessions WHERE id = ANY($1::int[])", [picked]);
  expect(remaining).toHaveLength(0);
});
