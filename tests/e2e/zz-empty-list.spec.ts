import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// Runs once every other spec has ended (the project "last" of tests/playwright.config.ts): it
// empties its worker's database's sessions.
test("LIST-2 with no sessions at all, the list says so in the spec's words, in both languages", async ({ page }) => {
  await e2eDb().query("DELETE FROM chat_sessions");
  await signIn(page, "admin", "ar");
  await page.goto("/chat-sessions");
  await expect(page.getByTestId("list-empty")).toHaveText("لا توجد جلسات حوارية");
  await expect(page.getByTestId("nav-unread-badge").first()).toHaveAttribute("data-count", "0");
  await page.context().addCookies([{ name: "locale", value: "en", domain: "localhost", path: "/" }]);
  await page.reload();
  await expect(page.getByTestId("list-empty")).toHaveText("No chat sessions");
});
