import { expect, test, type Locator, type Page } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb, trueUnreadTotal } from "./support/db";

const TEXT = {
  ar: { loadOlder: "تحميل رسائل أقدم", view: "عرض المحادثة", markAll: "تعليم الكل كمقروء", send: "إرسال" },
  en: { loadOlder: "Load older messages", view: "View conversation", markAll: "Mark all read", send: "Send" },
} as const;

async function ids(messages: Locator): Promise<number[]> {
  return (await messages.evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-message-id")))));
}

/** The scroller shows its end: the newest message. */
async function expectScrolledToNewest(scroller: Locator): Promise<void> {
  await expect.poll(() => scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight)).toBeLessThan(4);
}

function busySession(offset: number) {
  return e2eDb()
    .query<{ id: number; product_name: string }>("SELECT id, product_name FROM chat_sessions WHERE message_count > 60 ORDER BY id LIMIT 1 OFFSET $1", [offset])
    .then((result) => result.rows[0]!);
}

const ascending = (values: number[]) => values.every((value, index) => index === 0 || values[index - 1]! < value);

async function openConversationFromList(page: Page, sessionId: number, productName: string, locale: TestLocale): Promise<Locator> {
  await page.goto(`/chat-sessions?q=${encodeURIComponent(productName)}`);
  await page.locator(`tr[data-row-id="${sessionId}"]`).getByRole("button", { name: TEXT[locale].view }).click();
  return page.getByRole("dialog");
}

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`the messages manager reads oldest to newest, scrolled to the newest, with earlier messages loaded at the top (${locale})`, async ({ page }) => {
    const session = await busySession(locale === "ar" ? 0 : 1);
    await signIn(page, "support", locale);
    await page.goto(`/chat-sessions/${session.id}/edit`);
    const list = page.getByTestId("messages-list");
    const messages = list.locator("[data-message-id]");
    await expect(messages).toHaveCount(50);
    const shown = await ids(messages);
    expect(ascending(shown)).toBe(true);
    const scroller = page.getByRole("region", { name: locale === "ar" ? "سجل الرسائل" : "Message history" });
    await expectScrolledToNewest(scroller);
    const loadOlder = scroller.getByRole("button", { name: TEXT[locale].loadOlder });
    // "load earlier" sits above the first message
    expect(await loadOlder.evaluate((button, first) => Boolean(button.compareDocumentPosition(first!) & Node.DOCUMENT_POSITION_FOLLOWING), await messages.first().elementHandle())).toBe(true);
    await loadOlder.click();
    await expect(messages).not.toHaveCount(50);
    const more = await ids(messages);
    expect(ascending(more)).toBe(true);
    expect(more.at(-1)).toBe(shown.at(-1));
    expect(more[0]!).toBeLessThan(shown[0]!);
    await expectAccessible(page);
  });

  test(`the conversation modal reads oldest to newest and can mark read and reply (${locale})`, async ({ page }) => {
    const session = await busySession(locale === "ar" ? 2 : 3);
    await e2eDb().query("UPDATE chat_messages SET read_at = NULL WHERE id IN (SELECT id FROM chat_messages WHERE session_id = $1 ORDER BY id DESC LIMIT 2)", [session.id]);
    await signIn(page, "support", locale);
    const dialog = await openConversationFromList(page, session.id, session.product_name, locale);
    const messages = dialog.getByTestId("conversation-messages").locator("[data-message-id]");
    await expect(messages).toHaveCount(50);
    expect(ascending(await ids(messages))).toBe(true);
    await expectScrolledToNewest(dialog.getByTestId("conversation-scroller"));
    await expect(dialog.getByTestId("conversation-scroller").getByRole("button", { name: TEXT[locale].loadOlder })).toBeVisible();
    await expectAccessible(page);

    await dialog.getByRole("button", { name: TEXT[locale].markAll }).click();
    await expect(dialog.getByRole("button", { name: TEXT[locale].markAll })).toBeDisabled();
    // The button is disabled while the action runs: wait for its commit, not for the button.
    await expect.poll(async () => (await e2eDb().query("SELECT 1 FROM chat_messages WHERE session_id = $1 AND read_at IS NULL", [session.id])).rowCount).toBe(0);
    await expect(page.getByTestId("nav-unread-badge").first()).toHaveAttribute("data-count", String(await trueUnreadTotal()));

    const body = `quick answer ${locale} ${Date.now()}`;
    await dialog.locator("#message-body").fill(body);
    await dialog.getByRole("button", { name: TEXT[locale].send, exact: true }).click();
    await expect(messages.last()).toContainText(body);
    await expectScrolledToNewest(dialog.getByTestId("conversation-scroller"));
    const stored = await e2eDb().query("SELECT 1 FROM chat_messages WHERE session_id = $1 AND body = $2", [session.id, body]);
    expect(stored.rowCount).toBe(1);
  });
}
