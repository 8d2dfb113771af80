import { expect, test } from "./support/test";
import { staffTitle } from "./support/titles";
import { expectAccessible } from "./support/axe";
import { signIn, setLocale, type TestLocale } from "./support/auth";
import { e2eDb, trueUnreadTotal } from "./support/db";

const NAV = {
  ar: { group: "إدارة المستخدمين", item: "الجلسات الحوارية", dir: "rtl", wrong: "البريد الإلكتروني أو كلمة المرور غير صحيحة." },
  en: { group: "User Management", item: "Chat Sessions", dir: "ltr", wrong: "The email or password is not correct." },
} as const;

for (const locale of ["ar", "en"] as TestLocale[]) {
  test.describe(`foundation (${locale})`, () => {
    test(`sign-in page is accessible and refuses a wrong password (${locale})`, async ({ page }) => {
      await setLocale(page, locale);
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", NAV[locale].dir);
      await expectAccessible(page);
      await page.locator("#email").fill("admin@demo.test");
      await page.locator("#password").fill("not-the-password");
      await page.locator("form:has(#email) button[type=submit]").click();
      await expect(page.locator("form [role=alert]")).toHaveText(NAV[locale].wrong);
      await expect(page).toHaveURL(/\/sign-in/);
    });

    test(`NAV-1 sidebar shows User Management › Chat Sessions and NAV-2 badge equals the true unread total (${locale})`, async ({ page }) => {
      await signIn(page, "admin", locale);
      await expect(page).toHaveURL(/\/$/);
      const nav = page.getByRole("navigation").first();
      await expect(nav.getByText(NAV[locale].group)).toBeVisible();
      await expect(nav.getByRole("link", { name: new RegExp(NAV[locale].item) })).toBeVisible();
      const badge = page.getByTestId("nav-unread-badge").first();
      await expect(badge).toHaveAttribute("data-count", String(await trueUnreadTotal()));
      await expectAccessible(page);
    });
  });
}

test("NAV-2 badge follows messages added, read and deleted", async ({ page }) => {
  await signIn(page, "support", "en");
  const db = e2eDb();
  const { rows } = await db.query<{ id: number; customer_id: number }>("SELECT id, customer_id FROM chat_sessions ORDER BY id LIMIT 1");
  const session = rows[0]!;
  const badge = page.getByTestId("nav-unread-badge").first();
  const before = await trueUnreadTotal();
  await expect(badge).toHaveAttribute("data-count", String(before));

  const inserted = await db.query<{ id: number }>(
    "INSERT INTO chat_messages (session_id, sender_id, body) SELECT $1, $2, 'e2e ' || g FROM generate_series(1, 3) g RETURNING id",
    [session.id, session.customer_id],
  );
  await page.reload();
  await expect(badge).toHaveAttribute("data-count", String(before + 3));

  await db.query("UPDATE chat_messages SET read_at = now() WHERE id = $1", [inserted.rows[0]!.id]);
  await db.query("DELETE FROM chat_messages WHERE id = $1", [inserted.rows[1]!.id]);
  await page.reload();
  await expect(badge).toHaveAttribute("data-count", String(before + 1));
  expect(await trueUnreadTotal()).toBe(before + 1);
});

test("strangers reach only sign-in", async ({ page }) => {
  await page.goto("/chat-sessions");
  await expect(page).toHaveURL(/\/sign-in/);
});

// One test per role: each signs in a context of its own, and a slow machine never sums five
// sign-ins into one test's time.
for (const role of ["admin", "support", "qa"] as const) {
  test(`${role} reaches the panel, not the participants' chat${role === "admin" ? "" : " nor the settings"}`, async ({ page }) => {
    await signIn(page, role, "en");
    await page.goto("/chat-sessions");
    await expect(page).toHaveURL(/\/chat-sessions/);
    expect((await page.goto("/chat"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
    if (role !== "admin") {
      expect((await page.goto("/settings"))?.status()).toBe(403);
      await expect(page).toHaveURL(/\/settings/);
      await expect(page.getByTestId("forbidden")).toBeVisible();
    }
  });
}

for (const role of ["customer", "vendor"] as const) {
  test(`a ${role} reaches their chat, never the panel`, async ({ page }) => {
    await signIn(page, role, "en");
    await page.goto("/chat-sessions");
    await expect(page).toHaveURL(/\/chat$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My conversations");
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/chat$/);
  });
}

test("language switch and dark mode are remembered; sign-out ends the session", async ({ page }) => {
  await signIn(page, "qa", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await page.getByRole("button", { name: "Dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectAccessible(page);
  await page.locator("summary", { hasText: "فريق الجودة" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/chat-sessions");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-in is locked after 5 failures for one account, with a clear message", async ({ page }) => {
  await setLocale(page, "en");
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await page.locator("#email").fill("nobody@demo.test");
    await page.locator("#password").fill(`guess-${attempt}`);
    await page.locator("form:has(#email) button[type=submit]").click();
    const expected = attempt <= 5 ? "The email or password is not correct." : "Too many failed sign-in attempts. Try again in 15 minutes.";
    await expect(page.locator("form [role=alert]")).toHaveText(expected);
  }
});

test("pages carry security headers and unknown pages answer a localized 404", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
  await setLocale(page, "ar");
  const missing = await page.goto("/no-such-page");
  expect(missing!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصفحة غير موجودة");
  await expect(page).toHaveTitle(staffTitle("الصفحة غير موجودة · لوحة إدارة السوق"));
});
