import { expect, test, type Page } from "./support/test";
import { expectAccessible } from "./support/axe";
import { openRowMenu } from "./support/row-menu";
import { signIn } from "./support/auth";
import { e2eDb, trueUnreadTotal } from "./support/db";

// Issue 20: working as a team. Two browser contexts where two agents meet; Arabic and English.
const ADMIN = "مدير النظام";
const SUPPORT = "فريق الدعم";

async function sessionWithMessages(): Promise<number> {
  const { rows } = await e2eDb().query<{ id: number }>("SELECT id FROM chat_sessions WHERE message_count > 0 ORDER BY id DESC LIMIT 1");
  return rows[0]!.id;
}

const rowOf = (page: Page, id: number | string) => page.locator(`tr[data-row-id="${id}"]`);

test("two agents on one session see each other, the 'replying' line, and a reply sent over a fresh colleague's asks first (ar + en)", async ({ browser }) => {
  const id = await sessionWithMessages();
  const adminContext = await browser.newContext();
  const supportContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    const support = await supportContext.newPage();
    await signIn(admin, "admin", "ar");
    await signIn(support, "support", "en");
    await admin.goto(`/chat-sessions/${id}/edit`);
    await support.goto(`/chat-sessions/${id}`);
    await expect(admin.getByTestId("presence").locator(`li[title="${SUPPORT}"]`)).toBeVisible();
    await expect(support.getByTestId("presence").locator(`li[title="${ADMIN}"]`)).toBeVisible();

    await admin.locator("#message-body").fill("نعم، متوفر");
    await expect(support.getByTestId("replying")).toHaveText(`${ADMIN} is replying…`);
    await admin.getByRole("button", { name: "إرسال", exact: true }).click();
    await expect(admin.getByText("تم إرسال الرسالة")).toBeVisible();

    await support.locator("#message-body").fill("Yes, in stock");
    await support.getByRole("button", { name: "Send", exact: true }).click();
    const dialog = support.getByRole("dialog");
    await expect(dialog).toContainText("A colleague replied moments ago");
    await expect(dialog.getByTestId("recent-reply")).toHaveText("نعم، متوفر");
    await expectAccessible(support);
    await dialog.getByRole("button", { name: "Send anyway" }).click();
    await expect(support.getByText("Message sent")).toBeVisible();

    // A closed tab is gone from the others' screens.
    await support.close();
    await expect(admin.getByTestId("presence")).toHaveCount(0);
  } finally {
    await adminContext.close();
    await supportContext.close();
  }
});

test("support takes a session from its row, and the 'me' filter shows it (en, then ar)", async ({ page }) => {
  await signIn(page, "support", "en");
  await page.goto("/chat-sessions?assignee=none");
  const row = page.locator("tbody tr[data-row-id]").first();
  const id = (await row.getAttribute("data-row-id"))!;
  const menu = await openRowMenu(row, "Actions for session");
  await menu.getByRole("menuitem", { name: /^Take session / }).click();
  await expect(page.getByText("1 session assigned")).toBeVisible();
  await page.goto("/chat-sessions?assignee=me");
  await expect(rowOf(page, id)).toContainText(SUPPORT);
  await expect(page.getByTestId("filter-chips")).toContainText("Assignee: Me");
  await page.context().addCookies([{ name: "locale", value: "ar", domain: "localhost", path: "/" }]);
  await page.reload();
  await expect(page.getByTestId("filter-chips")).toContainText("المسؤول: أنا");
  await expect(rowOf(page, id)).toBeVisible();
  await expectAccessible(page);
});

test("a private note sits in the conversation, marked apart, with its author (ar)", async ({ page }) => {
  const id = await sessionWithMessages();
  await signIn(page, "admin", "ar");
  await page.goto(`/chat-sessions/${id}/edit`);
  await page.getByLabel("ملاحظة خاصة للفريق").fill("البائع يشحن أيام الاثنين");
  await page.getByRole("button", { name: "إضافة ملاحظة" }).click();
  const note = page.getByTestId("staff-note").filter({ hasText: "البائع يشحن أيام الاثنين" });
  await expect(note).toContainText(ADMIN);
  await expect(note).toContainText("ملاحظة خاصة");
  await expectAccessible(page);
});

test("a bulk mark-read undone puts the badge back to its exact value (en)", async ({ page }) => {
  await signIn(page, "support", "en");
  await page.goto("/chat-sessions?unread=1");
  const badge = page.getByTestId("nav-unread-badge").first();
  const before = await trueUnreadTotal();
  await expect(badge).toHaveAttribute("data-count", String(before));
  const rows = page.locator("tbody tr[data-row-id]");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Mark all messages read" }).click();
  await expect(badge).not.toHaveAttribute("data-count", String(before));
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone", { exact: true })).toBeVisible();
  await expect(badge).toHaveAttribute("data-count", String(before));
  expect(await trueUnreadTotal()).toBe(before);
});
