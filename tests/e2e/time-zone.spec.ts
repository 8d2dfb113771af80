import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

// A browser three hours ahead of the server (UTC): what the server renders must match what the
// browser renders, or React reports a hydration error (#418) in the console.
test.use({ timezoneId: "Asia/Riyadh" });

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`FORM-4 the new and edit session pages render without a console error in Asia/Riyadh, showing local time (${locale})`, async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    const { rows } = await e2eDb().query<{ id: number; last: Date }>("SELECT id, last_message_at AS last FROM chat_sessions ORDER BY id LIMIT 1");
    const session = rows[0]!;
    await signIn(page, "qa", locale);
    await page.goto("/chat-sessions/new");
    await expect(page.getByTestId("last-message-display")).toBeVisible();
    await page.goto(`/chat-sessions/${session.id}/edit`);
    // The picker shows the stored instant in Riyadh's time (UTC+3).
    const riyadh = new Date(session.last.getTime() + 3 * 3_600_000).toISOString().slice(0, 19);
    // A datetime-local's value leaves out seconds that are zero (another spec may have set a round time).
    await expect(page.locator("#lastMessageAt")).toHaveValue(riyadh.endsWith(":00") ? riyadh.slice(0, 16) : riyadh);
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
}
