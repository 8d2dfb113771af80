import { expect, request, test, type Page } from "./support/test";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

const rows = (page: Page) => page.locator("tbody tr[data-row-id]");
const FILE_NAME = /^chat-sessions-\d{4}-\d{2}-\d{2}\.(csv|xlsx)$/;

async function selectAllMatching(page: Page, labels: { page: string; matching: RegExp }) {
  await page.getByRole("checkbox", { name: labels.page }).check();
  await page.getByRole("button", { name: labels.matching }).click();
}

async function lastExportAudit() {
  const { rows: audit } = await e2eDb().query<{ details: { format: string; rows: number; completed: boolean } }>(
    "SELECT details FROM audit_log WHERE action = 'chatSessions.export' ORDER BY id DESC LIMIT 1",
  );
  return audit[0]?.details;
}

test("BULK-3 exports every matching session as Excel: Arabic headers, typed cells, frozen right-to-left header (ar)", async ({ page }) => {
  await signIn(page, "support", "ar");
  await page.goto("/chat-sessions?unread=1");
  await expect(rows(page)).toHaveCount(25);
  await selectAllMatching(page, { page: "تحديد كل الجلسات في هذه الصفحة", matching: /تحديد كل الجلسات المطابقة/ });
  await expect(page.getByText(/تم تحديد كل الجلسات المطابقة/)).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "تصدير Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(FILE_NAME);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, rightToLeft: true });
  expect(sheet.getRow(1).values).toEqual([undefined, "المعرّف", "المنتج", "العميل", "البائع", "عدد الرسائل", "الرسائل غير المقروءة", "آخر رسالة", "تاريخ الإنشاء", "تاريخ التحديث", "الانتظار", "بانتظار الرد من", "المسؤول"]);

  const { rows: expected } = await e2eDb().query<{ id: number; product_name: string; customer_name: string; message_count: number; unread_count: number; last_message_at: Date }>(
    // in the list's order: last message, newest first
    "SELECT id, product_name, customer_name, message_count, unread_count, last_message_at FROM chat_sessions WHERE unread_count > 0 ORDER BY last_message_at DESC, id DESC",
  );
  expect(sheet.rowCount).toBe(1 + expected.length);
  const first = sheet.getRow(2);
  expect(first.getCell(1).value).toBe(expected[0]!.id);
  expect(first.getCell(2).value).toBe(expected[0]!.product_name);
  expect(first.getCell(3).value).toBe(expected[0]!.customer_name);
  expect(first.getCell(5).value).toBe(expected[0]!.message_count);
  expect(first.getCell(6).value).toBe(expected[0]!.unread_count);
  expect((first.getCell(7).value as Date).getTime()).toBe(expected[0]!.last_message_at.getTime());
  expect(first.getCell(7).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
  // Every exported session has unread messages, as the filter says.
  for (let index = 2; index <= sheet.rowCount; index += 1) expect(sheet.getRow(index).getCell(6).value).toBeGreaterThan(0);

  await expect.poll(lastExportAudit).toMatchObject({ format: "xlsx", rows: expected.length, completed: true });
});

test("BULK-3 exports the searched set as CSV that Excel reads: BOM, English headers, Arabic names, one line per session (en)", async ({ page }) => {
  await signIn(page, "admin", "en");
  await page.goto(`/chat-sessions?q=${encodeURIComponent("احمد")}`);
  await expect(rows(page).first()).toBeVisible();
  await selectAllMatching(page, { page: "Select every session on this page", matching: /Select all \S+ matching sessions/ });

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(FILE_NAME);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);

  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe("ID,Product,Customer,Vendor,Messages,Unread,Last message,Created at,Updated at,Waiting,Awaiting a reply from,Assignee");
  const { rows: expected } = await e2eDb().query<{ id: number }>(
    "SELECT id FROM chat_sessions WHERE search_text LIKE '%' || search_normalize($1) || '%' ORDER BY last_message_at DESC, id DESC",
    ["احمد"],
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(lines.slice(1).map((line) => Number(line.split(",")[0]))).toEqual(expected.map((row) => row.id));
  expect(lines.slice(1).every((line) => /أحمد|احمد|إحمد|آحمد/.test(line))).toBe(true);
  await expect.poll(lastExportAudit).toMatchObject({ format: "csv", rows: expected.length, completed: true });
});

test("BULK-3 the export route refuses roles without the permission (403) and bad parameters (400), in the UI language", async ({ page, browser, baseURL }) => {
  await signIn(page, "support", "en");
  for (const query of ["format=pdf", "format=csv&ids=abc", "format=csv&customer=abc", `format=csv&q=${"x".repeat(10_000)}`]) {
    const response = await page.request.get(`/chat-sessions/export?${query}`);
    expect(response.status(), query.slice(0, 30)).toBe(400);
    expect(await response.text()).toBe("The input is not valid.");
  }
  const { rows: any } = await e2eDb().query<{ id: number }>("SELECT id FROM chat_sessions ORDER BY id LIMIT 1");
  const ok = await page.request.get(`/chat-sessions/export?format=csv&ids=${any[0]!.id}`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-disposition"]).toMatch(/filename\*=UTF-8''chat-sessions-\d{4}-\d{2}-\d{2}\.csv/);

  const context = await browser.newContext();
  const qaPage = await context.newPage();
  await signIn(qaPage, "qa", "ar");
  const refused = await qaPage.request.get("/chat-sessions/export?format=xlsx");
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe("ليست لديك صلاحية للقيام بذلك.");
  await context.close();

  const anonymous = await request.newContext({ baseURL });
  const stranger = await anonymous.get("/chat-sessions/export?format=csv", { maxRedirects: 0 });
  expect(stranger.status()).not.toBe(200);
  expect(stranger.headers()["content-disposition"]).toBeUndefined();
  await anonymous.dispose();
});
