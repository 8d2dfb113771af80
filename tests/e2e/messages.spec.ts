import { expect, test } from "./support/test";
import { expectAccessible } from "./support/axe";
import { signIn } from "./support/auth";
import { e2eDb, trueUnreadTotal } from "./support/db";
import { catalogs } from "../../lib/i18n/catalogs";

async function busySession(): Promise<{ id: number; customer_name: string; vendor_name: string }> {
  const { rows } = await e2eDb().query<{ id: number; customer_name: string; vendor_name: string }>(
    "SELECT id, customer_name, vendor_name FROM chat_sessions WHERE message_count > 60 ORDER BY id DESC LIMIT 1",
  );
  return rows[0]!;
}

const badge = (page: import("@playwright/test").Page) => page.getByTestId("nav-unread-badge").first();

test("ROW-2 MSG-1..5 manage messages: content, sender and role, time, read state; a reply moves the NAV-2 badge (en)", async ({ page }) => {
  const session = await busySession();
  await signIn(page, "support", "en");
  await page.goto(`/chat-sessions/${session.id}/messages`);
  await expect(page).toHaveURL(new RegExp(`/chat-sessions/${session.id}/edit#messages`));
  await expect(page.locator("#messages-title")).toBeInViewport();
  // support reads the details and manages messages, but edits nothing and deletes nothing (MSG-6 is admin only)
  await expect(page.getByText("You can view the session's details only.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete message" })).toHaveCount(0);
  const list = page.getByTestId("messages-list");
  await expect(list.locator("[data-message-id]")).toHaveCount(50);
  await page.getByRole("button", { name: "Load older messages" }).click();
  await expect(list.locator("[data-message-id]")).not.toHaveCount(50);
  await page.getByRole("button", { name: "Table" }).click();
  for (const column of ["Content", "Sender", "Sent at", "Read status"]) await expect(list.getByRole("columnheader", { name: column })).toBeVisible();
  await expect(list.locator("[data-message-id]").first()).toContainText(/Customer|Vendor/);
  await expectAccessible(page);

  const before = await trueUnreadTotal();
  // MSG-5: either participant may send; the vendor, who usually answers, is preselected
  await expect(page.getByRole("radio", { name: new RegExp(session.vendor_name) })).toBeChecked();
  await page.getByLabel(new RegExp(session.customer_name)).check();
  await page.locator("#message-body").fill("Is it still available? https://example.test/item");
  await page.getByRole("button", { name: "Send" }).click();
  // Read as a chat: the newest message is the last one.
  await expect(list.locator("[data-message-id]").last()).toContainText("Is it still available?");
  await expect(list.locator("[data-message-id]").last().getByRole("link", { name: "https://example.test/item" })).toBeVisible();
  await expect(list.locator("[data-message-id]").last()).toHaveAttribute("data-read", "false");
  await expect(list.locator("[data-message-id]").last()).toHaveAttribute("data-side", "customer");
  await expect(page.getByRole("radio", { name: new RegExp(session.customer_name) })).toBeChecked();
  await expect(badge(page)).toHaveAttribute("data-count", String(before + 1));
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Write the message.")).toBeVisible();
});

test("MSG-6 and MSG-7 (ar): mark one and all read, delete with confirmation (admin), the badge follows", async ({ page }) => {
  const session = await busySession();
  await e2eDb().query("UPDATE chat_messages SET read_at = NULL WHERE id IN (SELECT id FROM chat_messages WHERE session_id = $1 ORDER BY id DESC LIMIT 3)", [session.id]);
  await signIn(page, "admin", "ar");
  await page.goto(`/chat-sessions/${session.id}/edit`);
  const list = page.getByTestId("messages-list");
  const unread = list.locator('[data-message-id][data-read="false"]');
  const unreadBefore = await unread.count();
  expect(unreadBefore).toBeGreaterThanOrEqual(3);
  await unread.first().getByRole("button", { name: "تعليم كمقروءة" }).click();
  await expect(unread).toHaveCount(unreadBefore - 1);
  await expect(badge(page)).toHaveAttribute("data-count", String(await trueUnreadTotal()));
  await page.getByRole("button", { name: "تعليم الكل كمقروء" }).click();
  await expect(unread).toHaveCount(0);
  await expect(badge(page)).toHaveAttribute("data-count", String(await trueUnreadTotal()));

  const first = list.locator("[data-message-id]").first();
  const id = await first.getAttribute("data-message-id");
  await first.getByRole("button", { name: "حذف الرسالة" }).click();
  await expect(page.getByRole("dialog")).toContainText("ستُحذف هذه الرسالة نهائيًا");
  await page.getByTestId("confirm-action").click();
  await expect(list.locator(`[data-message-id="${id}"]`)).toHaveCount(0);
  const { rows } = await e2eDb().query("SELECT 1 FROM chat_messages WHERE id = $1", [Number(id)]);
  expect(rows).toHaveLength(0);
  await expectAccessible(page);
});

test("MSG-5 a message support writes as the vendor names them in the panel; the customer sees it came from the marketplace's support; the audit log's filter finds it", async ({ page }) => {
  const { rows } = await e2eDb().query<{ id: number }>(
    "SELECT s.id FROM chat_sessions s JOIN users c ON c.id = s.customer_id WHERE c.email = 'customer@demo.test' ORDER BY s.id LIMIT 1",
  );
  const sessionId = rows[0]!.id;
  const body = `On its way today ${Date.now()}`;
  await signIn(page, "support", "en");
  await page.goto(`/chat-sessions/${sessionId}/edit`);
  await page.locator("#message-body").fill(body);
  await page.getByRole("button", { name: "Send" }).click();
  const written = page.getByTestId("messages-list").locator("[data-message-id]").filter({ hasText: body });
  await expect(written.getByTestId("written-by-staff")).toHaveText(catalogs.messages.en.writtenForVendor.replace("{name}", "فريق الدعم").replace("{role}", "Support"));
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0); // the "sent" toast, fading, is not part of the page
  await expectAccessible(page);

  await page.context().clearCookies();
  await signIn(page, "customer", "ar");
  await page.goto(`/chat/${sessionId}`);
  const bubble = page.getByTestId("chat-messages").locator("[data-message-id]").filter({ hasText: body });
  await expect(bubble.getByTestId("from-marketplace-support")).toHaveText(catalogs.chat.ar.fromSupportForVendor);
  await expect(page.getByTestId("chat-messages")).not.toContainText("فريق الدعم");
  await expectAccessible(page);

  await page.context().clearCookies();
  await signIn(page, "admin", "en");
  await page.goto("/audit");
  const label = catalogs.resources.en["audit_messages.add"];
  await page.getByRole("button", { name: "Filters", exact: true }).click();
  await page.getByLabel("Action", { exact: true }).selectOption({ label });
  await expect(page).toHaveURL(/action=messages\.add/);
  await expect(page.getByRole("row").filter({ hasText: "فريق الدعم" }).first()).toContainText(label);
});
