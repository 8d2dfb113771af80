import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

test("the session cookie is httpOnly and SameSite=Lax, out of reach of page scripts", async ({ page }) => {
  await signIn(page, "support", "en");
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("a server action replayed from another origin is refused (403, localized) and changes nothing; the same request from the panel's origin works", async ({ page }) => {
  await signIn(page, "support", "en");
  await page.goto("/chat-sessions?unread=1");
  const row = page.locator("tbody tr[data-row-id]").first();
  const sessionId = Number(await row.getAttribute("data-row-id"));
  const unread = async () => (await e2eDb().query<{ n: number }>("SELECT unread_count AS n FROM chat_sessions WHERE id = $1", [sessionId])).rows[0]!.n;
  expect(await unread()).toBeGreaterThan(0);

  // Capture the panel's own "mark read" request without letting it through.
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  await page.route("**/chat-sessions**", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Mark all messages read" }).click();
  await expect.poll(() => captured).not.toBeNull();
  const { url, headers, body } = captured!;

  const forged = await page.request.post(url, { headers: { ...headers, origin: "https://evil.example" }, data: body });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toBe("You are not allowed to do that.");
  expect(await unread()).toBeGreaterThan(0);

  const genuine = await page.request.post(url, { headers, data: body });
  expect(genuine.ok()).toBe(true);
  await expect.poll(unread).toBe(0);
});

test("the panel asks search engines to index none of it, without a sign-in", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toBe("User-agent: *\nDisallow: /\n");
});
