import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-accounts";

export type DemoRole = "admin" | "support" | "qa" | "customer" | "vendor";
export type TestLocale = "ar" | "en";

export async function setLocale(page: Page, locale: TestLocale): Promise<void> {
  await page.context().addCookies([{ name: "locale", value: locale, domain: "localhost", path: "/" }]);
}

/** Signs in through the real form as one of the demo accounts. */
export async function signIn(page: Page, role: DemoRole, locale: TestLocale = "ar"): Promise<void> {
  await setLocale(page, locale);
  await page.goto("/sign-in");
  await page.locator("#email").fill(`${role}@demo.test`);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("form:has(#email) button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
