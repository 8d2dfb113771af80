import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";

const TEXT = { ar: "انقطع الاتصال المباشر — جارٍ إعادة الاتصال…", en: "Live updates lost — reconnecting…" } as const;

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`the web chat shows "reconnecting…" while the live stream is down, and clears it once back (${locale})`, async ({ page, context }) => {
    await signIn(page, "customer", locale);
    // The stream cannot be reached: the page says so instead of silently going stale.
    await context.route("**/api/events", (route) => route.abort());
    await page.goto("/chat");
    const notice = page.getByTestId("reconnecting");
    await expect(notice).toHaveText(TEXT[locale], { timeout: 20_000 });
    await expectAccessible(page);
    // Back: EventSource reconnects by itself and the notice goes.
    await context.unroute("**/api/events");
    await expect(notice).toHaveCount(0, { timeout: 20_000 });
  });
}
