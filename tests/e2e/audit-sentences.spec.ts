import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

const TEXT = {
  ar: { sentence: "صدّر 393 جلسة بصيغة CSV (كل ما يطابق: البحث «audit-sentence»)", raw: "التفاصيل الخام", setting: "إعداد «تفعيل الدردشة في تطبيق الهاتف»" },
  en: { sentence: "exported 393 sessions as CSV (all matching: search “audit-sentence”)", raw: "Raw details", setting: "the setting “Enable chat in the mobile app”" },
} as const;

test.beforeAll(async () => {
  await e2eDb().query(
    `INSERT INTO audit_log (actor_id, action, target_type, target_id, details)
     SELECT id, 'chatSessions.export', 'chatSession', NULL, '{"format":"csv","rows":393,"completed":true,"selection":{"filters":{"q":"audit-sentence","unread":false,"recent":false}}}'::jsonb FROM users WHERE email = 'admin@demo.test'
     UNION ALL
     SELECT id, 'settings.mobileChat', 'setting', 'mobileChatEnabled', '{"enabled":true,"probe":"audit-sentence"}'::jsonb FROM users WHERE email = 'admin@demo.test'`,
  );
});

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`the audit log reads as sentences with linked targets, raw details one click away (${locale})`, async ({ page }) => {
    await signIn(page, "admin", locale);
    await page.goto("/audit?filter=chatSessions.export");
    const exportRow = page.locator("tbody tr").filter({ hasText: TEXT[locale].sentence });
    await expect(exportRow).toHaveCount(1);
    await expect(exportRow).not.toContainText('{"format"');
    const raw = exportRow.getByText(TEXT[locale].raw);
    await expect(exportRow.locator("pre")).toBeHidden();
    await raw.click();
    await expect(exportRow.locator("pre")).toContainText('"rows": 393');
    await expectAccessible(page);

    await page.goto("/audit?filter=settings.mobileChat");
    const settingRow = page.locator("tbody tr").filter({ hasText: "audit-sentence" });
    await expect(settingRow.getByRole("link", { name: TEXT[locale].setting })).toHaveAttribute("href", "/settings");
  });
}
