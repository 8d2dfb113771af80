import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn, type TestLocale } from "./support/auth";
import { e2eDb } from "./support/db";

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

const SEND = {
  ar: { send: "إرسال", sending: "جارٍ الإرسال…", notSent: "لم تُرسَل الرسالة", retry: "إعادة المحاولة" },
  en: { send: "Send", sending: "Sending…", notSent: "Not sent", retry: "Retry" },
} as const;

for (const locale of ["ar", "en"] as TestLocale[]) {
  test(`a sent message shows at once as "sending…", then as the stored message; a failed one says "not sent" with Retry and keeps the draft (${locale})`, async ({ page }) => {
    const { rows } = await e2eDb().query<{ id: number }>(
      "SELECT s.id FROM chat_sessions s JOIN users c ON c.id = s.customer_id WHERE c.email = 'customer@demo.test' ORDER BY s.id DESC LIMIT 1",
    );
    await signIn(page, "customer", locale);
    await page.goto(`/chat/${rows[0]!.id}`);
    // The server's answer is held back until the optimistic message has been seen.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let mode: "hold" | "fail" | "pass" = "hold";
    await page.route("**/*", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      if (mode === "fail") return route.abort("connectionfailed");
      if (mode === "hold") await held;
      return route.continue();
    });
    const body = `optimistic ${locale} ${Date.now()}`;
    await page.locator("#chat-body").fill(body);
    await page.locator("#chat-body").press("Enter");
    const outgoing = page.getByTestId("outgoing-message");
    await expect(outgoing).toContainText(body);
    await expect(outgoing).toContainText(SEND[locale].sending);
    await expect(page.locator("#chat-body")).toHaveValue("");
    mode = "pass";
    release();
    await expect(outgoing).toHaveCount(0);
    await expect(page.getByTestId("chat-messages").locator("li[data-message-id]").last()).toContainText(body);

    mode = "fail";
    await page.locator("#chat-body").fill(`${body} again`);
    await page.getByRole("button", { name: SEND[locale].send, exact: true }).click();
    await expect(page.getByTestId("not-sent")).toContainText(SEND[locale].notSent);
    await expect(outgoing).toHaveCount(0);
    await expect(page.locator("#chat-body")).toHaveValue(`${body} again`);
    mode = "pass";
    await page.getByTestId("not-sent").getByRole("button", { name: SEND[locale].retry }).click();
    await expect(page.getByTestId("chat-messages").locator("li[data-message-id]").last()).toContainText(`${body} again`);
  });
}
