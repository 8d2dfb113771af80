import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, type DemoRole, type TestLocale } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { chooseOption } from "../support/combobox";
import { embeddedE2eDb } from "../support/db";

// The default run in the browser: the app as `npm start` runs it with no DATABASE_URL, on the
// embedded PostgreSQL it started itself (tests/e2e/support/serve-embedded.ts).

const WORDS = {
  ar: { start: "ابدأ المحادثة", send: "إرسال", retry: "إعادة المحاولة", notSent: "لم تُرسَل الرسالة", sessions: "الجلسات الحوارية" },
  en: { start: "Start the conversation", send: "Send", retry: "Retry", notSent: "Not sent", sessions: "Chat Sessions" },
} as const;

async function signedIn(browser: Browser, role: DemoRole, locale: TestLocale): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, role, locale);
  return page;
}

/** A product of the demo vendor, new for each run so that each conversation starts fresh. */
async function newProductOfDemoVendor(name: string): Promise<string> {
  await embeddedE2eDb().query("INSERT INTO products (name, vendor_id, updated_at) SELECT $1, id, now() FROM users WHERE email = 'vendor@demo.test'", [name]);
  return name;
}

/** Server actions (POST with Next-Action) fail as if the network were down while `down` is true. */
async function actionsFailWhile(page: Page, down: () => boolean): Promise<void> {
  await page.route("**/*", (route) => (down() && route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("connectionfailed") : route.continue()));
}

for (const locale of ["ar", "en"] as const) {
  const w = WORDS[locale];
  test(`the default run (${locale}): sign in, the list, a customer and a vendor talk live, the admin list follows; a failed send keeps its draft`, async ({ browser }) => {
    const product = await newProductOfDemoVendor(`Embedded smoke lamp ${locale} ${Date.now()}`);
    const admin = await signedIn(browser, "admin", locale);
    await admin.goto("/chat-sessions");
    await expect(admin.getByRole("heading", { name: w.sessions }).first()).toBeVisible();
    await expect(admin.locator("tbody tr[data-row-id]").first()).toBeVisible();

    const customer = await signedIn(browser, "customer", locale);
    const vendor = await signedIn(browser, "vendor", locale);
    await expect(customer).toHaveURL(/\/chat$/);
    await chooseOption(customer, "ask-product", product);
    await customer.getByRole("button", { name: w.start }).click();
    await expect(customer).toHaveURL(/\/chat\/\d+$/);
    const sessionPath = new URL(customer.url()).pathname;
    const sessionId = sessionPath.split("/").at(-1)!;

    // The network fails on the first try: the draft stays, "not sent" with Retry; Retry sends it.
    let down = true;
    await actionsFailWhile(customer, () => down);
    await customer.locator("#chat-body").fill(`Is it in stock? (${locale})`);
    await customer.getByRole("button", { name: w.send, exact: true }).click();
    await expect(customer.getByTestId("not-sent")).toContainText(w.notSent);
    await expect(customer.locator("#chat-body")).toHaveValue(`Is it in stock? (${locale})`);
    await expectAccessible(customer);
    down = false;
    await customer.getByTestId("not-sent").getByRole("button", { name: w.retry }).click();
    await expect(customer.getByTestId("chat-messages").locator("li[data-message-id]").last()).toContainText(`Is it in stock? (${locale})`);
    await expect(customer.getByTestId("not-sent")).toHaveCount(0);
    await expect(customer.locator("#chat-body")).toHaveValue("");

    // Live to the admin list: the new session shows up without a reload.
    await expect(admin.locator(`tbody tr[data-row-id="${sessionId}"]`)).toBeVisible();

    // The vendor opens it and answers; the customer sees it live, and their next send goes through too.
    await vendor.goto(sessionPath);
    await expect(vendor.getByTestId("chat-messages")).toContainText(`Is it in stock? (${locale})`);
    await vendor.locator("#chat-body").fill(`Yes, it is. (${locale})`);
    await vendor.getByRole("button", { name: w.send, exact: true }).click();
    await expect(customer.getByTestId("chat-messages")).toContainText(`Yes, it is. (${locale})`);
    await customer.locator("#chat-body").fill(`Thanks! (${locale})`);
    await customer.getByRole("button", { name: w.send, exact: true }).click();
    await expect(vendor.getByTestId("chat-messages")).toContainText(`Thanks! (${locale})`);
    const { rows } = await embeddedE2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages WHERE session_id = $1", [Number(sessionId)]);
    expect(rows[0]!.n).toBe(3);
    for (const page of [admin, customer, vendor]) await page.context().close();
  });
}

test("the panel's composer (en): a failed send keeps its draft, says it was not sent, and Retry sends it", async ({ page }) => {
  const { rows } = await embeddedE2eDb().query<{ id: number }>("SELECT id FROM chat_sessions ORDER BY id LIMIT 1");
  await signIn(page, "support", "en");
  await page.goto(`/chat-sessions/${rows[0]!.id}/edit#messages`);
  let down = true;
  await actionsFailWhile(page, () => down);
  await page.locator("#message-body").fill("Sent from the panel, second try");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("not-sent")).toContainText("Not sent");
  await expect(page.locator("#message-body")).toHaveValue("Sent from the panel, second try");
  down = false;
  await page.getByTestId("not-sent").getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("messages-list").locator("[data-message-id]").last()).toContainText("Sent from the panel, second try");
  await expect(page.getByTestId("not-sent")).toHaveCount(0);
  // A mistake in what was typed is still said as it was.
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Write the message.")).toBeVisible();
});
