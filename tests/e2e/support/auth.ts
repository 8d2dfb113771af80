import { expect, type Cookie, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../../prisma/seed/demo-accounts";

export type DemoRole = "admin" | "support" | "qa" | "customer" | "vendor";
export type TestLocale = "ar" | "en";

export async function setLocale(page: Page, locale: TestLocale): Promise<void> {
  await page.context().addCookies([{ name: "locale", value: locale, domain: "localhost", path: "/" }]);
}

/** Each demo account's session cookies, kept from its first sign-in through the form in this worker. */
const sessions = new Map<DemoRole, Cookie[]>();

/**
 * Signs in as one of the demo accounts and lands where the form lands (the overview for staff, the
 * chat for customers and vendors). The first time per account it goes through the real form; after
 * that it reuses that session's cookie, which spares each test the sign-in page and a password
 * hash. It still opens the landing page: a test's own page then loads with the shared scripts
 * cached, as a user's would after signing in (opened cold, a list page hydrated late enough that
 * an early click was lost). A session a test has ended (sign out) is found at once, as the
 * redirect to sign-in, and replaced through the form.
 */
export async function signIn(page: Page, role: DemoRole, locale: TestLocale = "ar"): Promise<void> {
  await setLocale(page, locale);
  const saved = sessions.get(role);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) return;
    sessions.delete(role);
    await page.context().clearCookies();
    await setLocale(page, locale);
  }
  await signInThroughForm(page, role);
  sessions.set(role, (await page.context().cookies()).filter((cookie) => cookie.name.includes("next-auth")));
}

/** Signs in through the real form, and lands where the form sends this account. */
export async function signInThroughForm(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#email").fill(`${role}@demo.test`);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("form:has(#email) button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
