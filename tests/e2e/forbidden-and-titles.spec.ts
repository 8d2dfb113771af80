import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { staffTitle } from "./support/titles";

const TEXT = {
  ar: { noAccess: "لا تملك صلاحية الوصول", app: "لوحة إدارة السوق", notFound: "الصفحة غير موجودة", chat: "محادثاتي · السوق" },
  en: { noAccess: "No access", app: "Marketplace Admin", notFound: "Page not found", chat: "My conversations · Marketplace" },
} as const;


for (const locale of ["ar", "en"] as TestLocale[]) {
  test.describe(`forbidden page and tab titles (${locale})`, () => {
    test(`support opening settings gets 403 inside the panel's shell, with its own title (${locale})`, async ({ page }) => {
      await signIn(page, "support", locale);
      const response = await page.goto("/settings");
      expect(response?.status()).toBe(403);
      await expect(page).toHaveURL(/\/settings$/);
      await expect(page).toHaveTitle(staffTitle(`${TEXT[locale].noAccess} · ${TEXT[locale].app}`));
      await expect(page.getByRole("heading", { level: 1, name: TEXT[locale].noAccess })).toBeVisible();
      // The shell: sidebar navigation and the header's user menu are there.
      await expect(page.locator("aside").getByRole("navigation")).toBeVisible();
      await expect(page.getByTestId("nav-unread-badge").first()).toBeAttached();
      await expectAccessible(page);
    });

    test(`support opening a user's edit page gets 403 titled "No access", not the user's name (${locale})`, async ({ page }) => {
      await signIn(page, "support", locale);
      const response = await page.goto("/users/1/edit");
      expect(response?.status()).toBe(403);
      await expect(page).toHaveTitle(staffTitle(`${TEXT[locale].noAccess} · ${TEXT[locale].app}`));
    });

    test(`a missing session's edit page is titled not found (${locale})`, async ({ page }) => {
      await signIn(page, "support", locale);
      const response = await page.goto("/chat-sessions/987654321/edit");
      expect(response?.status()).toBe(404);
      await expect(page).toHaveTitle(staffTitle(`${TEXT[locale].notFound} · ${TEXT[locale].app}`));
    });

    test(`the customers' web chat is titled with the marketplace's name, not the admin panel (${locale})`, async ({ page }) => {
      await signIn(page, "customer", locale);
      await page.goto("/chat");
      await expect(page).toHaveTitle(TEXT[locale].chat);
    });
  });
}
