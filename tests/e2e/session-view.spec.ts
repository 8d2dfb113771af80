import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { openRowMenu } from "./support/row-menu";

const TEXT = {
  ar: { more: "إجراءات الجلسة", manage: "إدارة الرسائل", back: "العودة إلى قائمة الجلسات", title: "الجلسة الحوارية رقم", product: "المنتج", edit: "تعديل" },
  en: { more: "Actions for session", manage: "Manage messages", back: "Back to the sessions list", title: "Chat session #", product: "Product", edit: "Edit" },
} as const;

for (const locale of ["ar", "en"] as TestLocale[]) {
  const text = TEXT[locale];
  test(`a read-only role opens a session's own page from a filtered list, and its back link restores that list (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    const listQuery = "unread=1&sort=product&dir=asc";
    await page.goto(`/chat-sessions?${listQuery}`);
    const row = page.locator("tbody tr[data-row-id]").first();
    const id = await row.getAttribute("data-row-id");
    await (await openRowMenu(row, text.more)).getByRole("menuitem", { name: text.manage }).click();

    await expect(page).toHaveURL(new RegExp(`/chat-sessions/${id}\\?from=`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${text.title}${locale === "ar" ? " " : ""}${id}`);
    // Read-only: the fields as the list shows them, and no edit link for support.
    await expect(page.locator("dl dt").filter({ hasText: text.product })).toHaveCount(1);
    await expect(page.getByRole("link", { name: text.edit, exact: true })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: text.back }).click();
    await expect(page).toHaveURL(new RegExp(`/chat-sessions\\?${listQuery}$`));
    await expect(page.getByTestId("filter-chips").locator("li")).toHaveCount(1);
  });
}

test("a hostile `from` only ever leads back to the sessions list", async ({ page }) => {
  await signIn(page, "support", "en");
  const id = (await (await page.request.get("/chat-sessions")).text()).match(/data-row-id="(\d+)"/)?.[1];
  expect(id).toBeTruthy();
  await page.goto(`/chat-sessions/${id}?from=${encodeURIComponent("//evil.test/x?q=<b>&sort=nope&unread=1")}`);
  await expect(page.getByRole("link", { name: TEXT.en.back })).toHaveAttribute("href", "/chat-sessions?unread=1");
});
