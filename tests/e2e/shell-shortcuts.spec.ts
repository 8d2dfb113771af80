import { expect, test, type Page } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

const TEXT = {
  ar: { sessions: "الجلسات الحوارية", users: "المستخدمون", sheet: "اختصارات لوحة المفاتيح" },
  en: { sessions: "Chat Sessions", users: "Users", sheet: "Keyboard shortcuts" },
} as const;

/** Every request the page made that failed with 404, by path. */
function collect404s(page: Page): string[] {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(new URL(response.url()).pathname);
  });
  return missing;
}

for (const locale of ["ar", "en"] as TestLocale[]) {
  test.describe(`shell and keyboard shortcuts (${locale})`, () => {
    test(`the sidebar marks the current section with aria-current, and the page has a favicon (${locale})`, async ({ page }) => {
      const missing = collect404s(page);
      await signIn(page, "admin", locale);
      await page.goto("/users");
      const nav = page.locator("aside").getByRole("navigation");
      await expect(nav.getByRole("link", { name: TEXT[locale].users })).toHaveAttribute("aria-current", "page");
      await expect(nav.locator("[aria-current=page]")).toHaveCount(1);
      const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
      expect(icon).toBeTruthy();
      expect((await page.request.get(icon!)).status()).toBe(200);
      await page.goto("/chat-sessions");
      await expect(nav.getByRole("link", { name: new RegExp(TEXT[locale].sessions) })).toHaveAttribute("aria-current", "page");
      expect(missing).toEqual([]);
    });

    test(`"?" opens the cheat sheet and "/" focuses the page's search box (${locale})`, async ({ page }) => {
      await signIn(page, "support", locale);
      await page.goto("/chat-sessions");
      await page.locator("main").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("?");
      const sheet = page.getByRole("dialog", { name: TEXT[locale].sheet });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByText("Ctrl+Enter")).toBeVisible();
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await expect(sheet).toBeHidden();
      await page.keyboard.press("/");
      await expect(page.locator('main input[type="search"]')).toBeFocused();
      // In a box, "/" and "?" are text, never shortcuts.
      await page.keyboard.type("a/?");
      await expect(page.locator('main input[type="search"]')).toHaveValue("a/?");
      await expect(sheet).toBeHidden();
    });
  });
}

test("Ctrl+Enter sends from the messages manager's composer", async ({ page }) => {
  const { rows } = await e2eDb().query<{ id: number }>("SELECT id FROM chat_sessions WHERE message_count BETWEEN 1 AND 20 ORDER BY id LIMIT 1");
  const sessionId = rows[0]!.id;
  const body = `sent with the keyboard ${Date.now()}`;
  await signIn(page, "support", "en");
  await page.goto(`/chat-sessions/${sessionId}/edit`);
  await page.locator("#message-body").fill(body);
  await page.locator("#message-body").press("Control+Enter");
  await expect(page.getByTestId("messages-list").getByText(body)).toBeVisible();
  const stored = await e2eDb().query("SELECT 1 FROM chat_messages WHERE session_id = $1 AND body = $2", [sessionId, body]);
  expect(stored.rowCount).toBe(1);
});
