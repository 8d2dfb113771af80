import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb, trueUnreadTotal } from "./support/db";

const TEXT = {
  ar: { title: "نظرة عامة", table: "عرض البيانات جدولًا", perDay: "الرسائل يوميًا (آخر 30 يومًا)", dir: "rtl" },
  en: { title: "Overview", table: "Show the data as a table", perDay: "Messages per day (last 30 days)", dir: "ltr" },
} as const;

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`staff land on the overview: figures link to the list, charts have table alternatives and follow the reading direction (${locale})`, async ({ page }) => {
    await signIn(page, "support", locale);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TEXT[locale].title);
    await expect(page.locator("aside").getByRole("link", { name: TEXT[locale].title })).toHaveAttribute("aria-current", "page");
    const unread = page.getByTestId("overview-unread");
    await expect(unread).toHaveText(new Intl.NumberFormat("en-US").format(await trueUnreadTotal()));
    await expect(unread).toHaveAttribute("href", "/chat-sessions?unread=1");
    await expect(page.getByTestId("overview-conversion")).toHaveText(/%|—/);
    // Awaiting a vendor's reply: the triage queue's count, linked to that queue; the longest wait to it longest-waiting first.
    const { rows } = await e2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM chat_sessions WHERE awaiting = 'vendor'");
    const awaiting = page.getByTestId("overview-awaiting");
    await expect(awaiting).toHaveText(new Intl.NumberFormat("en-US").format(rows[0]!.n));
    await expect(awaiting).toHaveAttribute("href", "/chat-sessions?awaiting=vendor");
    await expect(page.getByTestId("overview-longest-wait")).toHaveAttribute("href", "/chat-sessions?awaiting=vendor&sort=waiting&dir=asc");
    // Each vendor kept waiting links to that vendor's sessions awaiting a reply.
    await expect(page.locator('a[href^="/chat-sessions?vendor="][href$="&awaiting=vendor"]').first()).toBeVisible();

    // Messages per day: a chart for the eye, the same 31 days as a table for everyone.
    const perDay = page.getByRole("figure", { name: TEXT[locale].perDay });
    await expect(perDay.locator(".recharts-surface")).toBeVisible();
    await perDay.getByText(TEXT[locale].table).click();
    await expect(perDay.locator("tbody tr")).toHaveCount(31);
    // Time runs with the reading direction: values on the start side, the newest day at the end.
    const chart = await perDay.locator(".recharts-surface").boundingBox();
    const yAxis = await perDay.locator(".recharts-yAxis").boundingBox();
    const yOnRight = yAxis!.x > chart!.x + chart!.width / 2;
    expect(yOnRight).toBe(TEXT[locale].dir === "rtl");
    await expectAccessible(page);

    // A vendor's figure opens the list filtered to that vendor.
    const vendorLinks = page.locator('a[href^="/chat-sessions?vendor="]');
    if ((await vendorLinks.count()) > 0) {
      await vendorLinks.first().click();
      await expect(page).toHaveURL(/\/chat-sessions\?vendor=\d+/);
    }
  });
}
